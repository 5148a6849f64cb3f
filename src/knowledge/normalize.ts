// Turning surface forms into comparison keys. Two forms that should name the same thing ("al-Qa'ida",
// "Al Qaeda") get the same key; the raw text is never changed, so spans stay exact.
import { matchingRules } from './rules.js';

const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const SEPARATORS = /[-\u2010-\u2015\u2212_/.,()]+/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower case, no diacritics, no apostrophes, separators as single spaces, known spelling variants unified. */
export function foldKey(surface: string): string {
  const base = surface
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return unifySpelling(base);
}

let variantPattern: RegExp | null = null;

function unifySpelling(key: string): string {
  const variants = matchingRules().spellingVariants;
  variantPattern ??= new RegExp(
    `\\b(?:${Object.keys(variants)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})\\b`,
    'g',
  );
  return key.replace(variantPattern, (word) => variants[word] ?? word);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name as a linker should look it up: without surrounding quotes and punctuation, a leading "the",
 * honorifics and titles ("Gen.", "President"), or a possessive ending ("ISIS-K's").
 */
export function cleanSurface(surface: string): string {
  let s = surface.normalize('NFKC').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[\s"'“”‘’«»(\[]+|[\s"'“”‘’«»)\].,;:!?]+$/g, '');
  s = s.replace(/(?:['’]s|s['’])$/u, (m) => (m.startsWith('s') ? 's' : ''));
  const honorifics = matchingRules().honorificSet;
  for (;;) {
    const m = /^(\S+(?:\s+minister)?)\.?\s+(?=\S)/i.exec(s);
    const head = m?.[1]?.toLowerCase().replace(/\.$/, '');
    if (m && head !== undefined && (head === 'the' || honorifics.has(head))) s = s.slice(m[0].length);
    else break;
  }
  return s;
}

/** True for letters and digits: the characters a whole-word match may not touch. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
