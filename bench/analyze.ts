// End-to-end `analyze` throughput (ingest + annotate + incidents + stories, the CLI's main job) as the corpus grows,
// on synthetic articles (see synthetic.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultReadOptions, estimateCount } from '../src/ingest/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { openRepository } from '../src/store/open.js';
import { tuneTiering } from '../src/pipeline/tiering.js';
import { syntheticCorpusDir, writeSyntheticCorpus } from './synthetic.js';

export interface AnalyzePoint {
  articles: number;
  /** The whole job, and the part of it after the last article was stored (incident resolution, storing the results). */
  seconds: number;
  finishSeconds: number;
  articlesPerSec: number;
  /** Milliseconds per article for the first and the last tenth of the ingest: flat means the store's size doesn't matter. */
  msPerArticleFirstTenth: number;
  msPerArticleLastTenth: number;
  incidents: number;
  stories: number;
  /** Process CPU time (all threads) per article: comparable across runs even when other jobs share the cores. */
  cpuMsPerArticle: number;
  /** The same for the first and the last tenth of the ingest, and for the part after the last article was stored. */
  cpuMsPerArticleFirstTenth: number;
  cpuMsPerArticleLastTenth: number;
  finishCpuMsPerArticle: number;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function benchAnalyze(count: number): Promise<AnalyzePoint> {
  // The job as the CLI runs it: with its JIT tiering (set once per process, so earlier benchmarks of the run share it).
  tuneTiering();
  const corpus = writeSyntheticCorpus(syntheticCorpusDir(count), count);
  const work = mkdtempSync(join(tmpdir(), 'sitrep-bench-analyze-'));
  const repo = await openRepository(join(work, 'bench.db'));
  try {
    const began = performance.now();
    const cpuBefore = cpuMs();
    const stamps: number[] = [];
    const cpuStamps: number[] = [];
    // As the CLI does: the inputs' estimated size lets the worker threads start at once.
    const expected = await estimateCount([corpus]);
    // process.cpuUsage costs tens of microseconds with several threads running: read it once per store batch
    // (whose events arrive together), not once per article, so the measuring does not weigh on the measured.
    let cpuReadAt = -Infinity;
    let cpuRead = 0;
    const { incidents, stories } = await analyze([corpus], repo, defaultReadOptions, () => {
      const now = performance.now();
      if (now - cpuReadAt >= 1) [cpuReadAt, cpuRead] = [now, cpuMs()];
      stamps.push(now);
      cpuStamps.push(cpuRead);
    }, { expected });
    const seconds = (performance.now() - began) / 1000;
    const cpu = cpuMs() - cpuBefore;
    const tenth = Math.max(1, Math.floor(stamps.length / 10));
    // Events arrive a store batch at a time, so measure from one tenth's first event to the next tenth's first.
    const perArticle = (from: number, at = stamps): number => {
      const to = Math.min(from + tenth, at.length - 1);
      return (at[to] - at[from]) / Math.max(1, to - from);
    };
    return {
      articles: stamps.length,
      seconds,
      finishSeconds: seconds - (stamps[stamps.length - 1]! - began) / 1000,
      articlesPerSec: stamps.length / seconds,
      msPerArticleFirstTenth: perArticle(0),
      msPerArticleLastTenth: perArticle(stamps.length - 1 - tenth),
      incidents: incidents.length,
      stories: stories.length,
      cpuMsPerArticle: cpu / stamps.length,
      cpuMsPerArticleFirstTenth: perArticle(0, cpuStamps),
      cpuMsPerArticleLastTenth: perArticle(cpuStamps.length - 1 - tenth, cpuStamps),
      finishCpuMsPerArticle: (cpuBefore + cpu - cpuStamps[cpuStamps.length - 1]!) / stamps.length,
    };
  } finally {
    await repo.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const n of process.argv.slice(2).map(Number)) console.log(JSON.stringify(await benchAnalyze(n)));
}
