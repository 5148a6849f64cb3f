// Runs the extractor on the real seed articles (read at test time from ../shared; never copied here) and checks
// properties of the result: furniture gone, article paragraphs intact, metadata found.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { normalizeText } from '../../src/extract/normalize.js';
import { cleanPastedText } from '../../src/extract/pasted.js';
import { packagePath } from '../../src/paths.js';
import type { RawDocument } from '../../src/types.js';
import { seedsDir } from '../helpers.js';

const SKIP = seedsDir === null ? 'seed corpus absent (../shared/corpus/seeds); skipping' : false;

interface Expectation {
  /** Seed file name prefix. */
  prefix: string;
  paragraphs: number;
  present: string[];
  absent: string[];
  title: RegExp | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
}

// Short phrases chosen to tell article text from page furniture; compared with the normalised text.
const EXPECTED: Expectation[] = [
  {
    prefix: '000_',
    paragraphs: 8,
    present: ['ominous harbinger', 'white Renault', 'Nangarhar and Kunar', 'Dmitry Medvedev'],
    absent: ['Read more', 'Similar News', 'Shamima Begum', 'Latest News', 'patrols the scene'],
    title: null,
    outlet: null,
    byline: null,
    published: null,
  },
  {
    prefix: '001_',
    paragraphs: 14,
    present: ['loss of more 90 lives', '"duty to warn"', 'Qassim Suleimani', 'Overall, these incidents'],
    absent: ['Read also', 'British embassy', 'Follow EU Today', 'Leave a Comment', 'brings you the latest', '0 comment'],
    title: /^Islamic State Claim Responsibility/,
    outlet: 'EU Today',
    byline: 'EUToday Correspondents',
    published: null,
  },
  {
    prefix: '002_',
    paragraphs: 29,
    present: ['Five years ago this month', 'Adrienne Watson', 'Paris Olympics', "Friday's attack"],
    absent: ['Share This Post', 'Source link', 'Related Posts', 'Starzbet', 'Advertisement', 'San Diego'],
    title: /Global Ambitions$/,
    outlet: null,
    byline: null,
    published: null,
  },
  {
    prefix: '003_',
    paragraphs: 10,
    present: ['On 22 March 2024', 'Amaq news agency', "last week's terror attack", 'tracking IS'],
    absent: ['IS claims responsibility', 'Subscribe', 'Book a Demo', 'JavaScript', 'LinkedIn'],
    title: null,
    outlet: null,
    byline: null,
    published: '2024-03-29',
  },
  {
    prefix: '004_',
    paragraphs: 17,
    present: ['Four Tajik men', 'Bill Roggio', 'John Kirby', 'take for granted'],
    absent: ['Join Fox News', 'valid email', 'See also', 'AP Photo', 'Getty Images', 'Click here', 'Haiti', 'Leave a Reply', 'News Content Writer'],
    title: /^ISIS-K makes resurgence/,
    outlet: 'Fox News',
    byline: 'Ali Raza',
    published: '2024-03-25',
  },
];

const boilerplate = JSON.parse(readFileSync(packagePath('src/extract/data/boilerplate.json'), 'utf8')) as Record<string, string[]>;
const furniture = [...boilerplate['drop']!, ...boilerplate['endOfArticle']!, ...boilerplate['teaserMarker']!].map((s) => new RegExp(s, 'iu'));

function seedDoc(file: string): RawDocument {
  const raw = readFileSync(join(seedsDir!, file));
  return { source: file, url: null, body: raw.toString('utf8'), kind: 'text', raw, contentType: null, charset: null, fetchedAt: null, hints: {} };
}

test('every seed yields its article and only its article', { skip: SKIP }, (t) => {
  const files = readdirSync(seedsDir!).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, EXPECTED.length, 'one expectation per seed');
  for (const expected of EXPECTED) {
    const file = files.find((f) => f.startsWith(expected.prefix));
    assert.ok(file, `seed ${expected.prefix}* exists`);
    const doc = seedDoc(file);
    const article = extractArticle(doc);
    const paragraphs = article.text.split('\n\n');
    const seedLines = new Set(doc.body.split(/\r?\n/).map((l) => normalizeText(l).text).filter((l) => l !== ''));

    assert.equal(paragraphs.length, expected.paragraphs, `${file}: kept paragraphs`);
    for (const p of paragraphs) {
      // Kept paragraphs are whole lines of the page, unchanged apart from normalisation, and none is furniture.
      assert.ok(seedLines.has(p), `${file}: kept text is a line of the seed: ${p.slice(0, 40)}`);
      for (const cue of furniture) assert.doesNotMatch(p.slice(0, 300), cue, `${file}: furniture kept`);
    }
    for (const phrase of expected.present) assert.ok(article.text.includes(phrase), `${file}: "${phrase}" kept`);
    for (const phrase of expected.absent) assert.ok(!article.text.includes(phrase), `${file}: "${phrase}" dropped`);
    assert.doesNotMatch(article.text, /[\u2018\u2019\u201C\u201D\u00A0\u200B]|[\u{1D400}-\u{1D7FF}]|\n\n\n/u);
    if (expected.title) assert.match(article.title ?? '', expected.title, `${file}: title`);
    else assert.equal(article.title, null, `${file}: title`);
    assert.equal(article.outlet, expected.outlet, `${file}: outlet`);
    assert.equal(article.byline, expected.byline, `${file}: byline`);
    assert.equal(article.published, expected.published, `${file}: published`);
    assert.equal(article.publishedFrom, expected.published ? 'inferred' : null, `${file}: published from`);
    assert.equal(article.language, 'en', `${file}: language`);

    const lines = doc.body.split(/\r?\n/).filter((l) => normalizeText(l).text !== '').length;
    const kept = cleanPastedText(doc.body).paragraphs.length;
    t.diagnostic(
      `${file}: kept ${kept} of ${lines} non-blank lines (dropped ${lines - kept}); ` +
        `published ${article.published ?? 'unknown'} (${article.publishedFrom ?? '-'}); outlet ${article.outlet ?? 'unknown'}`,
    );
  }
});

test('extracting a seed twice gives the same id', { skip: SKIP }, () => {
  const file = readdirSync(seedsDir!).filter((f) => f.endsWith('.txt')).sort()[0]!;
  assert.equal(extractArticle(seedDoc(file)).id, extractArticle({ ...seedDoc(file), source: 'elsewhere' }).id);
});
