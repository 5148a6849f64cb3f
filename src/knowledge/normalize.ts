// Turning surface forms into comparison keys. Two forms that should name the same thing ("al-Qa'ida",
// "Al Qaeda"; "Suleimani", "Soleimani") get the same key; the raw text is never changed, so spans stay exact.
import { matchingRules } from './rules.js';

const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const SEPARATORS = /[-\u2010-\u2015\u2212_/.,()]+/g;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * `compute`, with its answers kept per string, up to `limit` strings (then all are forgotten at once, so memory
 * stays bounded): names recur within and across articles, and keys and forms of names cost normalisations and
 * several regular expressions each.
 */
export function memoByString<T>(compute: (s: string) => T, limit = 50_000): (s: string) => T {
  const kept = new Map<string, T>();
  return (s) => {
    let value = kept.get(s);
    if (value === undefined) {
      if (kept.size >= limit) kept.clear();
      value = compute(s);
      kept.set(s, value);
    }
    return value;
  };
}

const foldName = memoByString(fold);

/** Lower case, no diacritics, no apostrophes, separators as single spaces, known spelling variants unified.
 * Longer strings than a name are folded but not kept. */
export function foldKey(surface: string): string {
  return surface.length > MAX_NAME_LENGTH ? fold(surface) : foldName(surface);
}

function fold(surface: string): string {
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

/** Longer strings are not names; refusing them early keeps hostile input cheap. */
export const MAX_NAME_LENGTH = 200;

const EDGE_PUNCTUATION = /^[\s"'“”‘’«»(\[]+|[\s"'“”‘’«»)\].,;:!?]+$/g;

/**
 * The forms of a name worth looking up, most literal first: as written (without surrounding quotes,
 * punctuation or a possessive ending), then without a leading "the", then without titles ("Gen.",
 * "President"). Trying the literal form first keeps "The Independent" and "General Assembly" whole.
 */
export function surfaceForms(surface: string): readonly string[] {
  return surface.length > MAX_NAME_LENGTH ? [] : formsOf(surface);
}
const formsOf = memoByString((surface): readonly string[] => Object.freeze(computeForms(surface)));

function computeForms(surface: string): string[] {
  const written = surface.normalize('NFKC').replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '').replace(/['’]s$/u, '');
  const withoutThe = written.replace(/^the\s+/i, '');
  let withoutTitles = withoutThe;
  const honorifics = matchingRules().honorificSet;
  for (;;) {
    const m = /^(\S+(?:\s+minister)?)\.?\s+(?=\S)/i.exec(withoutTitles);
    const head = m?.[1]?.toLowerCase().replace(/\.$/, '');
    if (!m || head === undefined || !honorifics.has(head)) break;
    withoutTitles = withoutTitles.slice(m[0].length);
  }
  return [...new Set([written, withoutThe, withoutTitles])].filter((f) => f !== '');
}

/**
 * A spelling-tolerant key for one name: lower case, accents and non-letters removed, vowels after the first
 * letter dropped (a leading vowel becomes "a"), doubled consonants collapsed, and the number of vowel groups
 * appended so that different names with one skeleton stay apart (Putin "ptn2", Potanin "ptn3").
 * Suleimani and Soleimani both give "slmn4"; Qassim, Qasim and Qassem all give "qsm2".
 */
export function nameKey(word: string): string {
  return word.length > MAX_NAME_LENGTH ? skeletonKey(word) : nameKeyOf(word);
}
const nameKeyOf = memoByString(skeletonKey);

function skeletonKey(word: string): string {
  const letters = word.normalize('NFKD').toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return word.toLowerCase();
  const head = /[aeiouy]/.test(letters[0]) ? 'a' : letters[0];
  const skeleton = (head + letters.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
  return skeleton + (letters.match(/[aeiouy]+/g)?.length ?? 0);
}
