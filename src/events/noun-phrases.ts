// Case-robust noun phrases next to a cue ("the extraditables claimed responsibility", "carried out by the FMLN"):
// a run of words back to (or on to) punctuation or a function word. In text without capitals, where the tagger
// misses or cuts names, this is what stands next to the cue.
import type { Span } from '../types.js';

export interface PhraseRules {
  /** Words that end a phrase (determiners, prepositions other than "of", auxiliaries, pronouns). */
  stops: Set<string>;
  /** Words stepped over between a cue and its phrase ("the FMLN has today claimed ..."). */
  skip: Set<string>;
  maxWords: number;
}

const WORD_BEFORE = /([\p{L}\p{N}][\p{L}\p{N}'.-]*)\s*$/u;
const WORD_AFTER = /^\s*([\p{L}\p{N}][\p{L}\p{N}'.-]*)/u;

/** Listed words and adverbs ("immediately") may stand between a cue and its phrase. */
function skippable(word: string, rules: PhraseRules): boolean {
  return rules.skip.has(word) || /\p{L}{3}ly$/u.test(word);
}

/** A phrase does not start or end with its connector "of". */
function trimmed(text: string, starts: number[], ends: number[]): Span | null {
  let i = 0;
  let j = starts.length - 1;
  while (i <= j && /^of$/i.test(text.slice(starts[i]!, ends[i]!))) i++;
  while (j >= i && /^of$/i.test(text.slice(starts[j]!, ends[j]!))) j--;
  return i <= j ? { start: starts[i]!, end: ends[j]! } : null;
}

/** The phrase ending at `end` (after skipping words such as "has"), within [from, end). */
export function phraseBefore(text: string, from: number, end: number, rules: PhraseRules): Span | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = end;
  let skipping = true;
  while (starts.length < rules.maxWords) {
    const window = Math.max(from, at - 40);
    const m = WORD_BEFORE.exec(text.slice(window, at));
    if (!m) break;
    const word = m[1]!.toLowerCase();
    const wordStart = window + m.index + m[0].indexOf(m[1]!);
    if (skipping && skippable(word, rules)) {
      at = wordStart;
      continue;
    }
    skipping = false;
    if (rules.stops.has(word)) break;
    starts.unshift(wordStart);
    ends.unshift(wordStart + m[1]!.replace(/[.'-]+$/, '').length);
    at = wordStart;
  }
  return trimmed(text, starts, ends);
}

/** The phrase starting at `start` (after skipping words such as "the"), within [start, to). */
export function phraseAfter(text: string, start: number, to: number, rules: PhraseRules): Span | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = start;
  let skipping = true;
  while (starts.length < rules.maxWords) {
    const m = WORD_AFTER.exec(text.slice(at, Math.min(to, at + 40)));
    if (!m) break;
    const word = m[1]!.toLowerCase();
    const wordStart = at + m[0].length - m[1]!.length;
    at += m[0].length;
    if (skipping && skippable(word, rules)) continue;
    skipping = false;
    if (rules.stops.has(word)) break;
    starts.push(wordStart);
    ends.push(wordStart + m[1]!.replace(/[.'-]+$/, '').length);
    if (/[.'-]$/.test(m[1]!)) break;
  }
  return trimmed(text, starts, ends);
}
