// RawDocument -> Article: HTML through the HTML extractor, pasted text/Markdown/records through the
// pasted-text cleaner; then Unicode normalisation, metadata, language and a content-derived id.
// Record hints (from a JSON record or feed item) win over anything guessed from the content.
import type { Article, PublishedFrom, RawDocument } from '../types.js';
import { bylineFromLine } from './byline.js';
import { extractHtml } from './html/index.js';
import { articleId } from './id.js';
import { detectLanguage } from './language.js';
import { stripMarkdown } from './markdown.js';
import { normalizeText } from './normalize.js';
import { hostName, knownOutletForUrl } from './outlet.js';
import { cleanPastedText } from './pasted.js';
import { inferPublished, type PublishedGuess } from './published.js';
import { normaliseDate } from './html/published.js';

/** Why one document yielded no article; `message` is the reason shown to the user. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** What the content itself says, before hints are applied. */
interface Extracted {
  title: string | null;
  /** Paragraphs joined by a blank line, not yet normalised. */
  text: string;
  byline: string | null;
  outlet: string | null;
  published: string | null;
  publishedFrom: PublishedFrom | null;
  language: string | null;
  url: string | null;
  /** Dated lines outside the text (header, captions) for publication-date inference. */
  context: string[];
}

/** Share of NUL or replacement characters in a sample above which a body is binary, not text. */
const BINARY_SHARE = 0.05;
const BINARY_SAMPLE = 4096;

function looksBinary(body: string): boolean {
  const sample = body.slice(0, BINARY_SAMPLE);
  const bad = sample.match(/[\u0000\uFFFD]/gu)?.length ?? 0;
  return bad > BINARY_SHARE * sample.length;
}

/** A short metadata field on one line, NFKC-normalised like the text; null when empty. */
function cleanField(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = normalizeText(value).text.replace(/\s+/gu, ' ');
  return text === '' ? null : text;
}

// Page metadata names the outlet more reliably than the host; the host more reliably than furniture text
// (an aggregator's copy keeps the original's "Join X to…" lines).
function fromHtml(doc: RawDocument, url: string | null): Extracted {
  const page = extractHtml(doc.body, url);
  return { ...page, outlet: page.outlet ?? knownOutletForUrl(page.url ?? url), context: page.title ? [page.title] : [] };
}

function fromPasted(doc: RawDocument, url: string | null): Extracted {
  const body = doc.kind === 'markdown' ? stripMarkdown(doc.body) : doc.body;
  const pasted = cleanPastedText(body);
  // A record's body was already isolated by whoever made the record: when it holds no prose sentence (a
  // headline-only feed item), its lines are the text rather than nothing.
  const paragraphs =
    pasted.paragraphs.length === 0 && doc.kind === 'record' ? body.split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '') : pasted.paragraphs;
  return {
    title: pasted.title,
    text: paragraphs.join('\n\n'),
    byline: pasted.byline,
    outlet: knownOutletForUrl(url) ?? pasted.outlet,
    published: null,
    publishedFrom: null,
    language: null,
    url: null,
    context: pasted.metaLines,
  };
}

/** Extracts the article in one document. Throws ExtractError when there is no article text in it. */
export function extractArticle(doc: RawDocument): Article {
  if (doc.body.trim() === '') throw new ExtractError('empty document');
  if (looksBinary(doc.body)) throw new ExtractError('binary content, not text');
  const hints = doc.hints;
  const givenUrl = doc.url ?? hints.url ?? null;
  const found = doc.kind === 'html' ? fromHtml(doc, givenUrl) : fromPasted(doc, givenUrl);
  const { text, offsets } = normalizeText(found.text);
  if (text === '') throw new ExtractError('no article text found after removing boilerplate');

  const url = givenUrl ?? found.url;
  // A record's own date wins; an unreadable one falls back to what the content says.
  const recordDate = hints.published ? normaliseDate(hints.published) : null;
  const { published, publishedFrom }: PublishedGuess = recordDate
    ? { published: recordDate, publishedFrom: 'metadata' }
    : found.published
      ? { published: found.published, publishedFrom: found.publishedFrom }
      : inferPublished(text, { url, context: found.context, fetchedAt: doc.fetchedAt });
  const hintedByline = cleanField(hints.byline);

  return {
    id: articleId(text),
    source: doc.source,
    url,
    title: cleanField(hints.title) ?? cleanField(found.title),
    text,
    published,
    publishedFrom,
    outlet: cleanField(hints.outlet) ?? cleanField(found.outlet) ?? hostName(url),
    // A record's "By Jane Doe" loses its "By" like a byline line in the text does.
    byline: (hintedByline && (bylineFromLine(hintedByline) ?? hintedByline)) ?? cleanField(found.byline),
    language: detectLanguage(text) ?? found.language,
    fetchedAt: doc.fetchedAt,
    offsets,
  };
}
