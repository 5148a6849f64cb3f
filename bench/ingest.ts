// Ingest benchmark: a directory of synthetic articles into a fresh SQLite store, with memory sampled along
// the way to show it stays flat (articles are streamed, never all held at once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultReadOptions } from '../src/ingest/index.js';
import { ingest } from '../src/pipeline/ingest.js';
import { openRepository } from '../src/store/open.js';
import { syntheticCorpusDir, writeSyntheticCorpus } from './synthetic.js';

export interface IngestBench {
  articles: number;
  seconds: number;
  articlesPerSec: number;
  /** Resident set size in MB after 10%, 50% and 100% of the articles. */
  rssMb: { at10: number; at50: number; at100: number };
}

export async function benchIngest(count: number): Promise<IngestBench> {
  const corpus = writeSyntheticCorpus(syntheticCorpusDir(count), count);
  const work = mkdtempSync(join(tmpdir(), 'sitrep-bench-db-'));
  const repo = await openRepository(join(work, 'bench.db'));
  const rss = { at10: 0, at50: 0, at100: 0 };
  let seen = 0;
  const mb = (): number => Math.round(process.memoryUsage().rss / 1e6);
  try {
    const summary = await ingest([corpus], repo, defaultReadOptions, () => {
      seen++;
      if (seen === Math.round(count * 0.1)) rss.at10 = mb();
      if (seen === Math.round(count * 0.5)) rss.at50 = mb();
    });
    rss.at100 = mb();
    const articles = summary.stored + summary.alreadyStored;
    return { articles, seconds: summary.seconds, articlesPerSec: articles / summary.seconds, rssMb: rss };
  } finally {
    await repo.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 10000);
  console.log(JSON.stringify(await benchIngest(n)));
}
