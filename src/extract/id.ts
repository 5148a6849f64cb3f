// Stable article ids: the same content ingested twice (from a file, a feed, a WARC) gets the same id.
import { createHash } from 'node:crypto';

/** First 16 hex digits of the SHA-256 of the text, lower-cased with whitespace runs folded to one space. */
export function articleId(text: string): string {
  const folded = text.toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex').slice(0, 16);
}
