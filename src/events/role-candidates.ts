// Candidate role fillers of a sentence for the learned role classifier: every run of up to `maxWords` words
// inside a chunk (words between punctuation and function words), and "X of Y" runs across one "of (the)"
// ("members of the army", "offices of the electoral council"). Read without capitals, so it works on text in
// any case; which candidates fill a role, and where one ends, is left to the classifier.
import { hashString } from '../nlp/ner/hash.js';
import type { Span } from '../types.js';

export interface Token extends Span {
  /** Lower-cased text of the token, and its hash (features are built from hashes). */
  lower: string;
  hash: number;
  /** Whether it is a word or number (else punctuation). */
  word: boolean;
}

/** A candidate filler: tokens `first`..`last` (inclusive) of its sentence. */
export interface Candidate extends Span {
  first: number;
  last: number;
  /** Whether it starts at the start of its chunk and ends at the end of its chunk. */
  atChunkStart: boolean;
  atChunkEnd: boolean;
  /** Whether it runs across "of". */
  joined: boolean;
}

export interface CandidateRules {
  /** Function words: they end a chunk and never start or end a candidate. */
  stops: Set<string>;
  /** Longest candidate within one chunk, in words. */
  maxWords: number;
  /** Longest candidate across "of", in words (without "of" and an article after it). */
  maxJoinedWords: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** The tokens of text[span): words (with inner hyphens, apostrophes and dots) and single punctuation marks. */
export function tokenize(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(TOKEN)) {
    const start = span.start + m.index;
    const lower = m[0].toLowerCase();
    out.push({ start, end: start + m[0].length, lower, hash: hashString(lower, 0), word: /^[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

/** Chunks as [first, last] token indices: maximal runs of words that are not function words. */
function chunks(tokens: Token[], rules: CandidateRules): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = -1;
  tokens.forEach((t, i) => {
    const inside = t.word && !rules.stops.has(t.lower);
    if (inside && from < 0) from = i;
    if (!inside && from >= 0) {
      out.push([from, i - 1]);
      from = -1;
    }
  });
  if (from >= 0) out.push([from, tokens.length - 1]);
  return out;
}

const ARTICLES = new Set(['the', 'a', 'an']);

export function candidates(tokens: Token[], rules: CandidateRules): Candidate[] {
  const out: Candidate[] = [];
  const add = (first: number, last: number, atChunkStart: boolean, atChunkEnd: boolean, joined: boolean) =>
    out.push({ start: tokens[first]!.start, end: tokens[last]!.end, first, last, atChunkStart, atChunkEnd, joined });
  const runs = chunks(tokens, rules);
  const startingAt = new Map(runs.map((c) => [c[0], c]));
  for (const [a, b] of runs) {
    for (let i = a; i <= b; i++) for (let j = i; j <= b && j - i < rules.maxWords; j++) add(i, j, i === a, j === b, false);
    // "X of (the) Y": a tail of this chunk, "of", a head of the next one.
    let k = b + 1;
    if (tokens[k]?.lower !== 'of') continue;
    k++;
    if (tokens[k] && ARTICLES.has(tokens[k]!.lower)) k++;
    const next = startingAt.get(k);
    if (!next) continue;
    for (let i = Math.max(a, b - rules.maxJoinedWords + 2); i <= b; i++) {
      for (let j = next[0]; j <= next[1] && b - i + 1 + j - next[0] + 1 <= rules.maxJoinedWords; j++) add(i, j, i === a, j === next[1], true);
    }
  }
  return out;
}
