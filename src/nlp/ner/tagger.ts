// Greedy left-to-right decoding over a document, restricted to valid BILOU sequences, with the same code
// path for training (a learner sees every decision, and the history is the gold tags) and tagging.
import { gazetteerMarks, singleWordEntry } from './gazetteer.js';
import {
  CASE_MODE, caseRatioBucket, type DocumentContext, documentContext, dynamicFeatures, HISTORY_O, MAX_DYNAMIC_FEATURES,
  MAX_STATIC_FEATURES, MODE_FEATURES, MODE_PARTS, modeFeatures, NEIGHBOUR_FEATURES, NEIGHBOUR_OFFSETS, neighbourFeatures,
  sentenceCase, staticFeatures, WORD_FEATURES, wordFeatures,
} from './features.js';
import { FLAG, LEX, lexicon } from './lexicon.js';
import type { NerModel } from './model.js';
import { ALLOWED, END_OK, spansFromTags, START_TAG, TAG_COUNT, tagsFromSpans, typeOf } from './tags.js';
import type { Weights } from './weights.js';

/** Receives every tagging decision during training: the positions of the token's feature rows in the weight
 * table (see Weights.locate), gold and predicted tags. */
export interface Learner {
  learn(positions: Int32Array, count: number, gold: number, predicted: number): void;
}

/** Growable scratch buffers, reused across sentences so tagging allocates almost nothing per token. */
class Scratch {
  staticFeatures = new Int32Array(0);
  counts = new Uint8Array(0);
  marks = new Uint16Array(0);
  rows = new Int32Array(MAX_STATIC_FEATURES + MAX_DYNAMIC_FEATURES);
  dynamic = new Int32Array(MAX_DYNAMIC_FEATURES);
  scores = new Float64Array(TAG_COUNT);
  /** Per token of the sentence, its word's WordScores entry, and from it its gazetteer entry and case ratio. */
  words: Float64Array[] = [];
  single = new Int32Array(0);
  ratios = new Int32Array(0);
  ensure(tokens: number): void {
    if (this.counts.length >= tokens) return;
    const size = Math.max(tokens, 2 * this.counts.length, 64);
    this.staticFeatures = new Int32Array(size * MAX_STATIC_FEATURES);
    this.counts = new Uint8Array(size);
    this.marks = new Uint16Array(size);
    this.single = new Int32Array(size);
    this.ratios = new Int32Array(size);
  }
}
const scratch = new Scratch();

/**
 * Per word, the summed weights of the features that depend on that word alone, under the weights used last: its
 * own features (the first WORD_FEATURES of a token), then its neighbour features as it stands at each of
 * NEIGHBOUR_OFFSETS from a token, then its features in a mixed-case sentence (modeFeatures) as the token, as the
 * word before a token and after it. They are the same at every occurrence of the word, so a word seen before
 * costs one look-up instead of twenty-six rows. Tagging only (training changes the weights, and the learner must
 * see every row). The committed model's weights are integers, which sum exactly in any order, so the tags are the
 * same as without it.
 */
class WordScores {
  private model: NerModel | null = null;
  private readonly byWord = new Map<Int32Array, Float64Array>();
  private readonly rows = new Int32Array(WORD_FEATURES);
  private readonly part = new Float64Array(TAG_COUNT);

  /** The word's score vectors (see WORD_SLOTS), then its GAZETTEER_ENTRY and CASE_RATIO, for the word with
   * lexical record `rec`. */
  get(model: NerModel, rec: Int32Array): Float64Array {
    if (model !== this.model) {
      this.byWord.clear();
      this.model = model;
    }
    let scores = this.byWord.get(rec);
    if (scores === undefined) {
      if (this.byWord.size >= WORD_SCORES_LIMIT) this.byWord.clear(); // bounded memory, as the lexicon's cache
      scores = new Float64Array(WORD_ENTRY);
      wordFeatures(rec, this.rows, 0);
      this.add(model.weights, WORD_FEATURES, scores, 0);
      for (let slot = 0; slot < NEIGHBOUR_OFFSETS.length; slot++) {
        neighbourFeatures(rec, slot, this.rows, 0);
        this.add(model.weights, NEIGHBOUR_FEATURES, scores, (slot + 1) * TAG_COUNT);
      }
      scores[GAZETTEER_ENTRY] = singleWordEntry(model.gazetteer, rec);
      scores[CASE_RATIO] = caseRatioBucket(model.caseRatios, rec);
      for (let part = 0; part < MODE_PARTS; part++) {
        modeFeatures(rec, scores[CASE_RATIO]!, CASE_MODE.mixed, part, this.rows, 0);
        this.add(model.weights, MODE_FEATURES[part]!, scores, MIXED_CASE + part * TAG_COUNT);
      }
      this.byWord.set(rec, scores);
    }
    return scores;
  }

  private add(weights: Weights, count: number, scores: Float64Array, at: number): void {
    weights.locate(this.rows, 0, count);
    this.part.fill(0);
    weights.addScores(this.rows, count, this.part);
    scores.set(this.part, at);
  }
}
/** Score vectors per word: its own, then one per neighbour slot. */
const WORD_SLOTS = 1 + NEIGHBOUR_OFFSETS.length;
if (NEIGHBOUR_OFFSETS.join() !== '-2,-1,1,2') throw new Error('ner: tagSentence adds neighbour scores for offsets -2, -1, 1, 2');
/** Where WordScores keeps a word's singleWordEntry and caseRatioBucket, after its score vectors. */
const GAZETTEER_ENTRY = WORD_SLOTS * TAG_COUNT;
const CASE_RATIO = GAZETTEER_ENTRY + 1;
/** Then its mixed-case vectors: as the token, as the word before a token, as the word after one. */
const MIXED_CASE = CASE_RATIO + 1;
const WORD_ENTRY = MIXED_CASE + MODE_PARTS * TAG_COUNT;
/** A word's vectors for positions outside the sentence: nothing to add. */
const NO_WORD = new Float64Array(WORD_ENTRY);
const WORD_SCORES_LIMIT = 30_000; // about 1 KB each
const wordScores = new WordScores();
/** Longest run of tokens tagged as one sentence. */
const MAX_SENTENCE_TOKENS = 1000;

/**
 * Tags every sentence of one document (earlier sentences inform later ones through the document
 * history). Returns BILOU tag ids per sentence. With `gold` and `learner`, reports each decision.
 */
export function tagDocument(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  gold?: readonly Uint8Array[],
  learner?: Learner,
): Uint8Array[] {
  const lexes = sentences.map((words) => words.map(lexicon));
  const doc: DocumentContext = documentContext(lexes);
  const history = new Map<number, number>();
  return lexes.map((lex, s) => {
    if (lex.length <= MAX_SENTENCE_TOKENS) return tagSentence(model, lex, doc, history, gold?.[s], learner);
    // A "sentence" this long is a table or junk: tag it in windows to keep the scratch buffers small.
    const tags = new Uint8Array(lex.length);
    for (let from = 0; from < lex.length; from += MAX_SENTENCE_TOKENS) {
      const to = Math.min(lex.length, from + MAX_SENTENCE_TOKENS);
      tags.set(tagSentence(model, lex.slice(from, to), doc, history, gold?.[s]?.subarray(from, to), learner), from);
    }
    return tags;
  });
}

/** Highest-scoring tag that may follow `prev` (and, for the last token, end the sentence). */
function bestTag(scores: Float64Array, prev: number, last: boolean): number {
  let best = -1;
  for (let t = 0; t < TAG_COUNT; t++) {
    if (!ALLOWED[prev * TAG_COUNT + t] || (last && !END_OK[t])) continue;
    if (best < 0 || scores[t]! > scores[best]!) best = t;
  }
  return best;
}

function tagSentence(
  model: NerModel,
  lex: readonly Int32Array[],
  doc: DocumentContext,
  history: Map<number, number>,
  gold: Uint8Array | undefined,
  learner: Learner | undefined,
): Uint8Array {
  const n = lex.length;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const { weights } = model;
  scratch.ensure(n);
  const { staticFeatures: feats, counts, marks, rows, dynamic, scores } = scratch;
  const own = learner ? 0 : WORD_FEATURES; // features scored through wordScores
  const { words, single, ratios } = scratch;
  if (own > 0) {
    for (let i = 0; i < n; i++) {
      const word = (words[i] = wordScores.get(model, lex[i]!));
      single[i] = word[GAZETTEER_ENTRY]!;
      ratios[i] = word[CASE_RATIO]!;
    }
  }
  gazetteerMarks(model.gazetteer, lex, marks, own > 0 ? single : undefined);
  staticFeatures(lex, marks, model.caseRatios, doc, feats, counts, own > 0, own > 0 ? ratios : undefined);
  const mixed = own > 0 && sentenceCase(lex) === CASE_MODE.mixed; // as staticFeatures decides
  for (let i = 0; i < n; i++) weights.locate(feats, i * MAX_STATIC_FEATURES + own, counts[i]! - own);
  let prev = START_TAG, prev2 = START_TAG;
  for (let i = 0; i < n; i++) {
    const rec = lex[i]!;
    const lower = rec[LEX.lower]!;
    const seen = history.get(lower) ?? 0;
    let count = 0;
    const base = i * MAX_STATIC_FEATURES;
    for (let k = own; k < counts[i]!; k++) rows[count++] = feats[base + k]!;
    const dynamicEnd = dynamicFeatures(rec, prev, prev2, seen, dynamic, 0);
    weights.locate(dynamic, 0, dynamicEnd);
    for (let k = 0; k < dynamicEnd; k++) rows[count++] = dynamic[k]!;

    if (own > 0) {
      // The word's own scores and its neighbours' as neighbours (slots -2, -1, +1, +2 of NEIGHBOUR_OFFSETS), in one
      // loop V8 compiles tightly; a neighbour outside the sentence adds zeros (its features are rows).
      const word = words[i]!;
      const before2 = i >= 2 ? words[i - 2]! : NO_WORD, before1 = i >= 1 ? words[i - 1]! : NO_WORD;
      const after1 = i + 1 < n ? words[i + 1]! : NO_WORD, after2 = i + 2 < n ? words[i + 2]! : NO_WORD;
      for (let t = 0; t < TAG_COUNT; t++) {
        scores[t] = word[t]! + before2[TAG_COUNT + t]! + before1[2 * TAG_COUNT + t]! + after1[3 * TAG_COUNT + t]! + after2[4 * TAG_COUNT + t]!;
      }
      if (mixed) {
        // The word's mixed-case features, the word before as a token's predecessor, the word after as successor.
        for (let t = 0; t < TAG_COUNT; t++) {
          scores[t] += word[MIXED_CASE + t]! + before1[MIXED_CASE + TAG_COUNT + t]! + after1[MIXED_CASE + 2 * TAG_COUNT + t]!;
        }
      }
    } else scores.fill(0);
    weights.addScores(rows, count, scores);
    const best = bestTag(scores, prev, i === n - 1);
    if (learner && gold) learner.learn(rows, count, gold[i]!, best);
    tags[i] = best;
    // In training, later decisions see the gold tag: with its own mistakes as history, the BILOU constraints
    // would force updates towards tags that cannot follow (measured: about 2 F1 worse on CoNLL dev).
    const chosen = learner && gold ? gold[i]! : best;
    if (rec[LEX.flags]! & FLAG.hasLetter) {
      const type = typeOf(chosen);
      const shift = 4 * (type < 0 ? HISTORY_O : type);
      if (((seen >>> shift) & 15) < 15) history.set(lower, seen + (1 << shift));
    }
    prev2 = prev;
    prev = chosen;
  }
  return trimPunctuation(tags, lex);
}

/** Drops punctuation that can never begin or end an entity ("Islamic State ," -> "Islamic State"). */
export function trimPunctuation(tags: Uint8Array, lex: readonly Int32Array[]): Uint8Array {
  const edge = (i: number): boolean => (lex[i]![LEX.flags]! & FLAG.neverAtEdge) !== 0;
  const spans = spansFromTags(tags);
  if (!spans.some((s) => edge(s.start) || edge(s.end - 1))) return tags;
  const trimmed = spans.flatMap((span) => {
    let { start, end } = span;
    while (start < end && edge(start)) start++;
    while (end > start && edge(end - 1)) end--;
    return start < end ? [{ start, end, type: span.type }] : [];
  });
  return tagsFromSpans(tags.length, trimmed);
}
