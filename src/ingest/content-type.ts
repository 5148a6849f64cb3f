// Content-Type headers -> media type and charset, and what each media type may hold.
import { loadIngestData } from './data.js';

/** What a media type holds: a document kind, a feed, or 'sniff' (decide from the bytes). */
export type DeclaredContent = 'html' | 'text' | 'markdown' | 'feed' | 'sniff';

const contentTypes = loadIngestData<Record<string, DeclaredContent>>('content-types.json');

export interface ContentType {
  /** Media type without parameters, lower case; null when the header is missing or blank. */
  mime: string | null;
  charset: string | null;
}

export function parseContentType(header: string | null | undefined): ContentType {
  const [mime, ...params] = (header ?? '').split(';').map((p) => p.trim());
  const charset = params.find((p) => /^charset=/i.test(p))?.slice('charset='.length).replace(/^["']|["']$/g, '');
  return { mime: mime ? mime.toLowerCase() : null, charset: charset || null };
}

/** What a media type promises, 'sniff' when there is none, or undefined for types we do not read. */
export function declaredContent(mime: string | null): DeclaredContent | undefined {
  return mime === null ? 'sniff' : contentTypes[mime];
}
