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
  // Transitions in one map keyed by state * 65536 + folded code unit: far lighter than a map per state.
  private readonly edges = new Map<number, number>();
  private fail: number[] = [0];
  private output: number[] = [-1];
  /** Next state along the failure chain that ends a pattern (-1 when none). */
  private outLink: number[] = [-1];
  private depth: number[] = [0];

  /** Builds the automaton; pattern i is reported as `pattern: i`. Patterns that fold to nothing are ignored. */
  constructor(patterns: readonly string[]) {
    patterns.forEach((p, i) => this.insert(foldCodes(p), i));
    this.link();
  }

  private insert(folded: number[], index: number): void {
    if (folded.length === 0) return;
    let state = 0;
    for (const c of folded) {
      const key = state * 65536 + c;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.fail.length;
        this.fail.push(0);
        this.output.push(-1);
        this.outLink.push(-1);
        this.depth.push(this.depth[state]! + 1);
        this.edges.set(key, next);
      }
      state = next;
    }
    if (this.output[state] === -1) this.output[state] = index;
  }

  private link(): void {
    const children = new Map<number, Array<[number, number]>>();
    for (const [key, child] of this.edges) {
      const parent = Math.floor(key / 65536);
      const list = children.get(parent);
      const edge: [number, number] = [key % 65536, child];
      if (list) list.push(edge);
      else children.set(parent, [edge]);
    }
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, child] of children.get(state) ?? []) {
        queue.push(child);
        if (state === 0) continue;
        let f = this.fail[state]!;
        while (f !== 0 && !this.edges.has(f * 65536 + c)) f = this.fail[f]!;
        const target = this.edges.get(f * 65536 + c) ?? 0;
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
      let next = this.edges.get(state * 65536 + c);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.edges.get(state * 65536 + c);
      }
      state = next ?? 0;
      for (let s = this.output[state] !== -1 ? state : this.outLink[state]!; s > 0; s = this.outLink[s]!) {
        hits.push({ pattern: this.output[s]!, start: consumed[count - this.depth[s]!]!, end: i + 1 });
      }
    }
    return hits;
  }
}

const foldTable = new Uint16Array(65536);

/** One UTF-16 code unit folded to one: lower case without diacritics; dashes, underscores and spaces to a space. */
export function foldUnit(code: number): number {
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
