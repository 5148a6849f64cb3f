// "Case ratio": how often a word is written capitalised where capitals are optional (not sentence-initial,
// not in an all-caps line). It tells the tagger which words are names when the text has no case cues
// (ALL-CAPS wires, lower-cased chat). Learned from the training text; stored in the model by word hash.
import { FLAG, LEX, lexicon } from './lexicon.js';
import { CASE_MODE, sentenceCase } from './features.js';

/** Word hash -> bucket 1..5 (1 = practically always lower case ... 5 = practically always capitalised). */
export type CaseRatios = Map<number, number>;

const BUCKET_LIMITS = [0.02, 0.3, 0.7, 0.98];
const MIN_OCCURRENCES = 2;

export function caseRatioTable(sentences: Iterable<readonly string[]>): CaseRatios {
  const capitalised = new Map<number, number>();
  const total = new Map<number, number>();
  for (const words of sentences) {
    const lex = words.map(lexicon);
    if (sentenceCase(lex) !== CASE_MODE.mixed) continue;
    for (let i = 1; i < lex.length; i++) {
      const flags = lex[i]![LEX.flags]!;
      if ((flags & FLAG.hasLetter) === 0) continue;
      const key = lex[i]![LEX.lower]!;
      total.set(key, (total.get(key) ?? 0) + 1);
      if (flags & FLAG.initCap) capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
    }
  }
  const table: CaseRatios = new Map();
  for (const [key, n] of total) {
    if (n < MIN_OCCURRENCES) continue;
    const ratio = (capitalised.get(key) ?? 0) / n;
    let bucket = 1;
    while (bucket <= BUCKET_LIMITS.length && ratio >= BUCKET_LIMITS[bucket - 1]!) bucket++;
    table.set(key, bucket);
  }
  return table;
}
