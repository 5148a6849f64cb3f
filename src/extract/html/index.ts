// HTML page -> article: metadata plus the main text, paragraphs joined by a blank line.
import { collectBlocks } from './blocks.js';
import { loadCues, type Cues } from './cues.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { pruneBoilerplate } from './prune.js';
import { selectArticle } from './select.js';
import { collapse, parseHtml } from './tree.js';

/** Page metadata (title, byline, outlet, published, language, url) plus the main text. */
export interface HtmlExtraction extends Omit<PageMetadata, 'articleBody'> {
  /** Paragraphs joined by "\n\n". */
  text: string;
}

export function extractHtml(html: string, url: string | null = null): HtmlExtraction {
  const cues = loadCues();
  const page = parseHtml(html);
  const { articleBody, ...metadata } = readMetadata(page, url);
  pruneBoilerplate(page.root, cues);
  const blocks = collectBlocks(page.root, cues);
  let text = selectArticle(page.root, blocks, metadata.title, cues).map((b) => b.text).join('\n\n');
  // Pages that render their body with JavaScript often still ship it in JSON-LD.
  if (articleBody && articleBody.length > 2 * text.length) text = paragraphsOf(articleBody, cues).join('\n\n');
  return { ...metadata, text };
}

/** JSON-LD articleBody as paragraphs: it may be plain text with line breaks, or HTML. */
function paragraphsOf(articleBody: string, cues: Cues): string[] {
  if (/<\/?[a-z][a-z0-9]*[\s/>]/i.test(articleBody)) return collectBlocks(parseHtml(articleBody).root, cues).map((b) => b.text);
  return articleBody.split(/\n\s*\n|\r?\n/).map(collapse).filter((line) => line !== '');
}
