// Single-core throughput of our HTML extractor against Mozilla Readability (over linkedom) on the Zyte
// benchmark pages, measured in the same run: several passes, median per-pass rate and median per-page time.
import { pathToFileURL } from 'node:url';
import { extractors, loadZytePages, zyteDir, type Extractor, type ZytePage } from '../eval/extract.js';

export interface ExtractorSpeed {
  pagesPerSec: number;
  medianMs: number;
}

export interface ExtractBench {
  ours: ExtractorSpeed;
  readability: ExtractorSpeed;
  /** ours.pagesPerSec / readability.pagesPerSec */
  ratio: number;
}

const PASSES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(extract: Extractor, pages: readonly ZytePage[]): ExtractorSpeed {
  // One untimed pass so both systems are measured with warm JIT and loaded data files.
  for (const page of pages) extract(page.html, page.url);
  const passRates: number[] = [];
  const pageMs: number[][] = pages.map(() => []);
  for (let pass = 0; pass < PASSES; pass++) {
    let total = 0;
    pages.forEach((page, i) => {
      const started = process.hrtime.bigint();
      extract(page.html, page.url);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      pageMs[i]!.push(ms);
      total += ms;
    });
    passRates.push(pages.length / (total / 1000));
  }
  return { pagesPerSec: median(passRates), medianMs: median(pageMs.map(median)) };
}

/** Throughput on the Zyte pages; throws when the benchmark data is absent. */
export async function benchExtract(): Promise<ExtractBench> {
  const pages = loadZytePages();
  if (!pages) throw new Error(`bench:extract needs the Zyte benchmark pages at ${zyteDir}`);
  const ours = measure(extractors.ours, pages);
  const readability = measure(extractors.readability, pages);
  return { ours, readability, ratio: ours.pagesPerSec / readability.pagesPerSec };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!loadZytePages()) {
    console.log(`bench:extract skipped: no Zyte benchmark data at ${zyteDir}`);
  } else {
    const result = await benchExtract();
    const row = (name: string, s: ExtractorSpeed): string => `${name.padEnd(12)}${s.pagesPerSec.toFixed(1).padStart(8)} pages/s   median ${s.medianMs.toFixed(2)} ms/page`;
    console.log(row('ours', result.ours));
    console.log(row('readability', result.readability));
    console.log(`ratio       ${result.ratio.toFixed(2)}x`);
  }
}
