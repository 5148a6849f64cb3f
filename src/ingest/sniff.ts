// What a body holds, when neither its name nor its transport says: HTML, an RSS/Atom feed, a WARC file, text.
import type { ContentKind } from '../types.js';
import { loadIngestData } from './data.js';

interface HtmlMarkers {
  leadingTags: string[];
  blockTags: string[];
  minBlockTags: number;
}

const markers = loadIngestData<HtmlMarkers>('html-markers.json');
const SNIFF_CHARS = 64 * 1024;
const leadingTag = new RegExp(`^<(?:${markers.leadingTags.join('|')})(?=[\\s>/])`, 'i');
const blockTag = new RegExp(`<(?:${markers.blockTags.join('|')})(?=[\\s>/])`, 'gi');

/** The offset just past the next `marker` at or after `from`, or -1 when there is none. */
function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length;
}

/** The offset just past a DOCTYPE starting at `from` (its internal subset may hold '>'), or -1. */
function doctypeEnd(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const subset = text.indexOf('[', from);
  if (subset === -1 || close === -1 || subset > close) return close === -1 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd === -1 ? -1 : after(text, '>', subsetEnd);
}

/** The name of the first element, skipping the XML declaration, comments and a DOCTYPE (with its subset). */
export function rootElementName(text: string): string | null {
  const head = text.slice(0, SNIFF_CHARS);
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) i++;
    if (head.startsWith('\ufeff', i)) i++;
    else if (head.startsWith('<?', i)) i = after(head, '?>', i);
    else if (head.startsWith('<!--', i)) i = after(head, '-->', i);
    else if (/^<!doctype/i.test(head.slice(i, i + 9))) i = doctypeEnd(head, i);
    else break;
    if (i === -1) return null; // an unterminated declaration or comment
  }
  const name = /^<([A-Za-z][\w:.-]*)/.exec(head.slice(i));
  return name ? name[1].toLowerCase() : null;
}

export function isFeed(text: string): boolean {
  const root = rootElementName(text);
  return root === 'rss' || root === 'feed' || root === 'rdf:rdf';
}

export function isWarc(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 5)).toString('latin1') === 'WARC/';
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  if (leadingTag.test(head.trimStart())) return true;
  return (head.match(blockTag)?.length ?? 0) >= markers.minBlockTags;
}

/** The kind of a single document: HTML wins when the content is HTML, whatever the name said. */
export function documentKind(declared: ContentKind | null, text: string): ContentKind {
  if (declared === 'html' || declared === 'markdown') return declared;
  return looksLikeHtml(text) ? 'html' : (declared ?? 'text');
}
