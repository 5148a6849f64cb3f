// The matching rules kept in data/matching.json (exact-case aliases, place stopwords, generic place words,
// honorifics, spelling variants), and the case test that applies them.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

interface MatchingFile {
  exactCaseMaxLength: number;
  exactCase: string[];
  placeStopwords: string[];
  genericPlaceWords: string[];
  /** Generic word -> id of the world region it names when tagged as a place ("West" -> the Western world). */
  bareRegionWords: Record<string, string>;
  honorifics: string[];
  spellingVariants: Record<string, string>;
}

export interface MatchingRules extends MatchingFile {
  exactCaseSet: Set<string>;
  placeStopwordSet: Set<string>;
  honorificSet: Set<string>;
}

let rules: MatchingRules | null = null;

export function matchingRules(): MatchingRules {
  if (rules) return rules;
  const file = JSON.parse(readFileSync(packagePath('src/knowledge/data/matching.json'), 'utf8')) as MatchingFile;
  rules = {
    ...file,
    exactCaseSet: new Set(file.exactCase),
    placeStopwordSet: new Set(file.placeStopwords),
    honorificSet: new Set(file.honorifics),
  };
  return rules;
}

/**
 * Whether an alias only matches text written with the same capitalisation: short ones ("IS" the group, not
 * "is"), acronyms ("START", not "start"), and those listed in the data file.
 */
export function needsExactCase(alias: string): boolean {
  const r = matchingRules();
  return alias.length <= r.exactCaseMaxLength || alias === alias.toUpperCase() || r.exactCaseSet.has(alias);
}

/**
 * Whether `span` is written with the capitalisation of `alias`, letter by letter ("IS" matches "IS", not "Is"
 * or "is"). A span in capitals matches any alias of five letters or more (headlines, datelines: "MOSCOW").
 */
export function caseMatches(span: string, alias: string): boolean {
  // Walks both strings' letters in step by code point: this runs for every candidate match, and building
  // letter arrays here was a tenth of the annotation layer's allocation.
  let i = 0;
  let j = 0;
  let count = 0;
  let allUpper = true;
  let same = true;
  for (;;) {
    let a = NOT_LETTER;
    while (i < span.length && a === NOT_LETTER) {
      const cp = span.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      a = letterCase(cp);
    }
    let b = NOT_LETTER;
    while (j < alias.length && b === NOT_LETTER) {
      const cp = alias.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      b = letterCase(cp);
    }
    if (a === NOT_LETTER || b === NOT_LETTER) {
      if (a !== b) return false;
      break;
    }
    count++;
    if (a !== UPPER) allUpper = false;
    if (a !== b) same = false;
  }
  return same || (count >= 5 && allUpper);
}

const NOT_LETTER = 0;
const LOWER = 1;
const UPPER = 2;

/** A letter is a character with distinct cases; it is upper case when lower-casing changes it. */
function letterCase(cp: number): number {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? UPPER : cp >= 97 && cp <= 122 ? LOWER : NOT_LETTER;
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase();
  if (lower === ch.toUpperCase()) return NOT_LETTER;
  return ch !== lower ? UPPER : LOWER;
}
