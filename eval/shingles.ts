// The Zyte article-extraction-benchmark metric: word 4-gram shingle precision/recall/F1, macro-averaged over
// pages, re-implemented from the description in ../shared/eval/zyte/SOURCE.md (upstream evaluate.py).
import { seededRandom } from '../src/random.js';

/** Python's Unicode `\w+`: letters, digits and underscore (JavaScript's `\w` is ASCII-only, even with `u`). */
const WORD = /[\p{L}\p{N}_]+/gu;

export function wordTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Every run of 4 consecutive tokens; a text of 1–3 tokens is one shingle of all of them; empty -> none. */
export function shingles(tokens: readonly string[], n = 4): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length < n) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

function countOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** One page's (TP, FP, FN), normalised so they sum to 1 (or all 0), plus exact token-sequence equality. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(gold: string, predicted: string): PageScore {
  const goldTokens = wordTokens(gold);
  const predTokens = wordTokens(predicted);
  const goldCounts = countOf(shingles(goldTokens));
  const predCounts = countOf(shingles(predTokens));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, g] of goldCounts) {
    const p = predCounts.get(shingle) ?? 0;
    tp += Math.min(g, p);
    fn += Math.max(0, g - p);
  }
  for (const [shingle, p] of predCounts) fp += Math.max(0, p - (goldCounts.get(shingle) ?? 0));
  const sum = tp + fp + fn;
  const exact = goldTokens.length === predTokens.length && goldTokens.every((t, i) => t === predTokens[i]);
  if (sum === 0) return { tp: 0, fp: 0, fn: 0, exact };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact };
}

export function pagePrecisionRecall(s: PageScore): { precision: number; recall: number } {
  if (s.fp === 0 && s.fn === 0) return { precision: 1, recall: 1 };
  return {
    precision: s.tp === 0 && s.fp === 0 ? 0 : s.tp / (s.tp + s.fp),
    recall: s.tp === 0 && s.fn === 0 ? 0 : s.tp / (s.tp + s.fn),
  };
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Macro precision over pages with TP+FP > 0, macro recall over pages with TP+FN > 0, F1 of those two means. */
export function corpusScore(pages: readonly PageScore[]): CorpusScore {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const page of pages) {
    const { precision, recall } = pagePrecisionRecall(page);
    if (page.tp + page.fp > 0) precisions.push(precision);
    if (page.tp + page.fn > 0) recalls.push(recall);
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: mean(pages.map((p) => (p.exact ? 1 : 0))) };
}

/** Standard deviation of each corpus figure over bootstrap resamples of the pages (upstream uses 1,000). */
export function bootstrapStd(pages: readonly PageScore[], resamples = 1000, seed = 1): CorpusScore {
  const random = seededRandom(seed);
  const samples: CorpusScore[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: pages.length }, () => pages[Math.floor(random() * pages.length)]!);
    samples.push(corpusScore(sample));
  }
  const std = (key: keyof CorpusScore): number => {
    const values = samples.map((s) => s[key]);
    const m = mean(values);
    return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
  };
  return { precision: std('precision'), recall: std('recall'), f1: std('f1'), accuracy: std('accuracy') };
}
