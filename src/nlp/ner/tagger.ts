// Greedy left-to-right decoding over a document, BILOU-constrained, with the same code path for
// training (a learner sees every decision) and tagging.
import { gazetteerMarks } from './gazetteer.js';
import { DocumentContext, documentContext, dynamicFeatures, HISTORY_O, MAX_DYNAMIC_FEATURES, MAX_STATIC_FEATURES, staticFeatures } from './features.js';
import { FLAG, LEX, lexicon } from './lexicon.js';
import type { NerModel } from './model.js';
import { ALLOWED, AT_EDGE, END_OK, START_TAG, TAG_COUNT, typeOf } from './tags.js';

/** Receives every tagging decision during training: the token's feature rows, gold and predicted tags. */
export interface Learner {
  learn(rows: Uint32Array, count: number, gold: number, predicted: number): void;
}

/** Growable scratch buffers, reused across sentences so tagging allocates almost nothing per token. */
class Scratch {
  staticFeatures = new Uint32Array(0);
  counts = new Uint8Array(0);
  marks = new Uint16Array(0);
  rows = new Uint32Array(MAX_STATIC_FEATURES + MAX_DYNAMIC_FEATURES);
  dynamic = new Uint32Array(MAX_DYNAMIC_FEATURES);
  scores = new Float64Array(TAG_COUNT);
  ensure(tokens: number): void {
    if (this.counts.length >= tokens) return;
    const size = Math.max(tokens, 2 * this.counts.length, 64);
    this.staticFeatures = new Uint32Array(size * MAX_STATIC_FEATURES);
    this.counts = new Uint8Array(size);
    this.marks = new Uint16Array(size);
  }
}
const scratch = new Scratch();

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
  return lexes.map((lex, s) => tagSentence(model, lex, doc, history, gold?.[s], learner));
}

/** Highest-scoring tag that may follow `prev` (and end the sentence, and sit at an entity edge), or -1. */
function bestTag(scores: Float64Array, prev: number, last: boolean, inside: boolean): number {
  let best = -1;
  for (let t = 0; t < TAG_COUNT; t++) {
    if (!ALLOWED[prev * TAG_COUNT + t] || (last && !END_OK[t]) || (inside && AT_EDGE[t])) continue;
    if (best < 0 || scores[t]! > scores[best]!) best = t;
  }
  return best;
}

function tagSentence(
  model: NerModel,
  lex: readonly Uint32Array[],
  doc: DocumentContext,
  history: Map<number, number>,
  gold: Uint8Array | undefined,
  learner: Learner | undefined,
): Uint8Array {
  const n = lex.length;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const { weights } = model;
  const mask = model.rows - 1;
  scratch.ensure(n);
  const { staticFeatures: feats, counts, marks, rows, dynamic, scores } = scratch;
  gazetteerMarks(model.gazetteer, lex, marks);
  staticFeatures(lex, marks, model.caseRatios, doc, feats, counts);
  let prev = START_TAG, prev2 = START_TAG;
  for (let i = 0; i < n; i++) {
    const rec = lex[i]!;
    const lower = rec[LEX.lower]!;
    const seen = history.get(lower) ?? 0;
    let count = 0;
    const base = i * MAX_STATIC_FEATURES;
    for (let k = 0; k < counts[i]!; k++) rows[count++] = feats[base + k]! & mask;
    const dynamicEnd = dynamicFeatures(rec, prev, prev2, seen, dynamic, 0);
    for (let k = 0; k < dynamicEnd; k++) rows[count++] = dynamic[k]! & mask;

    scores.fill(0);
    for (let k = 0; k < count; k++) {
      const row = rows[k]! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) scores[t] += weights[row + t]!;
    }
    const last = i === n - 1;
    const inside = (rec[LEX.flags]! & FLAG.neverAtEdge) !== 0;
    let best = bestTag(scores, prev, last, inside);
    if (best < 0) best = bestTag(scores, prev, last, false); // an entity still open at a final comma must close
    if (learner && gold) learner.learn(rows, count, gold[i]!, best);
    tags[i] = best;
    if (rec[LEX.flags]! & FLAG.hasLetter) {
      const type = typeOf(best);
      const shift = 4 * (type < 0 ? HISTORY_O : type);
      if (((seen >>> shift) & 15) < 15) history.set(lower, seen + (1 << shift));
    }
    prev2 = prev;
    prev = best;
  }
  return tags;
}
