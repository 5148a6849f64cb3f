// Per-word hashed properties (lower-cased form, shapes, affixes, case flags), computed once per distinct
// word string and cached, so tagging a token mostly costs table look-ups.
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import { hashString } from './hash.js';
import { shortShape, wordShape } from './shape.js';

/** Field offsets in a word's lexical record. */
export const LEX = {
  lower: 0,
  form: 1,
  shape: 2,
  short: 3,
  prefix: 4, // 4 prefixes (lengths 1-4), then
  suffix: 8, // 4 suffixes (lengths 1-4)
  flags: 12,
} as const;
const LEX_SIZE = 13;

/** Case flags of a word. */
export const FLAG = { initCap: 1, allCaps: 2, allLower: 4, hasLetter: 8, neverAtEdge: 16 } as const;

let edgePunctuation: Set<string> | null = null;
/** Punctuation that can never begin or end an entity (see data/punctuation.json). */
function neverAtEdge(word: string): boolean {
  edgePunctuation ??= new Set(
    (JSON.parse(readFileSync(packagePath('src/nlp/ner/data/punctuation.json'), 'utf8')) as { neverAtEntityEdge: string[] })
      .neverAtEntityEdge,
  );
  return edgePunctuation.has(word);
}

// Seeds keep the same string in different fields apart.
const SEED = { lower: 1, form: 2, shape: 3, short: 4, prefix: 10, suffix: 20 } as const;
const CACHE_LIMIT = 100_000;
const cache = new Map<string, Int32Array>();

/** Typographic quotes read as the ASCII ones the training text uses. */
function normalise(word: string): string {
  return word.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟«»]/g, '"');
}

function caseFlags(word: string): number {
  let upper = 0, lower = 0;
  for (let i = 0; i < word.length && i < 64; i++) {
    const ch = word[i]!;
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  let flags = 0;
  if (upper + lower > 0) flags |= FLAG.hasLetter;
  const first = word[0] ?? '';
  if (first !== first.toLowerCase()) flags |= FLAG.initCap;
  if (upper > 0 && lower === 0) flags |= FLAG.allCaps;
  if (lower > 0 && upper === 0) flags |= FLAG.allLower;
  return flags;
}

function compute(word: string): Int32Array {
  const form = normalise(word);
  const lower = form.toLowerCase();
  const rec = new Int32Array(LEX_SIZE);
  rec[LEX.lower] = hashString(lower, SEED.lower);
  rec[LEX.form] = hashString(form, SEED.form);
  rec[LEX.shape] = hashString(wordShape(form), SEED.shape);
  rec[LEX.short] = hashString(shortShape(form), SEED.short);
  for (let k = 1; k <= 4; k++) {
    // Affixes longer than the word repeat the whole word; hashing them separately would only add noise.
    const n = Math.min(k, lower.length);
    rec[LEX.prefix + k - 1] = hashString(lower.slice(0, n), SEED.prefix + k);
    rec[LEX.suffix + k - 1] = hashString(lower.slice(lower.length - n), SEED.suffix + k);
  }
  rec[LEX.flags] = caseFlags(form) | (neverAtEdge(form) ? FLAG.neverAtEdge : 0);
  return rec;
}

/** The lexical record of a word (shared, do not modify). */
export function lexicon(word: string): Int32Array {
  let rec = cache.get(word);
  if (rec === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded memory on hostile or huge inputs
    rec = compute(word);
    cache.set(word, rec);
  }
  return rec;
}
