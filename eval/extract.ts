// Scores our HTML extractor and Mozilla Readability (over linkedom) on the Zyte article-extraction benchmark
// pages in ../shared/eval/zyte, in the same run, with the benchmark's shingle metric. Writes nothing.
// Run: node --import tsx eval/extract.ts [--pages] (per-page F1 of both systems, worst first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { packageRoot } from '../src/paths.js';
import { extractHtml } from '../src/extract/html/index.js';
import { bootstrapStd, corpusScore, pagePrecisionRecall, scorePage, type PageScore } from './shingles.js';

export const zyteDir = resolve(packageRoot, '..', 'shared', 'eval', 'zyte');

export interface ZytePage {
  id: string;
  url: string;
  html: string;
  gold: string;
}

/** The benchmark pages that have both HTML and ground truth, or null when the folder is absent. */
export function loadZytePages(dir = zyteDir): ZytePage[] | null {
  const truthPath = join(dir, 'ground-truth.json');
  const htmlDir = join(dir, 'html');
  if (!existsSync(truthPath) || !existsSync(htmlDir)) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const pages: ZytePage[] = [];
  for (const file of readdirSync(htmlDir).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const record = truth[id];
    if (!record || id === file) continue;
    pages.push({ id, url: record.url, html: gunzipSync(readFileSync(join(htmlDir, file))).toString('utf8'), gold: record.articleBody });
  }
  return pages;
}

export type Extractor = (html: string, url: string) => string;

export const extractors: Record<'ours' | 'readability', Extractor> = {
  ours: (html, url) => extractHtml(html, url).text,
  readability: (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  },
};

interface SystemRun {
  scores: PageScore[];
  seconds: number;
}

function run(extract: Extractor, pages: readonly ZytePage[]): SystemRun {
  const scores: PageScore[] = [];
  let seconds = 0;
  for (const page of pages) {
    const started = process.hrtime.bigint();
    let text = '';
    try {
      text = extract(page.html, page.url);
    } catch (error) {
      console.error(`  ${page.id}: ${(error as Error).message}`);
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    scores.push(scorePage(page.gold, text));
  }
  return { scores, seconds };
}

function pageF1(score: PageScore): number {
  const { precision, recall } = pagePrecisionRecall(score);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function main(): void {
  const pages = loadZytePages();
  if (!pages) {
    console.log(`eval:extract skipped: no Zyte benchmark data at ${zyteDir}`);
    return;
  }
  console.log(`Zyte article-extraction benchmark, development pages: ${pages.length}`);
  console.log('system        F1              precision       recall          accuracy        pages/s');
  const runs: Record<string, SystemRun> = {};
  for (const [name, extract] of Object.entries(extractors)) {
    const result = run(extract, pages);
    runs[name] = result;
    const score = corpusScore(result.scores);
    const std = bootstrapStd(result.scores);
    const cell = (key: keyof typeof score): string => `${score[key].toFixed(3)} ± ${std[key].toFixed(3)}`.padEnd(16);
    console.log(`${name.padEnd(14)}${cell('f1')}${cell('precision')}${cell('recall')}${cell('accuracy')}${(pages.length / result.seconds).toFixed(1)}`);
  }
  if (process.argv.includes('--pages')) {
    const rows = pages.map((page, i) => ({ page, ours: pageF1(runs.ours!.scores[i]!), theirs: pageF1(runs.readability!.scores[i]!), p: pagePrecisionRecall(runs.ours!.scores[i]!) }));
    rows.sort((a, b) => a.ours - b.ours);
    for (const row of rows) {
      console.log(`${row.ours.toFixed(3)} (P ${row.p.precision.toFixed(2)} R ${row.p.recall.toFixed(2)})  readability ${row.theirs.toFixed(3)}  ${row.page.id.slice(0, 8)} ${row.page.url}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
