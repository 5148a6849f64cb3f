// Finds lexicon phrases in text on word boundaries, case-insensitively, longest phrase first.
import type { Span } from '../types.js';

export interface PhraseHit extends Span {
  /** The lexicon phrase that matched, as written in the lexicon. */
  phrase: string;
}

export interface PhraseMatcher {
  /** Every non-overlapping hit in `text`; `offset` is added to the spans (for searching inside a slice). */
  find(text: string, offset?: number): PhraseHit[];
}

/** Spaces and hyphens are interchangeable in phrases ("hostage-taking", "hostage taking"). */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+');
}

/** Compiles the phrases into one alternation, so a text is scanned once whatever the lexicon size. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byKey = new Map<string, string>();
  for (const p of phrases) if (!byKey.has(normalise(p))) byKey.set(normalise(p), p);
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const source = keys.length ? `(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])` : '(?!)';
  const re = new RegExp(source, 'giu');
  return {
    find(text: string, offset = 0): PhraseHit[] {
      const hits: PhraseHit[] = [];
      for (const m of text.matchAll(re)) {
        hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, phrase: byKey.get(normalise(m[0])) ?? m[0] });
      }
      return hits;
    },
  };
}
