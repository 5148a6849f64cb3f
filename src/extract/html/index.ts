// HTML page -> article: metadata plus the main text, paragraphs joined by a blank line.
import { collectBlocks } from './blocks.js';
import { loadCues, type Cues } from './cues.js';
import { readMetadata } from './metadata.js';
import { pruneBoilerplate } from './prune.js';
import { selectArticle } from './select.js';
import { collapse, parseHtml } from './tree.js';

export interface HtmlExtraction {
  title: string | null;
  /** Paragraphs joined by "\n\n". */
  text: string;
  byline: string | null;
  outlet: string | null;
  /** ISO 8601. */
  published: string | null;
  publishedFrom: 'metadata' | 'url' | null;
  /** ISO 639-1, from <html lang> or metadata. */
  language: string | null;
  /** canonical / og:url, else the URL given. */
  url: string | null;
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
