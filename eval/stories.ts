// Story clustering on ECB+ (../shared/eval/ecbplus): clusters the documents of a split in a streaming pass, without
// being told how many stories there are, and scores against the gold event clusters (subtopics). The train texts
// (no labels) prime the word statistics, as a stream's earlier articles would; throughput excludes that priming.
//   npm run eval:stories              dev scores with the committed parameters (src/merge/data/stories.json)
//   npm run eval:stories -- --tune    grid search on the TRAIN split only; prints the best parameters
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultStoryParameters, StoryClusterer, type StoryParameters } from '../src/merge/stories.js';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';
import { bcubed, pairwise, type Scores } from './bcubed.js';

interface EcbDoc {
  doc_id: string;
  subtopic: string;
  split: string;
  text: string;
}

const DATA = join(packagePath('..', 'shared', 'eval', 'ecbplus'), 'docs.jsonl');

/** A fixed pseudo-random arrival order (documents are stored grouped by topic, which no stream would be). */
function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function asStory(d: EcbDoc) {
  return { id: d.doc_id, title: null, text: d.text, published: null };
}

function cluster(docs: EcbDoc[], params: Partial<StoryParameters>, background: EcbDoc[]): { predicted: Map<string, string>; seconds: number } {
  const clusterer = new StoryClusterer(params, background.map(asStory));
  const predicted = new Map<string, string>();
  const t0 = performance.now();
  for (const d of docs) predicted.set(d.doc_id, clusterer.add(asStory(d)));
  return { predicted, seconds: (performance.now() - t0) / 1000 };
}

function score(docs: EcbDoc[], params: Partial<StoryParameters>, seeds: number[], background: EcbDoc[]) {
  const gold = new Map(docs.map((d) => [d.doc_id, d.subtopic]));
  const runs = seeds.map((seed) => {
    const { predicted, seconds } = cluster(shuffled(docs, seed), params, background);
    return { b3: bcubed(predicted, gold), pw: pairwise(predicted, gold), clusters: new Set(predicted.values()).size, seconds };
  });
  const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const avg = (f: (r: (typeof runs)[number]) => Scores): Scores => ({ precision: mean((r) => f(r).precision), recall: mean((r) => f(r).recall), f1: mean((r) => f(r).f1) });
  return { b3: avg((r) => r.b3), pw: avg((r) => r.pw), clusters: mean((r) => r.clusters), docsPerSecond: docs.length / mean((r) => r.seconds), gold: new Set(gold.values()).size };
}

const fmt = (s: Scores) => `P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`eval:stories skipped: ${DATA} not found (the shared evaluation folder is absent).`);
    return;
  }
  const docs = readFileSync(DATA, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
  const train = docs.filter((d) => d.split === 'train');
  const dev = docs.filter((d) => d.split === 'dev');

  if (process.argv.includes('--tune')) {
    const results: Array<{ params: Partial<StoryParameters>; f1: number }> = [];
    for (const entityWeight of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      for (const threshold of [0.15, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35]) {
        const params = { entityWeight, threshold };
        results.push({ params, f1: score(train, params, SEEDS, train).b3.f1 });
      }
    }
    results.sort((a, b) => b.f1 - a.f1);
    console.log('train B3 F1, best parameters first (mean over 10 arrival orders):');
    for (const r of results.slice(0, 10)) console.log(`  ${r.f1.toFixed(4)}  ${JSON.stringify(r.params)}`);
    return;
  }

  const params = defaultStoryParameters();
  console.log(`parameters (src/merge/data/stories.json): entityWeight ${params.entityWeight}, threshold ${params.threshold}; number of clusters NOT given`);
  for (const [name, split] of [['train', train], ['dev', dev]] as const) {
    const r = score(split, {}, SEEDS, train);
    console.log(`${name}: ${split.length} docs, ${r.gold} gold stories, ${r.clusters.toFixed(1)} predicted (mean over ${SEEDS.length} arrival orders)`);
    console.log(`  B3        ${fmt(r.b3)}`);
    console.log(`  pairwise  ${fmt(r.pw)}`);
    console.log(`  throughput ${Math.round(r.docsPerSecond)} docs/s`);
  }
}

main();
