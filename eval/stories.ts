// Story clustering on ECB+ (../shared/eval/ecbplus): clusters the documents of a split in a streaming pass, without
// being told how many stories there are, and scores against the gold event clusters (subtopics). Each document is
// given as production gives an article: detokenised text and the entities the annotation layer finds in it
// (eval/ecbplus.ts). The train texts (no labels) prime the word statistics, as a stream's earlier articles would;
// throughput excludes that priming and the annotation.
//   npm run eval:stories              dev scores with the committed parameters (src/merge/data/stories.json)
//   npm run eval:stories -- --tune    coordinate search on the TRAIN split only; prints the best parameters
//                                     (about 10 s per configuration on one core)
// The similarity model the parameters sit on is fitted separately, also on train: scripts/train-stories.ts.
import { performance } from 'node:perf_hooks';
import { defaultStoryParameters, StoryClusterer, type StoryDocument, type StoryParameters } from '../src/merge/stories.js';
import { bcubed, pairwise, type Scores } from './bcubed.js';
import { ECB_DOCS, readEcb, shuffled, storyDocument, type EcbDoc } from './ecbplus.js';

/** A document with what the clusterer is given (annotated once, used for every arrival order). */
interface Doc extends EcbDoc {
  story: StoryDocument;
}

/**
 * `arrival`: the story each document was given as it arrived; `final`: the clustering after the whole stream (a
 * story split after a document arrived moves it).
 */
function cluster(docs: Doc[], params: Partial<StoryParameters>, background: Doc[]) {
  const clusterer = new StoryClusterer(params, background.map((d) => d.story));
  const arrival = new Map<string, string>();
  const t0 = performance.now();
  for (const d of docs) arrival.set(d.doc_id, clusterer.add(d.story));
  const seconds = (performance.now() - t0) / 1000;
  const final = new Map(clusterer.stories().flatMap((s) => s.articles.map((a): [string, string] => [a.id, s.id])));
  return { arrival, final, seconds };
}

function score(docs: Doc[], params: Partial<StoryParameters>, seeds: number[], background: Doc[]) {
  const gold = new Map(docs.map((d) => [d.doc_id, d.subtopic]));
  const runs = seeds.map((seed) => {
    const { arrival, final, seconds } = cluster(shuffled(docs, seed), params, background);
    return { b3: bcubed(final, gold), pw: pairwise(final, gold), arrivalB3: bcubed(arrival, gold), clusters: new Set(final.values()).size, seconds };
  });
  const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const avg = (f: (r: (typeof runs)[number]) => Scores): Scores => ({ precision: mean((r) => f(r).precision), recall: mean((r) => f(r).recall), f1: mean((r) => f(r).f1) });
  return { b3: avg((r) => r.b3), pw: avg((r) => r.pw), arrivalB3: avg((r) => r.arrivalB3), clusters: mean((r) => r.clusters), docsPerSecond: docs.length / mean((r) => r.seconds), gold: new Set(gold.values()).size };
}

const fmt = (s: Scores) => `P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The values tried for each tuned parameter, one parameter at a time (coordinate ascent). */
const GRID: Partial<Record<keyof StoryParameters, number[]>> = {
  mergeCosine: [0.2, 0.3, 0.4, 0.5, 0.6],
  splitMargin: [0.35, 0.4, 0.45, 0.5, 0.55],
  mergeMargin: [0.25, 0.3, 0.35, 0.4, 0.45],
  threshold: [0.02, 0.05, 0.08, 0.12],
  singletonThreshold: [0.02, 0.05, 0.1, 0.15],
  minSplitSize: [3, 4, 5, 6],
  absorbThreshold: [0.05, 0.1, 0.2, 0.3],
};
const SWEEPS = 2;

/**
 * Tunes on the TRAIN split only, starting from the committed parameters, and prints the best found. A value is
 * kept only when it beats the best so far, so the result never scores below the start on train.
 */
function tune(train: Doc[]): void {
  const best: Partial<StoryParameters> = {};
  let bestF1 = score(train, best, SEEDS, train).b3.f1;
  console.log(`  start: train B3 F1 ${bestF1.toFixed(4)}`);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const [name, values] of Object.entries(GRID) as Array<[keyof StoryParameters, number[]]>) {
      for (const value of values) {
        if ((best[name] ?? defaultStoryParameters()[name]) === value) continue;
        const f1 = score(train, { ...best, [name]: value }, SEEDS, train).b3.f1;
        if (f1 > bestF1) {
          bestF1 = f1;
          best[name] = value;
        }
      }
      console.log(`  sweep ${sweep + 1}, after ${name}: train B3 F1 ${bestF1.toFixed(4)}  ${JSON.stringify(best)}`);
    }
  }
  console.log(`best on train (mean over ${SEEDS.length} arrival orders): B3 F1 ${bestF1.toFixed(4)} with ${JSON.stringify({ ...defaultStoryParameters(), ...best })}`);
}

function main(): void {
  const ecb = readEcb();
  if (!ecb) {
    console.log(`eval:stories skipped: ${ECB_DOCS} not found (the shared evaluation folder is absent).`);
    return;
  }
  const [train, dev] = [ecb.train, ecb.dev].map((split) => split.map((d): Doc => ({ ...d, story: storyDocument(d) })));

  if (process.argv.includes('--tune')) {
    tune(train!);
    return;
  }

  const params = defaultStoryParameters();
  const shown = (['threshold', 'singletonThreshold', 'splitMargin', 'mergeMargin', 'mergeCosine', 'protagonistMargin', 'absorbThreshold'] as const).map((k) => `${k} ${params[k]}`);
  console.log(`parameters (src/merge/data/stories.json): ${shown.join(', ')}; number of clusters NOT given`);
  for (const [name, split] of [['train', train!], ['dev', dev!]] as const) {
    const r = score(split, {}, SEEDS, train);
    console.log(`${name}: ${split.length} docs, ${r.gold} gold stories, ${r.clusters.toFixed(1)} predicted (mean over ${SEEDS.length} arrival orders)`);
    console.log(`  B3        ${fmt(r.b3)}`);
    console.log(`  pairwise  ${fmt(r.pw)}`);
    console.log(`  B3 as assigned on arrival (before later splits and merges)  ${fmt(r.arrivalB3)}`);
    console.log(`  throughput ${Math.round(r.docsPerSecond)} docs/s`);
  }
}

main();
