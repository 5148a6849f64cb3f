// Aho-Corasick automaton over folded text: finds every occurrence of many patterns in one pass, in time linear
// in the text plus the matches. Characters are folded one code unit at a time (lower case, no diacritics,
// dashes as spaces), and runs of spaces count as one, so offsets into the original text are kept exactly.

const SPACE = 0x20;

export interface AutomatonHit {
  pattern: number;
  start: number;
  end: number;
}

export class Automaton {
  // The trie lives in typed arrays (first child / next sibling lists, with a direct table for the root), which
  // keeps building tens of thousands of patterns quick and light on the garbage collector.
  private readonly rootNext = new Int32Array(65536).fill(-1);
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly unit: Uint16Array;
  private readonly depth: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern ending at this state, or -1. */
  private readonly output: Int32Array;
  /** Nearest state along the failure chain that ends a pattern, or -1. */
  private readonly outLink: Int32Array;
  private states = 1;

  /** Builds the automaton; pattern i is reported as `pattern: i`. Patterns that fold to nothing are ignored. */
  constructor(patterns: readonly string[]) {
    const folded = patterns.map(foldCodes);
    const capacity = folded.reduce((n, p) => n + p.length, 1);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.unit = new Uint16Array(capacity);
    this.depth = new Int32Array(capacity);
    this.fail = new Int32Array(capacity);
    this.output = new Int32Array(capacity).fill(-1);
    this.outLink = new Int32Array(capacity).fill(-1);
    folded.forEach((p, i) => this.insert(p, i));
    this.link();
  }

  private child(state: number, c: number): number {
    if (state === 0) return this.rootNext[c]!;
    for (let s = this.firstChild[state]!; s !== -1; s = this.nextSibling[s]!) if (this.unit[s] === c) return s;
    return -1;
  }

  private insert(folded: number[], index: number): void {
    if (folded.length === 0) return;
    let state = 0;
    for (const c of folded) {
      let next = this.child(state, c);
      if (next === -1) {
        next = this.states++;
        this.unit[next] = c;
        this.depth[next] = this.depth[state]! + 1;
        this.nextSibling[next] = this.firstChild[state]!;
        this.firstChild[state] = next;
        if (state === 0) this.rootNext[c] = next;
      }
      state = next;
    }
    if (this.output[state] === -1) this.output[state] = index;
  }

  private link(): void {
    const queue = new Int32Array(this.states);
    let tail = 0;
    for (let s = this.firstChild[0]!; s !== -1; s = this.nextSibling[s]!) queue[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      for (let child = this.firstChild[state]!; child !== -1; child = this.nextSibling[child]!) {
        queue[tail++] = child;
        const c = this.unit[child]!;
        let f = this.fail[state]!;
        while (f !== 0 && this.child(f, c) === -1) f = this.fail[f]!;
        const target = Math.max(this.child(f, c), 0);
        this.fail[child] = target;
        this.outLink[child] = this.output[target] !== -1 ? target : this.outLink[target]!;
      }
    }
  }

  /** Every occurrence of every pattern in `text`, with offsets into `text` itself. */
  search(text: string): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    // consumed[k] = text offset of the k-th folded character fed to the automaton.
    const consumed = new Int32Array(text.length);
    let count = 0;
    let state = 0;
    let previous = SPACE;
    for (let i = 0; i < text.length; i++) {
      const c = foldUnit(text.charCodeAt(i));
      if (c === SPACE && previous === SPACE) continue;
      previous = c;
      consumed[count++] = i;
      let next = this.child(state, c);
      while (next === -1 && state !== 0) {
        state = this.fail[state]!;
        next = this.child(state, c);
      }
      state = Math.max(next, 0);
      for (let s = this.output[state] !== -1 ? state : this.outLink[state]!; s > 0; s = this.outLink[s]!) {
        hits.push({ pattern: this.output[s]!, start: consumed[count - this.depth[s]!]!, end: i + 1 });
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

/** A pattern as the automaton sees it; two patterns with the same folded form are the same pattern. */
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
