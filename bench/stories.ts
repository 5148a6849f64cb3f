// Story clustering throughput on the synthetic corpus (see synthetic.ts), as the pipeline calls it: one
// `StoryClusterer.add` per article in arrival order. Reports docs/s and CPU time per article for each tenth of the
// stream, so a cost that grows with the number of stories shows as a rising curve.
//   node --import tsx bench/stories.ts [sizes...]     default 1000 10000
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoryClusterer, type StoryDocument } from '../src/merge/stories.js';
import { syntheticCorpusDir, writeSyntheticCorpus } from './synthetic.js';

export interface StoriesPoint {
  articles: number;
  stories: number;
  docsPerSec: number;
  /** CPU milliseconds per article (process.cpuUsage: less disturbed by other jobs on the machine than wall time). */
  cpuMsPerDoc: number;
  cpuMsPerDocFirstTenth: number;
  cpuMsPerDocLastTenth: number;
}

function loadDocs(count: number): StoryDocument[] {
  const dir = writeSyntheticCorpus(syntheticCorpusDir(count), count);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const [title = '', ...body] = readFileSync(join(dir, f), 'utf8').split('\n\n');
      return { id: f, title, text: body.join('\n\n'), published: null };
    });
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

export function benchStories(count: number): StoriesPoint {
  const docs = loadDocs(count);
  const clusterer = new StoryClusterer();
  const tenth = Math.max(1, Math.floor(docs.length / 10));
  const perTenth: number[] = [];
  const began = performance.now();
  const cpu = process.cpuUsage();
  let mark = process.cpuUsage();
  docs.forEach((doc, i) => {
    clusterer.add(doc);
    if ((i + 1) % tenth === 0) {
      perTenth.push(cpuMs(mark) / tenth);
      mark = process.cpuUsage();
    }
  });
  const total = cpuMs(cpu);
  const seconds = (performance.now() - began) / 1000;
  return {
    articles: docs.length,
    stories: clusterer.stories().length,
    docsPerSec: docs.length / seconds,
    cpuMsPerDoc: total / docs.length,
    cpuMsPerDocFirstTenth: perTenth[0]!,
    cpuMsPerDocLastTenth: perTenth.at(-1)!,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length > 0 ? sizes : [1000, 10000]) {
    const p = benchStories(n);
    console.log(
      `${String(p.articles).padStart(6)} articles -> ${p.stories} stories: ${Math.round(p.docsPerSec)} docs/s, ` +
        `${p.cpuMsPerDoc.toFixed(3)} CPU ms/doc (first tenth ${p.cpuMsPerDocFirstTenth.toFixed(3)}, last tenth ${p.cpuMsPerDocLastTenth.toFixed(3)})`,
    );
  }
}
