// Averaged-perceptron training of the tagger (pure: documents in, model out; the caller does the I/O).
import { caseRatioTable } from './casing.js';
import type { Gazetteer } from './gazetteer.js';
import { emptyModel, type NerModel } from './model.js';
import { tagDocument, type Learner } from './tagger.js';
import { tagsFromSpans, type TokenSpan } from './tags.js';
import { DenseWeights, SparseWeights } from './weights.js';
import { seededRandom } from '../../random.js';

export interface TrainingSentence {
  words: string[];
  spans: TokenSpan[];
}
export interface TrainingDocument {
  sentences: TrainingSentence[];
}

export interface TrainOptions {
  /** Hashed feature rows (power of two). */
  rows: number;
  epochs: number;
  seed: number;
  /** Share of documents shown upper-cased / lower-cased in each epoch, so case-less text still gets entities. */
  upperCaseShare: number;
  lowerCaseShare: number;
  /** Share of the other documents' sentences shown in Title Case, as web headlines are written. */
  titleCaseShare: number;
  gazetteer: Gazetteer;
  /** Called after each epoch with the averaged model so far (e.g. to print dev F1). */
  onEpoch?: (epoch: number, averaged: NerModel<SparseWeights>) => void;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Perceptron with lazily averaged weights: avg = w - totals / steps. */
class AveragedPerceptron implements Learner {
  readonly totals: Float64Array;
  steps = 1;
  constructor(readonly model: NerModel<DenseWeights>) {
    this.totals = new Float64Array(model.weights.values.length);
  }
  learn(positions: Int32Array, count: number, gold: number, predicted: number): void {
    this.steps++;
    if (gold === predicted) return;
    const weights = this.model.weights.values;
    for (let k = 0; k < count; k++) {
      const row = positions[k]!;
      weights[row + gold]! += 1;
      this.totals[row + gold]! += this.steps;
      weights[row + predicted]! -= 1;
      this.totals[row + predicted]! -= this.steps;
    }
  }
  /** The averaged weights, quantised as the model file stores them (so what is evaluated is what ships). */
  averaged(): NerModel<SparseWeights> {
    const weights = this.model.weights.values;
    const out = new Float32Array(weights.length);
    for (let i = 0; i < weights.length; i++) out[i] = weights[i]! - this.totals[i]! / this.steps;
    return { ...this.model, weights: SparseWeights.quantise(new DenseWeights(this.model.rows, out)) };
  }
}

export function trainNer(documents: readonly TrainingDocument[], options: TrainOptions): NerModel<SparseWeights> {
  const rand = seededRandom(options.seed);
  const caseRatios = caseRatioTable(documents.flatMap((d) => d.sentences.map((s) => s.words)));
  const learner = new AveragedPerceptron(emptyModel(options.rows, options.gazetteer, caseRatios));
  const gold = documents.map((d) => d.sentences.map((s) => tagsFromSpans(s.words.length, s.spans)));
  const order = documents.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const roll = rand();
      const recase =
        roll < options.upperCaseShare ? (w: string) => w.toUpperCase()
        : roll < options.upperCaseShare + options.lowerCaseShare ? (w: string) => w.toLowerCase()
        : null;
      const sentences = documents[d]!.sentences.map((s) =>
        recase ? s.words.map(recase) : rand() < options.titleCaseShare ? s.words.map(titleCase) : s.words,
      );
      tagDocument(learner.model, sentences, gold[d], learner);
    }
    options.onEpoch?.(epoch, learner.averaged());
  }
  return learner.averaged();
}
