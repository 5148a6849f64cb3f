// Building RawDocuments. Invariant: `body` is `raw` decoded with `charset`, so any later stage can re-run
// from the stored bytes alone.
import type { ContentKind, RawDocument, RecordHints } from '../types.js';
import { decodeBytes, type Decoded } from './charset.js';
import { InputFailure } from './failure.js';
import { documentKind } from './sniff.js';

/** Bytes of one document with what the transport said about them. */
export interface Payload {
  source: string;
  url: string | null;
  bytes: Buffer;
  transportCharset: string | null;
  contentType: string | null;
  /** The kind the file name or media type promised, or null to decide from the content. */
  declaredKind: ContentKind | null;
  fetchedAt: string | null;
  hints: RecordHints;
  /** What the bytes are, for the "... is empty" message: "file", "response body", "WARC record". */
  origin: string;
}

/** The document in `p`; pass `decoded` when the caller already decoded the bytes to sniff them. */
export function decodedDocument(p: Payload, decoded: Decoded = decodeBytes(p.bytes, p.transportCharset)): RawDocument {
  if (!decoded.text.trim()) throw new InputFailure(`${p.origin} is empty`);
  return {
    source: p.source,
    url: p.url,
    body: decoded.text,
    kind: documentKind(p.declaredKind, decoded.text),
    raw: p.bytes,
    contentType: p.contentType,
    charset: decoded.charset,
    fetchedAt: p.fetchedAt,
    hints: p.hints,
  };
}

/** A document whose text came inside a container (feed item content, JSON record text or html). */
export function inlineDocument(source: string, body: string, kind: ContentKind, url: string | null, hints: RecordHints): RawDocument {
  return { source, url, body, kind, raw: Buffer.from(body, 'utf8'), contentType: null, charset: 'utf-8', fetchedAt: null, hints };
}
