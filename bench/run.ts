// `npm run bench`: every speed figure of the README in one run, peers measured beside us where there is one.
// Sizes can be given as arguments: `npm run bench -- 1000 10000 100000` (analyze curve; default 1000 10000).
import { benchAnalyze } from './analyze.js';
import { benchAnnotate } from './annotate.js';
import { benchExtract } from './extract.js';
import { benchIngest } from './ingest.js';
import { benchStories } from './stories.js';
import { loadZytePages, zyteDir } from '../eval/extract.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const curve = sizes.length > 0 ? sizes : [1000, 10000];

console.log('# extraction (Zyte dev pages, one core, median of 5 passes)');
if (loadZytePages()) {
  const e = await benchExtract();
  console.log(`ours         ${e.ours.pagesPerSec.toFixed(1)} pages/s, median ${e.ours.medianMs.toFixed(2)} ms/page`);
  console.log(`readability  ${e.readability.pagesPerSec.toFixed(1)} pages/s, median ${e.readability.medianMs.toFixed(2)} ms/page`);
  console.log(`ratio        ${e.ratio.toFixed(2)}x`);
} else console.log(`skipped: no Zyte pages at ${zyteDir}`);

console.log('\n# annotation (one core, median of passes)');
for (const a of benchAnnotate()) {
  console.log(`${a.corpus.padEnd(22)} ${a.words} words: ${Math.round(a.wordsPerSec)} words/s, ${Math.round(a.wordsPerCpuSec)} words per CPU second`);
}

console.log('\n# ingest of a 10,000-article directory (synthetic, SQLite)');
const i = await benchIngest(10000);
console.log(`${i.articles} articles in ${i.seconds.toFixed(1)} s: ${i.articlesPerSec.toFixed(1)} articles/s; RSS ${i.rssMb.at10} MB at 10%, ${i.rssMb.at50} MB at 50%, ${i.rssMb.at100} MB at 100%`);

console.log('\n# story clustering alone (synthetic corpus, one core)');
for (const n of curve) {
  const s = benchStories(n);
  console.log(
    `${String(s.articles).padStart(7)} articles -> ${s.stories} stories: ${Math.round(s.docsPerSec)} docs/s, ${s.cpuMsPerDoc.toFixed(3)} CPU ms/doc ` +
      `(first tenth ${s.cpuMsPerDocFirstTenth.toFixed(3)}, last tenth ${s.cpuMsPerDocLastTenth.toFixed(3)})`,
  );
}

console.log('\n# analyze end to end (ingest + annotate + incidents + stories), synthetic corpus');
for (const n of curve) {
  const p = await benchAnalyze(n);
  console.log(
    `${String(p.articles).padStart(7)} articles: ${p.articlesPerSec.toFixed(1)} articles/s (${p.seconds.toFixed(1)} s, of which ${p.finishSeconds.toFixed(1)} s after the last article was stored); ` +
      `${p.msPerArticleFirstTenth.toFixed(2)} ms/article in the first tenth, ${p.msPerArticleLastTenth.toFixed(2)} in the last; ` +
      `CPU (all threads) ${p.cpuMsPerArticle.toFixed(1)} ms/article, ${p.cpuMsPerArticleFirstTenth.toFixed(1)} in the first tenth, ` +
      `${p.cpuMsPerArticleLastTenth.toFixed(1)} in the last, ${p.finishCpuMsPerArticle.toFixed(2)} after the last article was stored`,
  );
}
