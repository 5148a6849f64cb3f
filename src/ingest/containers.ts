// From a payload (a file's or a response's bytes) to documents: a WARC or a feed yields its items, JSON
// yields its records, anything else is one document. Items that only link to their text are fetched here.
import type { ContentKind, InputError, RawDocument, RecordHints } from '../types.js';
import { decodeBytes } from './charset.js';
import type { DeclaredContent } from './content-type.js';
import { decodedDocument, inlineDocument, type Payload } from './document.js';
import { parseFeed, type FeedEntry } from './feed.js';
import { InputFailure, toInputError } from './failure.js';
import { fetchUrl } from './http-fetch.js';
import { fetchConcurrency, type ReadOptions } from './options.js';
import { mapOrdered } from './ordered-map.js';
import { recordEntry } from './records.js';
import { isFeed, isWarc, looksLikeHtml } from './sniff.js';
import { warcDocuments } from './warc.js';

/** A payload whose container kind is not settled yet: `declared` is what its name or media type said. */
export interface ContainerPayload extends Omit<Payload, 'declaredKind'> {
  declared: DeclaredContent | null;
}

const documentKinds: ReadonlySet<string> = new Set(['html', 'text', 'markdown']);

/** Fetches a link found in a feed item or record and reads it as one document carrying `hints`. */
export async function linkedDocument(source: string, link: string, hints: RecordHints, opts: ReadOptions): Promise<RawDocument> {
  const fetched = await fetchUrl(link, opts);
  return decodedDocument({
    source,
    url: fetched.url,
    bytes: fetched.bytes,
    transportCharset: fetched.charset,
    contentType: fetched.contentType,
    declaredKind: documentKinds.has(fetched.declared) ? (fetched.declared as ContentKind) : null,
    fetchedAt: fetched.fetchedAt,
    hints,
    origin: 'response body',
  });
}

async function feedItemDocument(source: string, entry: FeedEntry, opts: ReadOptions): Promise<RawDocument | InputError> {
  const itemSource = `${source}#${entry.n}`;
  if ('error' in entry) return { source: itemSource, reason: entry.error };
  if (entry.content) return inlineDocument(itemSource, entry.content.body, entry.content.kind, entry.link, entry.hints);
  return linkedDocument(itemSource, entry.link, entry.hints, opts).catch((err) => toInputError(itemSource, err));
}

function feedDocuments(source: string, xml: string, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  return mapOrdered(parseFeed(xml), fetchConcurrency(opts), (entry) => feedItemDocument(source, entry, opts));
}

/** One JSON record (already parsed) -> its document, or the reason it has none; `source` is `path#n`. */
export async function recordDocument(source: string, value: unknown, opts: ReadOptions): Promise<RawDocument | InputError> {
  try {
    const entry = recordEntry(value);
    if (entry.content) return inlineDocument(source, entry.content.body, entry.content.kind, entry.url, entry.hints);
    return await linkedDocument(source, entry.url, entry.hints, opts);
  } catch (err) {
    return toInputError(source, err);
  }
}

/** The records of a JSON file, numbered from 1; links are fetched a few at a time, in order. */
export function recordDocuments(source: string, values: unknown[], opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  return mapOrdered(values.entries(), fetchConcurrency(opts), ([i, value]) => recordDocument(`${source}#${i + 1}`, value, opts));
}

/** The documents in a payload. Throws InputFailure when the payload as a whole cannot be read. */
export async function* payloadDocuments(p: ContainerPayload, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  if (isWarc(p.bytes)) {
    yield* warcDocuments(p.source, [p.bytes], opts);
    return;
  }
  const decoded = decodeBytes(p.bytes, p.transportCharset);
  if (!decoded.text.trim()) throw new InputFailure(`${p.origin} is empty`);
  // An .xml file or XML media type is parsed as a feed (so a hostile DOCTYPE is refused) unless it is HTML.
  if (isFeed(decoded.text) || (p.declared === 'feed' && !looksLikeHtml(decoded.text))) {
    yield* feedDocuments(p.source, decoded.text, opts);
    return;
  }
  const declaredKind = p.declared && documentKinds.has(p.declared) ? (p.declared as ContentKind) : null;
  yield decodedDocument({ ...p, declaredKind }, decoded);
}
