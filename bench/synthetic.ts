// A synthetic corpus for scale benchmarks, deterministic for a given seed. Articles are composed from the
// sentences of the bundled examples and, when present, the seed articles in ../shared (read at bench time, never
// copied into the repository). Real news is mostly independent reporting with some syndication, so:
// - each fresh article rewrites its sentences: places, dates and figures vary, and half of the lower-case words
//   are swapped for other words of the pool, so two fresh articles rarely share a run of five words (with a
//   quarter swapped, the few hundred pool sentences made each band lookup scan ~37,000 postings at 10,000
//   articles, far more than unrelated real news would);
// - one article in ten reprints an earlier one (a wire copy with a new headline, sometimes trimmed), so the
//   copy detector still has duplicates and partial copies to find.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';

/** Bump when the generator changes, so a cached corpus from an older generator is not reused. */
const GENERATOR_VERSION = 3;
const REPRINT_SHARE = 0.1;
const WORD_SWAP_SHARE = 0.5;

function readPoolTexts(): string[] {
  const dirs = [packagePath('examples'), packagePath('..', 'shared', 'corpus', 'seeds')].filter((d) => existsSync(d));
  return dirs.flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')));
}

function sentencePool(texts: string[]): string[] {
  const text = texts.join('\n').replace(/<[^>]+>/g, ' ').replace(/"text":"/g, '\n');
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 60 && s.length < 400 && /^[A-Z"]/.test(s) && !/[{}]/.test(s));
}

/** Lower-case words of the pool, the replacements for swapped words (so the text stays English-looking). */
function wordPool(sentences: string[]): string[] {
  return [...new Set(sentences.flatMap((s) => s.match(/\b[a-z]{3,}\b/g) ?? []))].sort();
}

const PLACES = ['Krasnogorsk', 'Kerman', 'Kabul', 'Cologne', 'Paris', 'Istanbul', 'Manchester', 'Brussels', 'Lagos', 'Mosul', 'Peshawar', 'Quetta', 'Mogadishu', 'Bamako', 'Nice', 'Vienna'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Where the corpus of `count` articles is cached between runs. */
export function syntheticCorpusDir(count: number): string {
  return join(tmpdir(), `sitrep-bench-corpus-v${GENERATOR_VERSION}-${count}`);
}

/** Writes `count` plain-text articles into `dir` (reusing it when already complete) and returns the dir. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 7): string {
  const marker = join(dir, `.complete-${count}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  const sentences = sentencePool(readPoolTexts());
  const words = wordPool(sentences);
  const rand = seededRandom(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  const rewrite = (sentence: string, place: string, date: string): string =>
    sentence
      .replace(/Krasnogorsk|Moscow|Kerman|Kabul|Cologne|Paris/g, place)
      .replace(/\b\d{2,3}\b/g, () => String(2 + int(300)))
      .replace(/March \d+|January \d+/g, date)
      .replace(/\b[a-z]{3,}\b/g, (w) => (rand() < WORD_SWAP_SHARE ? pick(words) : w));
  const bodies: string[][] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    let body: string[];
    if (i > 0 && rand() < REPRINT_SHARE) {
      const original = bodies[int(bodies.length)];
      // A reprint keeps the whole text with a credit line, or drops its tail, as syndicated copies do.
      body = rand() < 0.5
        ? [...original, `This story was first published by the ${pick(PLACES)} Courier.`]
        : original.slice(0, Math.max(3, Math.ceil(original.length * 0.6)));
    } else {
      const date = `${pick(MONTHS)} ${1 + int(28)}`;
      body = Array.from({ length: 8 + int(12) }, () => rewrite(pick(sentences), place, date));
    }
    bodies.push(body);
    const headline = `Attack in ${place} leaves ${5 + int(200)} dead (${i})`;
    writeFileSync(join(dir, `article-${String(i).padStart(6, '0')}.txt`), [headline, ...body].join('\n\n') + '\n');
  }
  writeFileSync(marker, '');
  return dir;
}
