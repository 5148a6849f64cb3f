// Paragraph boundaries: extraction puts one paragraph (or headline) per line.
import type { Span } from '../types.js';

/** The non-empty lines of `text`, with surrounding whitespace trimmed off each span. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end + 1;
  }
  return out;
}
