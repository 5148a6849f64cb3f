// Turning surface forms into comparison keys. Two forms that should name the same thing ("al-Qa'ida",
// "Al Qaeda") get the same key; the raw text is never changed, so spans stay exact.
import { matchingRules } from './rules.js';

const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const SEPARATORS = /[-\u2010-\u2015\u2212_/.,()]+/g;
const COMBINING_MARKS = /\p{M}+/gu;

// Names recur within and across articles, and folding one takes a normalisation and six regular expressions;
// longer strings are no names and are not kept.
const FOLD_CACHE_LIMIT = 50_000;
const folded = new Map<string, string>();

/** Lower case, no diacritics, no apostrophes, separators as single spaces, known spelling variants unified. */
export function foldKey(surface: string): string {
  if (surface.length > MAX_NAME_LENGTH) return fold(surface);
  let key = folded.get(surface);
  if (key === undefined) {
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    key = fold(surface);
    folded.set(surface, key);
  }
  return key;
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
  if (surface.length > MAX_NAME_LENGTH) return [];
  let forms = formsCache.get(surface);
  if (forms === undefined) {
    if (formsCache.size >= FOLD_CACHE_LIMIT) formsCache.clear();
    forms = Object.freeze(computeForms(surface));
    formsCache.set(surface, forms);
  }
  return forms;
}
// The same names are looked up again and again, and each costs a normalisation and several patterns.
const formsCache = new Map<string, readonly string[]>();

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
