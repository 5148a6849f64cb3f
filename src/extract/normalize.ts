// Unicode clean-up of extracted text with a map back to the original offsets, so evidence spans found in the
// clean text can be shown in the text they came from.
import type { OffsetMap } from '../types.js';

// Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/u;
// C0/C1 controls other than tab and line breaks (those are whitespace, handled below).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const SPACE = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B]/u;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F]/u;
// One base character with the combining marks that follow it, so NFKC can compose them.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/suy;
const COMBINING = /^\p{M}/u;
const VISIBLE_ASCII = /[\x21-\x7E]+/y;

/** Maps one NFKC-normalised character to what the clean text keeps: '' (drop), ' ', '\n', '\n\n' or itself. */
function mapChar(ch: string): string {
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u0085') return '\n';
  if (ch === '\u2029') return '\n\n';
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch) || CONTROL.test(ch)) return '';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  return ch;
}

/**
 * NFKC (so styled letters such as mathematical bold read as plain letters), every space variant to one plain
 * space, curly quotes to straight ones, invisible and control characters removed, lines trimmed, and
 * paragraphs separated by exactly one blank line. Dashes are kept. `offsets` maps each clean offset back.
 */
export function normalizeText(raw: string): { text: string; offsets: OffsetMap } {
  const out: string[] = [];
  const runs: Array<[number, number]> = [];
  let length = 0;
  let rawEnd = 0;
  // Whitespace is held back until the next visible character decides whether it becomes ' ', '\n' or '\n\n'
  // (or nothing, at the start and end of the text).
  let pendingNewlines = 0;
  let pendingRaw = -1;
  let previousCr = false;

  const push = (s: string, rawAt: number): void => {
    const last = runs[runs.length - 1];
    if (!last || last[1] + (length - last[0]) !== rawAt) runs.push([length, rawAt]);
    out.push(s);
    length += s.length;
  };

  const flushPending = (): void => {
    if (pendingRaw >= 0 && length > 0) push(pendingNewlines >= 2 ? '\n\n' : pendingNewlines === 1 ? '\n' : ' ', pendingRaw);
    pendingNewlines = 0;
    pendingRaw = -1;
    previousCr = false;
  };

  let i = 0;
  while (i < raw.length) {
    // Fast path: a run of visible ASCII is kept as it is (minus a last letter that a combining mark follows).
    VISIBLE_ASCII.lastIndex = i;
    const plain = VISIBLE_ASCII.exec(raw)?.[0];
    const runLength = plain ? (COMBINING.test(raw[i + plain.length] ?? '') ? plain.length - 1 : plain.length) : 0;
    if (runLength > 0) {
      flushPending();
      push(raw.slice(i, i + runLength), i);
      i += runLength;
      rawEnd = i;
      continue;
    }
    let cluster = raw[i]!;
    const next = raw.charCodeAt(i + 1);
    if (cluster.charCodeAt(0) >= 0x80 || (next >= 0x300 && COMBINING.test(raw[i + 1]!))) {
      CLUSTER.lastIndex = i;
      cluster = CLUSTER.exec(raw)![0];
    }
    const rawAt = i;
    i += cluster.length;
    const normal = cluster.length === 1 && cluster.charCodeAt(0) < 0x80 ? cluster : cluster.normalize('NFKC');
    // Output units of a cluster map linearly when it kept its length, else all to the cluster's start.
    const linear = normal.length === cluster.length;
    let unit = 0;
    for (const ch of normal) {
      const at = linear ? rawAt + unit : rawAt;
      unit += ch.length;
      const kept = mapChar(ch);
      if (kept === '') continue;
      if (kept === ' ' || kept[0] === '\n') {
        if (pendingRaw < 0) pendingRaw = at;
        // \r\n is one line break.
        if (kept !== ' ' && !(ch === '\n' && previousCr)) pendingNewlines += kept.length;
        previousCr = ch === '\r';
        continue;
      }
      flushPending();
      // Surrogate pairs that survive NFKC stay linear inside the cluster.
      for (let k = 0; k < kept.length; k++) push(kept[k]!, linear ? at + k : at);
      rawEnd = i;
    }
  }
  const last = runs[runs.length - 1];
  if (last && last[1] + (length - last[0]) !== rawEnd) runs.push([length, rawEnd]);
  return { text: out.join(''), offsets: { runs } };
}

/** The raw offset that clean offset `i` (0..text.length) came from. */
export function toRawOffset(map: OffsetMap, i: number): number {
  const { runs } = map;
  if (runs.length === 0) return i;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= i) lo = mid;
    else hi = mid - 1;
  }
  const [normStart, rawStart] = runs[lo]!;
  return rawStart + (i - normStart);
}
