// Feature extraction. Every feature is a 32-bit hash of (template, values) reduced to a weight row.
// Static features depend only on the words and the document; dynamic ones on tags already predicted.
import { mix } from './hash.js';
import { FLAG, LEX } from './lexicon.js';
import { ENTITY_TYPES } from './tags.js';

/** Template ids: the salt of each feature family (prefix and suffix use four ids each, one per length). */
const T = {
  bias: 1, lower: 2, form: 3, shape: 4, short: 5, prefix: 6, suffix: 10,
  lowerPrev: 14, lowerPrev2: 15, lowerNext: 16, lowerNext2: 17,
  shortPrev: 18, shortPrev2: 19, shortNext: 20, shortNext2: 21,
  bigramPrev: 22, bigramNext: 23, shortTrigram: 24, firstShape: 25,
  lowerPrevShort: 26, lowerNextShort: 27, sentenceCase: 28, docSeenLower: 29, docSeenCap: 30,
  gazetteer: 31, gazetteerPrev: 32, gazetteerNext: 33,
  caseRatio: 34, caseRatioShort: 35, caseRatioPrev: 36, caseRatioNext: 37,
  runLast: 38, runFirst: 39, runShape: 40,
  tagPrev: 41, tagPrev2: 42, tagPrevLower: 43, tagPrevShort: 44, history: 45, historyShort: 46,
} as const;

/** Most static features a token can have (37 fixed templates plus up to 48 gazetteer bits). */
export const MAX_STATIC_FEATURES = 88;
/** The first WORD_FEATURES static features of every token (bias, word, shapes, affixes) depend on the word alone. */
export const WORD_FEATURES = 13;
/** Most dynamic features a token can have. */
export const MAX_DYNAMIC_FEATURES = 16;

// Sentinels for positions before the first and after the last token.
const BEFORE = 0x0b0f;
const AFTER = 0x0e0f;

/** What the whole document says about each word, gathered before tagging (the same for every sentence). */
export interface DocumentContext {
  /** Lower-cased word hashes seen written in lower case somewhere in the document. */
  seenLower: Set<number>;
  /** ... seen capitalised somewhere other than sentence-initially, in a mixed-case sentence. */
  seenCapitalised: Set<number>;
}

/** How a sentence uses case; only mixed-case sentences make capitals a cue for names. */
export const CASE_MODE = { mixed: 0, upper: 1, lower: 2, title: 3 } as const;

/** The case mode of a sentence: "upper" / "lower" / "title" when nearly all its words are written so. */
export function sentenceCase(lex: readonly Int32Array[]): number {
  let letters = 0, caps = 0, lower = 0, initial = 0;
  for (const rec of lex) {
    const flags = rec[LEX.flags]!;
    if ((flags & FLAG.hasLetter) === 0) continue;
    letters++;
    if (flags & FLAG.allCaps) caps++;
    if (flags & FLAG.allLower) lower++;
    if (flags & FLAG.initCap) initial++;
  }
  if (letters >= 2 && caps >= letters * 0.8) return CASE_MODE.upper;
  if (letters >= 3 && lower === letters) return CASE_MODE.lower;
  if (letters >= 4 && initial >= letters * 0.8) return CASE_MODE.title;
  return CASE_MODE.mixed;
}

export function documentContext(sentences: readonly (readonly Int32Array[])[]): DocumentContext {
  const seenLower = new Set<number>();
  const seenCapitalised = new Set<number>();
  for (const lex of sentences) {
    const mode = sentenceCase(lex);
    for (let i = 0; i < lex.length; i++) {
      const flags = lex[i]![LEX.flags];
      if (flags & FLAG.allLower) seenLower.add(lex[i]![LEX.lower]);
      else if (i > 0 && mode === CASE_MODE.mixed && flags & FLAG.initCap) seenCapitalised.add(lex[i]![LEX.lower]!);
    }
  }
  return { seenLower, seenCapitalised };
}

/** Writes the WORD_FEATURES features of a word alone (bias, word, shapes, affixes) into `out` from `k`. */
export function wordFeatures(rec: Int32Array, out: Int32Array, k: number): void {
  out[k++] = T.bias;
  out[k++] = mix(T.lower, rec[LEX.lower]!);
  out[k++] = mix(T.form, rec[LEX.form]!);
  out[k++] = mix(T.shape, rec[LEX.shape]!);
  out[k++] = mix(T.short, rec[LEX.short]!);
  for (let a = 0; a < 4; a++) {
    out[k++] = mix(T.prefix + a, rec[LEX.prefix + a]!);
    out[k++] = mix(T.suffix + a, rec[LEX.suffix + a]!);
  }
}

/** Where a neighbour word stands relative to the token being tagged, by neighbour slot. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;
/** Features per neighbour slot: the neighbour's lower-cased form and short shape, which depend on that word alone. */
export const NEIGHBOUR_FEATURES = 2;
const NEIGHBOUR_FIELDS = [LEX.lower, LEX.short] as const;
/** Template per neighbour field and slot. */
const NEIGHBOUR_TEMPLATES = [[T.lowerPrev2, T.lowerPrev, T.lowerNext, T.lowerNext2], [T.shortPrev2, T.shortPrev, T.shortNext, T.shortNext2]] as const;
/** Slots in the order the model was trained with (-1, -2, +1, +2): training sums float weights in that order. */
const SLOT_ORDER = [1, 0, 2, 3] as const;

/** Writes the NEIGHBOUR_FEATURES features of the word with lexical record `rec` standing at NEIGHBOUR_OFFSETS[slot]
 * from the token, into `out` from `k`. */
export function neighbourFeatures(rec: Int32Array, slot: number, out: Int32Array, k: number): void {
  for (let f = 0; f < NEIGHBOUR_FEATURES; f++) out[k + f] = mix(NEIGHBOUR_TEMPLATES[f]![slot]!, rec[NEIGHBOUR_FIELDS[f]!]!);
}

/** The parts of modeFeatures: a word's features as the token itself, as the word before a token, after it. */
export const MODE_PARTS = 3;
export const MODE_FEATURES = [3, 1, 1] as const;

/** Writes the MODE_FEATURES[part] features that depend only on a word (record `rec`, case-ratio `bucket`) and the
 * case `mode` of its sentence into `out` from `k`: its sentence-case and case-ratio features as the token (part 0),
 * or the case-ratio feature of the token after it (part 1) or before it (part 2). */
export function modeFeatures(rec: Int32Array, bucket: number, mode: number, part: number, out: Int32Array, k: number): void {
  const ratio = bucket * 4 + mode;
  const short = rec[LEX.short]!;
  if (part === 0) {
    out[k] = mix(mix(T.sentenceCase, mode), short);
    out[k + 1] = mix(T.caseRatio, ratio);
    out[k + 2] = mix(mix(T.caseRatioShort, ratio), short);
  } else out[k] = mix(part === 1 ? T.caseRatioPrev : T.caseRatioNext, ratio);
}

/** A word's case-ratio bucket in the model's table (0: unknown word). */
export function caseRatioBucket(caseRatios: ReadonlyMap<number, number>, rec: Int32Array): number {
  return caseRatios.get(rec[LEX.lower]!) ?? 0;
}

/**
 * Writes the static feature hashes of every token of a sentence into `out` (MAX_STATIC_FEATURES slots
 * per token) and their counts into `counts`. With `cachedWords` the features that depend on one word alone are
 * left out, for a caller that scores them once per word: a token's own features (its first WORD_FEATURES slots
 * stay unwritten, see wordFeatures), those of neighbours inside the sentence (see neighbourFeatures), and those of
 * a word and the case mode of a mixed-case sentence (see modeFeatures).
 */
export function staticFeatures(
  lex: readonly Int32Array[],
  gazetteer: Uint16Array,
  caseRatios: ReadonlyMap<number, number>,
  doc: DocumentContext,
  out: Int32Array,
  counts: Uint8Array,
  cachedWords = false,
  ratios?: Int32Array,
): void {
  const n = lex.length;
  const mode = sentenceCase(lex);
  // The caller keeps a word's mode features for mixed-case sentences only (nearly all of them).
  const cachedMode = cachedWords && mode === CASE_MODE.mixed;
  const field = (j: number, f: number): number => (j < 0 ? BEFORE + f : j >= n ? AFTER + f : lex[j]![f]!);
  // Case-ratio bucket of a neighbour (0 unknown word, 6 outside the sentence), with the sentence's case mode;
  // `ratios`, when given, holds each token's caseRatioBucket.
  const ratio = (j: number): number => (j < 0 || j >= n ? 6 : ratios ? ratios[j]! : caseRatioBucket(caseRatios, lex[j]!)) * 4 + mode;
  // The run of capitalised words around token i, [runStart, runEnd); its last word often names the kind of
  // entity ("... Bank", "... University"). Only in mixed-case sentences, where capitals mean something.
  let runStart = -1, runEnd = 0;
  let ratioPrev = ratio(-1), ratioHere = ratio(0); // rolled along so each word is looked up once
  const capitalised = (j: number): boolean => mode === CASE_MODE.mixed && (lex[j]![LEX.flags]! & FLAG.initCap) !== 0;
  for (let i = 0; i < n; i++) {
    const rec = lex[i]!;
    const lower = rec[LEX.lower]!, short = rec[LEX.short]!;
    if (i >= runEnd) {
      runStart = capitalised(i) ? i : -1;
      runEnd = i + 1;
      if (runStart >= 0) while (runEnd < n && capitalised(runEnd)) runEnd++;
    }
    let k = i * MAX_STATIC_FEATURES;
    const start = k;
    // The word's own features first (WORD_FEATURES of them).
    if (!cachedWords) wordFeatures(rec, out, k);
    k += WORD_FEATURES;
    const lowerPrev = field(i - 1, LEX.lower), lowerNext = field(i + 1, LEX.lower);
    const shortPrev = field(i - 1, LEX.short), shortNext = field(i + 1, LEX.short);
    for (let f = 0; f < NEIGHBOUR_FEATURES; f++) {
      for (const slot of SLOT_ORDER) {
        const j = i + NEIGHBOUR_OFFSETS[slot];
        if (!cachedWords || j < 0 || j >= n) out[k++] = mix(NEIGHBOUR_TEMPLATES[f]![slot]!, field(j, NEIGHBOUR_FIELDS[f]!));
      }
    }
    out[k++] = mix(mix(T.bigramPrev, lowerPrev), lower);
    out[k++] = mix(mix(T.bigramNext, lower), lowerNext);
    out[k++] = mix(mix(mix(T.shortTrigram, shortPrev), short), shortNext);
    out[k++] = mix(mix(T.lowerPrevShort, lowerPrev), short);
    out[k++] = mix(mix(T.lowerNextShort, lowerNext), short);
    if (i === 0) out[k++] = mix(T.firstShape, short);
    if (!cachedMode) out[k++] = mix(mix(T.sentenceCase, mode), short);
    if (runStart >= 0) {
      out[k++] = mix(mix(T.runLast, lex[runEnd - 1]![LEX.lower]!), runEnd - 1 === i ? 1 : 0);
      out[k++] = mix(mix(T.runFirst, lex[runStart]![LEX.lower]!), runStart === i ? 1 : 0);
      out[k++] = mix(T.runShape, Math.min(runEnd - runStart, 4) * 8 + Math.min(i - runStart, 4));
    }
    const ratioNext = ratio(i + 1);
    if (!cachedMode) {
      out[k++] = mix(T.caseRatio, ratioHere);
      out[k++] = mix(mix(T.caseRatioShort, ratioHere), short);
    }
    if (!cachedMode || i === 0) out[k++] = mix(T.caseRatioPrev, ratioPrev);
    if (!cachedMode || i === n - 1) out[k++] = mix(T.caseRatioNext, ratioNext);
    ratioPrev = ratioHere;
    ratioHere = ratioNext;
    if (doc.seenLower.has(lower)) out[k++] = mix(T.docSeenLower, short);
    if (doc.seenCapitalised.has(lower)) out[k++] = mix(T.docSeenCap, short);
    const marks = gazetteer[i]!;
    for (let bit = 0; bit < 16; bit++) if (marks & (1 << bit)) out[k++] = mix(T.gazetteer, bit);
    if (i > 0) for (let bit = 0; bit < 16; bit++) if (gazetteer[i - 1]! & (1 << bit)) out[k++] = mix(T.gazetteerPrev, bit);
    if (i + 1 < n) for (let bit = 0; bit < 16; bit++) if (gazetteer[i + 1]! & (1 << bit)) out[k++] = mix(T.gazetteerNext, bit);
    counts[i] = Math.min(k - start, MAX_STATIC_FEATURES);
  }
}

/** Category of a tag for the document history: its entity type index, or 4 for O. */
export const HISTORY_O = ENTITY_TYPES.length;

/**
 * Writes the dynamic features of token `i` (previous tags, and what earlier mentions of the same word in
 * the document were tagged: `history` packs a 4-bit count per category) into `out` from `offset`.
 * Returns the new end offset.
 */
export function dynamicFeatures(
  rec: Int32Array,
  prev: number,
  prev2: number,
  history: number,
  out: Int32Array,
  offset: number,
): number {
  let k = offset;
  const short = rec[LEX.short]!;
  out[k++] = mix(T.tagPrev, prev);
  out[k++] = mix(mix(T.tagPrev2, prev2), prev);
  out[k++] = mix(mix(T.tagPrevLower, prev), rec[LEX.lower]!);
  out[k++] = mix(mix(T.tagPrevShort, prev), short);
  for (let cat = 0; cat <= HISTORY_O; cat++) {
    if (((history >>> (4 * cat)) & 15) === 0) continue;
    out[k++] = mix(T.history, cat);
    out[k++] = mix(mix(T.historyShort, cat), short);
  }
  return k;
}
