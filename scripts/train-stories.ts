// Learns the story similarity model (src/merge/story-similarity.ts) from the ECB+ train split and writes
// src/merge/data/story-similarity.json. Usage: npm run train:stories
//
// Examples are what the clusterer compares: an article against a group of articles (a story's centroid) and two
// groups against each other. Positives come from the article's own event (itself left out), negatives from the two
// other events whose articles are closest to it (for most articles, the other event of the same kind: the hard
// case). Group sizes vary from one article to the whole event, as stories grow. Logistic regression with a small
// L2 penalty, fitted by Newton's method; fixed seed, so the output is reproducible.
import { writeFileSync } from 'node:fs';
import { readEcb, storyDocument, type EcbDoc } from '../eval/ecbplus.js';
import { CHANNELS } from '../src/merge/story-features.js';
import { defaultStoryParameters } from '../src/merge/stories.js';
import { centroidOf, FEATURES, Similarity, type Vectors } from '../src/merge/story-similarity.js';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';

const SEED = 2019;
/** Group sizes drawn for each article (Infinity: the whole event). */
const SIZES = [1, 3, 8, Infinity];
/** Other events each article is contrasted with. */
const NEGATIVE_EVENTS = 2;
/** Random halvings of each event, for the story-against-story examples. */
const HALVINGS = 10;
const L2 = 1;

interface Example {
  x: number[];
  y: 0 | 1;
}

function sample<T>(items: T[], k: number, random: () => number): T[] {
  const out = [...items];
  for (let i = 0; i < Math.min(k, out.length); i++) {
    const j = i + Math.floor(random() * (out.length - i));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, k);
}

/** How close two sides are before any model: the mean of their channel cosines (the first features). */
function meanCosine(x: Float64Array): number {
  return x.subarray(0, CHANNELS.length).reduce((s, c) => s + c, 0) / CHANNELS.length;
}

function examples(docs: EcbDoc[], random: () => number): Example[] {
  const p = defaultStoryParameters();
  const sim = new Similarity(p.minDf, p.maxDfShare, p.maxDfFrom, { bias: 0, weights: FEATURES.map(() => 0) });
  const vectors = docs.map((d) => sim.vectorsOf(storyDocument(d)));
  for (const v of vectors) sim.observe(v);
  const events = new Map<string, Vectors[]>();
  docs.forEach((d, i) => events.set(d.subtopic, [...(events.get(d.subtopic) ?? []), vectors[i]!]));
  const centroids = new Map([...events].map(([e, vs]) => [e, centroidOf(vs)]));
  const norms = new Map([...centroids].map(([e, c]) => [e, sim.centroidNorms(c)]));

  const out: Example[] = [];
  const group = (a: Vectors, members: Vectors[], y: 0 | 1) => {
    const c = centroidOf(members);
    out.push({ x: Array.from(sim.features(a, sim.norms(a), c, sim.centroidNorms(c))), y });
  };
  docs.forEach((d, i) => {
    const a = vectors[i]!;
    const an = sim.norms(a);
    const own = events.get(d.subtopic)!.filter((v) => v !== a);
    const others = [...events.keys()]
      .filter((e) => e !== d.subtopic)
      .map((e) => ({ e, s: meanCosine(sim.features(a, an, centroids.get(e)!, norms.get(e)!)) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, NEGATIVE_EVENTS);
    for (const k of SIZES) {
      if (own.length > 0) group(a, sample(own, k, random), 1);
      for (const { e } of others) group(a, sample(events.get(e)!, k, random), 0);
    }
  });
  // Story against story: two halves of one event, and a half against half of the event closest to it.
  for (const [e, members] of events) {
    if (members.length < 4) continue;
    const closeness = (o: string) => meanCosine(sim.centroidFeatures(centroids.get(e)!, norms.get(e)!, centroids.get(o)!, norms.get(o)!));
    const nearest = [...events.keys()].filter((o) => o !== e).sort((x, y) => closeness(y) - closeness(x))[0]!;
    for (let h = 0; h < HALVINGS; h++) {
      const shuffled = sample(members, members.length, random);
      const [a, b] = [shuffled.slice(0, members.length >> 1), shuffled.slice(members.length >> 1)];
      const other = sample(events.get(nearest)!, b.length, random);
      for (const [g, y] of [[b, 1], [other, 0]] as const) {
        const [ca, cg] = [centroidOf(a), centroidOf(g)];
        out.push({ x: Array.from(sim.centroidFeatures(ca, sim.centroidNorms(ca), cg, sim.centroidNorms(cg))), y });
      }
    }
  }
  return out;
}

/** Solves A x = b for a small dense symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Logistic regression by Newton's method; the bias (last coefficient) is not penalised. */
function fit(data: Example[]): number[] {
  const d = data[0]!.x.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const grad = w.map((wi, j) => (j < d - 1 ? L2 * wi : 0));
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i < d - 1 ? L2 : 0)));
    for (const { x, y } of data) {
      const xb = [...x, 1];
      const p = 1 / (1 + Math.exp(-xb.reduce((s, xi, j) => s + xi * w[j]!, 0)));
      for (let i = 0; i < d; i++) {
        grad[i]! += (p - y) * xb[i]!;
        for (let j = 0; j < d; j++) hess[i]![j]! += p * (1 - p) * xb[i]! * xb[j]!;
      }
    }
    const step = solve(hess, grad);
    w = w.map((wi, j) => wi - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function report(name: string, data: Example[], w: number[]): string {
  let loss = 0;
  let right = 0;
  for (const { x, y } of data) {
    const p = 1 / (1 + Math.exp(-[...x, 1].reduce((s, xi, j) => s + xi * w[j]!, 0)));
    loss -= Math.log(Math.max(1e-12, y ? p : 1 - p));
    if (p >= 0.5 === (y === 1)) right++;
  }
  return `${name}: ${data.length} examples, log loss ${(loss / data.length).toFixed(4)}, accuracy ${(right / data.length).toFixed(4)}`;
}

function main(): void {
  const ecb = readEcb();
  if (!ecb) {
    console.log('train-stories: skipped, ECB+ not found (the shared evaluation folder is absent)');
    return;
  }
  const random = seededRandom(SEED);
  const train = examples(ecb.train, random);
  const w = fit(train);
  console.log(report('train', train, w));
  // Dev examples are drawn the same way, for information only: nothing is chosen on them.
  console.log(report('dev (not used for fitting)', examples(ecb.dev, seededRandom(SEED)), w));
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const model = {
    _comment: 'Story similarity model: logistic regression over these features, fitted on the ECB+ train split by scripts/train-stories.ts (npm run train:stories). Do not edit by hand.',
    features: FEATURES,
    bias: round(w.at(-1)!),
    weights: w.slice(0, -1).map(round),
  };
  const out = packagePath('src/merge/data/story-similarity.json');
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${out}: ${FEATURES.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}, bias ${model.bias}`);
}

main();
