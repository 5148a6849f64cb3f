// Annotation throughput (words per second, one core) over the seed articles and the CoNLL-2003 dev text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConll } from '../eval/conll.js';
import { extractArticle } from '../src/extract/index.js';
import { annotate } from '../src/nlp/index.js';
import { packagePath } from '../src/paths.js';
import type { Article } from '../src/types.js';

const shared = packagePath('..', 'shared');

function seedArticles(): Article[] {
  const dir = join(shared, 'corpus', 'seeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => {
    const raw = readFileSync(join(dir, f));
    return extractArticle({ source: f, url: null, body: raw.toString('utf8'), kind: 'text', raw, contentType: 'text/plain', charset: 'utf-8', fetchedAt: null, hints: {} });
  });
}

/** The dev split's documents as plain articles (tokens joined by spaces, one paragraph per sentence). */
function conllArticles(): Article[] {
  const file = join(shared, 'eval', 'conll2003', 'eng.testa');
  if (!existsSync(file)) return [];
  return parseConll(readFileSync(file, 'utf8')).map((doc, i) => {
    const text = doc.sentences.map((s) => s.words.join(' ')).join('\n\n');
    return { id: `conll-${i}`, source: 'eng.testa', url: null, title: null, text, published: '1996-08-30', publishedFrom: 'metadata', outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
  });
}

const WARM_UP_MS = 2000;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export interface AnnotateBench {
  corpus: string;
  articles: number;
  words: number;
  /** Median over passes, by the wall clock. */
  wordsPerSec: number;
  /** Median over passes, by the process's CPU time (user + system): steadier on a shared machine. */
  wordsPerCpuSec: number;
}

function measure(corpus: string, articles: Article[], passes: number): AnnotateBench {
  // Warm-up, whole passes for at least WARM_UP_MS: models load, the per-word caches fill and V8 optimises the hot
  // functions, as in a long run of articles (the five seeds alone take several passes to get there).
  for (const began = performance.now(); performance.now() - began < WARM_UP_MS; ) for (const a of articles) annotate(a);
  const words = articles.reduce((n, a) => n + wordCount(a.text), 0);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let p = 0; p < passes; p++) {
    const began = performance.now();
    const cpuBegan = process.cpuUsage();
    for (const a of articles) annotate(a);
    const used = process.cpuUsage(cpuBegan);
    wall.push(words / ((performance.now() - began) / 1000));
    cpu.push(words / ((used.user + used.system) / 1e6));
  }
  return { corpus, articles: articles.length, words, wordsPerSec: median(wall), wordsPerCpuSec: median(cpu) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export function benchAnnotate(): AnnotateBench[] {
  const results: AnnotateBench[] = [];
  const seeds = seedArticles();
  if (seeds.length > 0) results.push(measure('seeds', seeds, 15));
  const conll = conllArticles();
  if (conll.length > 0) results.push(measure('conll2003 eng.testa', conll, 5));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = benchAnnotate();
  if (results.length === 0) console.log(`bench:annotate skipped: no seeds or CoNLL data under ${shared}`);
  for (const r of results) {
    console.log(`${r.corpus.padEnd(22)} ${r.articles} articles, ${r.words} words: ${Math.round(r.wordsPerSec)} words/s, ${Math.round(r.wordsPerCpuSec)} words per CPU-second`);
  }
}
