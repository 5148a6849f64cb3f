// A synthetic corpus for scale benchmarks: articles recombined from the sentences of the bundled examples,
// with places, dates and figures varied so that articles differ and incidents spread out.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';

function sentencePool(): string[] {
  const dir = packagePath('examples');
  const text = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/"text":"/g, '\n');
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 60 && s.length < 400 && /^[A-Z"]/.test(s) && !/[{}]/.test(s));
}

const PLACES = ['Krasnogorsk', 'Kerman', 'Kabul', 'Cologne', 'Paris', 'Istanbul', 'Manchester', 'Brussels', 'Lagos', 'Mosul', 'Peshawar', 'Quetta', 'Mogadishu', 'Bamako', 'Nice', 'Vienna'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes `count` plain-text articles into `dir` (reusing it when already complete) and returns the dir. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 7): string {
  const marker = join(dir, `.complete-${count}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  const pool = sentencePool();
  const rand = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const day = 1 + Math.floor(rand() * 28);
    const month = pick(MONTHS);
    const lines = [`Attack in ${place} leaves ${5 + Math.floor(rand() * 200)} dead (${i})`];
    const n = 8 + Math.floor(rand() * 12);
    for (let k = 0; k < n; k++) {
      lines.push(
        pick(pool)
          .replace(/Krasnogorsk|Moscow|Kerman|Kabul|Cologne|Paris/g, place)
          .replace(/\b\d{2,3}\b/g, () => String(2 + Math.floor(rand() * 300)))
          .replace(/March \d+|January \d+/g, `${month} ${day}`),
      );
    }
    writeFileSync(join(dir, `article-${String(i).padStart(6, '0')}.txt`), lines.join('\n\n') + '\n');
  }
  writeFileSync(marker, '');
  return dir;
}
