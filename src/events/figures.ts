// Casualty and arrest figures: which quantities in a sentence count the killed, injured, arrested, missing or
// hostages, and which numbers were set aside (years, ages, impossible values) with the reason.
import type { Quantity, Span } from '../types.js';
import type { EventLexicon } from './lexicon.js';
import type { DiscardedFigure, MentionFigure } from './types.js';

const WINDOW = 80;
const MAX_FILLERS = 5;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

function wordsOf(s: string): string[] {
  return (s.toLowerCase().match(WORD) ?? []);
}

/** The kind whose cue phrase starts at words[i] (after skipping filler words), or null. */
function kindAt(words: string[], table: EventLexicon['figuresAfter'], fillers: Set<string>): MentionFigure['kind'] | null {
  let skipped = 0;
  for (let i = 0; i < words.length && skipped <= MAX_FILLERS; i++) {
    for (const { kind, words: cues } of table) {
      for (const cue of cues) {
        const parts = cue.split(' ');
        if (parts.every((p, j) => words[i + j] === p)) return kind;
      }
    }
    if (!fillers.has(words[i]!)) return null;
    skipped++;
  }
  return null;
}

function isAge(text: string, q: Quantity): boolean {
  const after = text.slice(q.end, q.end + 16);
  const before = text.slice(Math.max(0, q.start - 8), q.start);
  return /^\s*-?\s*years?[\s-]*old/i.test(after) || /year.?old|^age$/i.test(q.unit ?? '') || /-year-old/i.test(q.text) || /\baged?\s*$/i.test(before);
}

function isYear(text: string, q: Quantity): boolean {
  const v = q.min ?? q.max;
  if (v === null || !Number.isInteger(v) || v < 1800 || v > 2100) return false;
  if (!/^\d{4}s?$/.test(q.text.trim())) return false;
  // A four-digit number followed by a counted noun ("1500 people") is a count, not a year.
  return q.unit === null || /^year/.test(q.unit) || /\b(in|since|from|until|of|by|before|after)\s*$/i.test(text.slice(Math.max(0, q.start - 8), q.start));
}

export interface SentenceFigures {
  figures: MentionFigure[];
  discarded: DiscardedFigure[];
}

/** Classifies the quantities of one sentence; `text` is the whole article text (all spans index it). */
export function sentenceFigures(text: string, sentence: Span, quantities: Quantity[], lex: EventLexicon): SentenceFigures {
  const figures: MentionFigure[] = [];
  const discarded: DiscardedFigure[] = [];
  for (const q of quantities) {
    const base = { text: q.text, start: q.start, end: q.end };
    if (isAge(text, q)) {
      discarded.push({ ...base, reason: 'age, not a count' });
      continue;
    }
    if (isYear(text, q)) {
      discarded.push({ ...base, reason: 'year, not a count' });
      continue;
    }
    const following = wordsOf(text.slice(q.end, Math.min(sentence.end, q.end + WINDOW)));
    const unitWords = q.unit ? wordsOf(q.unit) : [];
    const kind =
      kindAt([...unitWords, ...following], lex.figuresAfter, lex.fillers) ??
      kindAt(wordsOf(text.slice(Math.max(sentence.start, q.start - WINDOW), q.start)).reverse(), reversed(lex.figuresBefore), lex.fillers);
    if (!kind) continue;
    const value = Math.max(q.min ?? 0, q.max ?? 0);
    const limit = kind === 'killed' ? lex.maxKilled : lex.maxOther;
    if (value > limit) {
      discarded.push({ ...base, reason: `impossible: ${value} ${kind} exceeds ${limit}` });
      continue;
    }
    figures.push({ ...base, kind, min: q.min, max: q.max, approx: q.approx });
  }
  return { figures, discarded };
}

// "death toll" read backwards is "toll death": the before-cues are matched on reversed word order.
const reversedCache = new WeakMap<EventLexicon['figuresBefore'], EventLexicon['figuresBefore']>();
function reversed(table: EventLexicon['figuresBefore']): EventLexicon['figuresBefore'] {
  let r = reversedCache.get(table);
  if (!r) {
    r = table.map(({ kind, words }) => ({ kind, words: words.map((w) => w.split(' ').reverse().join(' ')) }));
    reversedCache.set(table, r);
  }
  return r;
}
