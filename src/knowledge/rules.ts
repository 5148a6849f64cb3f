// The matching rules kept in data/matching.json (exact-case aliases, place stopwords, honorifics, spelling variants).
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

interface MatchingFile {
  exactCaseMaxLength: number;
  exactCase: string[];
  placeStopwords: string[];
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

/** Whether an alias only matches text written with the same capitalisation ("IS" the group, not "is"). */
export function needsExactCase(alias: string): boolean {
  const r = matchingRules();
  return alias.length <= r.exactCaseMaxLength || r.exactCaseSet.has(alias);
}
