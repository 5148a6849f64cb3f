// Many-pattern matching of whole-word names over folded text: a trie of the folded patterns, walked from every
// position that can start a word. Characters are folded one code unit at a time (lower case, no diacritics,
// dashes as spaces), and runs of spaces count as one, so offsets into the original text are kept exactly.
// Walking only from word starts (rather than running Aho-Corasick over every character) skips the inside of
// words, which is most of a text; the cost per start is bounded by the longest pattern.

const SPACE = 0x20;
/** Above this many children a state's children are binary-searched rather than scanned. */
const SCAN_LIMIT = 8;

export interface TrieHit {
  pattern: number;
  start: number;
  end: number;
}

export class PatternTrie {
  /** The state after the first folded unit of a pattern, or -1. */
  private readonly rootNext = new Int32Array(65536).fill(-1);
  /** The state after two folded ASCII units (first * 128 + second), or -1: most walks end within two steps, and a
   * direct table spares them the search of a first letter's many children. */
  private readonly asciiPairNext = new Int32Array(128 * 128).fill(-1);
  /** States are numbered breadth-first, so the children of s are the states firstChild[s] .. firstChild[s + 1] - 1,
   * in increasing order of `unit`: contiguous in memory and searchable. */
  private readonly firstChild: Int32Array;
  private readonly unit: Uint16Array;
  /** Pattern ending at this state, or -1. */
  private readonly output: Int32Array;

  /** Builds the trie; pattern i is reported as `pattern: i` (the first of patterns that fold alike). Patterns that
   * fold to nothing are ignored. */
  constructor(patterns: readonly string[]) {
    // Sorted by folded form, the states at depth d are the distinct d-unit prefixes in sorted order, which is the
    // breadth-first numbering, each state's children contiguous and in increasing order of unit. A sorted pattern
    // starts new states below the prefix it shares with the one before it, so no intermediate trie is built.
    const folded = patterns.map((p) => String.fromCharCode(...foldCodes(p)));
    const order = folded
      .map((_, i) => i)
      .filter((i) => folded[i] !== '')
      .sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : a - b));
    const sorted = order.map((i) => folded[i]!);
    const shared = new Int32Array(sorted.length);
    let count = 1;
    let depth = 0;
    sorted.forEach((f, k) => {
      const before = k > 0 ? sorted[k - 1]! : '';
      let l = 0;
      while (l < f.length && l < before.length && f.charCodeAt(l) === before.charCodeAt(l)) l++;
      shared[k] = l;
      count += f.length - l;
      depth = Math.max(depth, f.length);
    });
    this.unit = new Uint16Array(count);
    this.output = new Int32Array(count).fill(-1);
    const children = new Int32Array(count);
    const at = new Int32Array(sorted.length); // each pattern's state at the previous depth (the root first)
    let next = 1;
    for (let d = 1; d <= depth; d++) {
      let state = -1;
      for (let k = 0; k < sorted.length; k++) {
        const f = sorted[k]!;
        if (f.length < d) continue;
        if (state === -1 || shared[k]! < d) {
          state = next++;
          this.unit[state] = f.charCodeAt(d - 1);
          children[at[k]!]++;
          if (d === 1) this.rootNext[this.unit[state]!] = state;
        }
        at[k] = state;
        if (f.length === d && this.output[state] === -1) this.output[state] = order[k]!;
      }
    }
    this.firstChild = new Int32Array(count + 1);
    this.firstChild[0] = 1;
    for (let s = 0; s < count; s++) this.firstChild[s + 1] = this.firstChild[s]! + children[s]!;
    for (let c = 0; c < 128; c++) {
      const first = this.rootNext[c]!;
      if (first < 0) continue;
      for (let k = this.firstChild[first]!; k < this.firstChild[first + 1]!; k++) {
        if (this.unit[k]! < 128) this.asciiPairNext[c * 128 + this.unit[k]!] = k;
      }
    }
  }

  private child(state: number, c: number): number {
    const { unit } = this;
    let lo = this.firstChild[state]!, hi = this.firstChild[state + 1]!;
    while (hi - lo > SCAN_LIMIT) {
      const mid = (lo + hi) >>> 1;
      const u = unit[mid]!;
      if (u === c) return mid;
      if (u < c) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < hi; lo++) if (unit[lo] === c) return lo;
    return -1;
  }

  /** Every occurrence of every pattern that starts a word (at the start of `text` or after a character that is
   * not a letter or digit), with offsets into `text` itself, by start then end. */
  search(text: string): TrieHit[] {
    const hits: TrieHit[] = [];
    const { output } = this;
    for (let start = 0; start < text.length; start++) {
      if (start > 0 && isWordUnit(text.charCodeAt(start - 1))) continue;
      let i = start;
      let previous = foldUnit(text.charCodeAt(i));
      let state = this.rootNext[previous]!; // -1 for a space: patterns are trimmed
      while (state >= 0) {
        if (output[state] !== -1) hits.push({ pattern: output[state]!, start, end: i + 1 });
        do i++;
        while (i < text.length && previous === SPACE && foldUnit(text.charCodeAt(i)) === SPACE);
        if (i >= text.length) break;
        const unit = foldUnit(text.charCodeAt(i));
        state = i === start + 1 && previous < 128 && unit < 128 ? this.asciiPairNext[previous * 128 + unit]! : this.child(state, unit);
        previous = unit;
      }
    }
    return hits;
  }
}

const foldTable = new Uint16Array(65536);

/** One UTF-16 code unit folded to one: lower case without diacritics; dashes, underscores and spaces to a space. */
function foldUnit(code: number): number {
  const cached = foldTable[code]!;
  if (cached !== 0) return cached;
  const ch = String.fromCharCode(code);
  let folded = code;
  if (/[\s\-\u2010-\u2015\u2212_]/.test(ch)) folded = SPACE;
  else if (/[\u2018\u2019\u02BC\u0060\u00B4]/.test(ch)) folded = 0x27;
  else {
    const base = ch.toLowerCase().normalize('NFD');
    if (base.length >= 1 && !/\p{M}/u.test(base[0]!)) folded = base.charCodeAt(0);
  }
  foldTable[code] = folded === 0 ? code : folded;
  return foldTable[code]!;
}

/** 1 + (is a letter or digit) per code unit, filled on first use. */
const wordTable = new Uint8Array(65536);

/** True for letters and digits: the characters a whole-word match may not touch. */
export function isWordUnit(code: number): boolean {
  let known = wordTable[code]!;
  if (known === 0) known = wordTable[code] = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/** A pattern as the trie sees it; two patterns with the same folded form are the same pattern. */
export function foldForMatch(pattern: string): string {
  return String.fromCharCode(...foldCodes(pattern));
}

function foldCodes(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = foldUnit(pattern.charCodeAt(i));
    if (c === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(c);
  }
  while (out[out.length - 1] === SPACE) out.pop();
  return out;
}
