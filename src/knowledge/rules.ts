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
  const a = letters(span);
  const b = letters(alias);
  if (a.length !== b.length) return false;
  if (a.length >= 5 && a.every(isUpper)) return true;
  return a.every((ch, i) => isUpper(ch) === isUpper(b[i]!));
}

function letters(s: string): string[] {
  return [...s].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}
