// How likely an article and a story (or two stories) report the same event: a logistic model over the IDF-weighted
// cosines of their content words, names and numbers, and over how well the latest years their texts mention agree
// (two events of one kind often lie years apart). The weights are learnt from ECB+ train by
// scripts/train-stories.ts and read from src/merge/data/story-similarity.json.
//
// An article is a set of sparse vectors (one per channel) and its latest year; a story is the sum of its members'
// vectors and a count of their years, so adding or removing a member is cheap and the story is weighed with the
// word statistics of the moment.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { CHANNELS, latestYear, perChannel, protagonist, storyVectors, type Channel, type StoryDocument } from './story-features.js';
import { Weights, type Centroid, type Sparse } from './story-weights.js';

export type Vectors = Record<Channel, Sparse> & {
  /** The latest of the years the text mentions and its publication year, or null (see `latestYear`). */
  year: number | null;
  /** The entity it names most often, or null (see `protagonist`). */
  who: string | null;
};
export type Centroids = Record<Channel, Centroid> & {
  /** Year -> how many members mention it as their latest. */
  years: Map<number, number>;
};
export type Norms = Record<Channel, number>;

/**
 * The model's inputs, in the order of its weights: per channel the cosine (0 when a side has no features in it) and
 * whether it is missing, then the shares of year pairs that disagree (more than a year apart) and agree.
 */
export const FEATURES = [...CHANNELS.map((c) => `cosine:${c}`), ...CHANNELS.map((c) => `missing:${c}`), 'years:conflict', 'years:agreement'] as const;

export interface SimilarityModel {
  bias: number;
  /** One weight per entry of FEATURES. */
  weights: number[];
}

/** Two years at most this far apart agree (a report of the trial a year after the crime is one story). */
const YEAR_SLACK = 1;

export function loadSimilarityModel(): SimilarityModel {
  const model = JSON.parse(readFileSync(packagePath('src/merge/data/story-similarity.json'), 'utf8')) as SimilarityModel & { features: string[] };
  if (model.features.join() !== FEATURES.join()) throw new Error(`story-similarity.json: features ${model.features.join(', ')} do not match ${FEATURES.join(', ')}; run scripts/train-stories.ts`);
  return model;
}

export function emptyCentroids(): Centroids {
  return { ...perChannel(() => new Map<number, number>()), years: new Map() };
}

function bump(counts: Map<number, number>, key: number, by: number): void {
  const left = (counts.get(key) ?? 0) + by;
  // Float sums leave crumbs; a feature no member has any more must leave the centroid.
  if (left > 1e-9) counts.set(key, left);
  else counts.delete(key);
}

export function addInto(target: Centroids, v: Vectors): void {
  for (const c of CHANNELS) {
    const { ids, tf } = v[c];
    for (let i = 0; i < ids.length; i++) bump(target[c], ids[i]!, tf[i]!);
  }
  if (v.year !== null) bump(target.years, v.year, 1);
}

export function subtractFrom(target: Centroids, v: Vectors): void {
  for (const c of CHANNELS) {
    const { ids, tf } = v[c];
    for (let i = 0; i < ids.length; i++) bump(target[c], ids[i]!, -tf[i]!);
  }
  if (v.year !== null) bump(target.years, v.year, -1);
}

export function centroidOf(members: Iterable<Vectors>): Centroids {
  const c = emptyCentroids();
  for (const v of members) addInto(c, v);
  return c;
}

/**
 * Writes at `out[at]` and `out[at + 1]` the shares of the pairs of years (one from each side) that disagree and
 * agree, zeros when a side has none. `minus` is a year to leave out of `b` once (the article's own, when `b` is
 * its own story).
 */
function yearShares(a: Map<number, number> | number | null, b: Map<number, number>, minus: number | null, out: Float64Array, at: number): void {
  let agree = 0;
  let total = 0;
  const add = (ya: number, na: number) => {
    for (const [yb, nb0] of b) {
      const n = na * (yb === minus ? nb0 - 1 : nb0);
      total += n;
      if (Math.abs(ya - yb) <= YEAR_SLACK) agree += n;
    }
  };
  if (typeof a === 'number') add(a, 1);
  else if (a) for (const [ya, na] of a) add(ya, na);
  out[at] = total === 0 ? 0 : 1 - agree / total;
  out[at + 1] = total === 0 ? 0 : agree / total;
}

const N = CHANNELS.length;

export class Similarity {
  /** Document frequencies per channel, which weigh every cosine. */
  readonly weights: Record<Channel, Weights>;
  private readonly bias: number;
  private readonly w: number[];
  /** The inputs of the latest comparison (scoring runs for every candidate of every article: no allocation). */
  private readonly x = new Float64Array(FEATURES.length);

  constructor(minDf: number, maxDfShare: number, maxDfFrom: number, model: SimilarityModel = loadSimilarityModel()) {
    this.weights = perChannel(() => new Weights(minDf, maxDfShare, maxDfFrom));
    this.bias = model.bias;
    this.w = model.weights;
  }

  /** Articles observed so far. */
  get seen(): number {
    return this.weights.terms.n;
  }

  vectorsOf(doc: StoryDocument): Vectors {
    const v = storyVectors(doc);
    return { ...perChannel((c) => this.weights[c].intern(v[c])), year: latestYear(v.numbers, doc.published), who: protagonist(doc) };
  }

  observe(v: Vectors): void {
    for (const c of CHANNELS) this.weights[c].observe(v[c]);
  }

  norms(v: Vectors): Norms {
    return perChannel((c) => this.weights[c].norm(v[c]));
  }

  centroidNorms(c: Centroids): Norms {
    return perChannel((ch) => this.weights[ch].centroidNorm(c[ch]));
  }

  /**
   * The model's inputs (see FEATURES) for an article against a centroid (`without`: the centroid includes the
   * article), in a buffer the next comparison overwrites.
   */
  features(a: Vectors, aNorms: Norms, b: Centroids, bNorms: Norms, without = false): Float64Array {
    const x = this.x;
    for (let i = 0; i < N; i++) {
      const c = CHANNELS[i]!;
      const both = aNorms[c] > 0 && bNorms[c] > 0;
      x[i] = !both ? 0 : without ? this.weights[c].cosineWithout(a[c], b[c], aNorms[c], bNorms[c]) : this.weights[c].dot(a[c], b[c]) / (aNorms[c] * bNorms[c]);
      x[N + i] = both ? 0 : 1;
    }
    yearShares(a.year, b.years, without ? a.year : null, x, 2 * N);
    return x;
  }

  /** Like `features`, for two centroids. */
  centroidFeatures(a: Centroids, aNorms: Norms, b: Centroids, bNorms: Norms): Float64Array {
    const x = this.x;
    for (let i = 0; i < N; i++) {
      const c = CHANNELS[i]!;
      const both = aNorms[c] > 0 && bNorms[c] > 0;
      x[i] = both ? this.weights[c].centroidDot(a[c], b[c]) / (aNorms[c] * bNorms[c]) : 0;
      x[N + i] = both ? 0 : 1;
    }
    yearShares(a.years, b.years, null, x, 2 * N);
    return x;
  }

  /** Probability that the article reports the event of the centroid's members. */
  score(a: Vectors, aNorms: Norms, b: Centroids, bNorms: Norms): number {
    return this.probability(this.features(a, aNorms, b, bNorms));
  }

  /** The log-odds of `score`, for ranking (no exponential). */
  logit(a: Vectors, aNorms: Norms, b: Centroids, bNorms: Norms): number {
    return this.z(this.features(a, aNorms, b, bNorms));
  }

  /** Like `score` against `b` without `a`, when `a` is one of the members summed into `b`. */
  scoreWithout(a: Vectors, aNorms: Norms, b: Centroids, bNorms: Norms): number {
    return this.probability(this.features(a, aNorms, b, bNorms, true));
  }

  /** Like `score`, between two stories. */
  centroidScore(a: Centroids, aNorms: Norms, b: Centroids, bNorms: Norms): number {
    return this.probability(this.centroidFeatures(a, aNorms, b, bNorms));
  }

  probability(x: ArrayLike<number>): number {
    return 1 / (1 + Math.exp(-this.z(x)));
  }

  private z(x: ArrayLike<number>): number {
    let z = this.bias;
    for (let i = 0; i < x.length; i++) z += this.w[i]! * x[i]!;
    return z;
  }
}
