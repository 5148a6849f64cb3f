// Copy detection on texts written for these tests: exact shares, classification, and LSH lookup at scale.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { classifyCopy, copyShare, findCopies, fingerprint, shingles } from '../../src/merge/copies.js';
import type { Repository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite.js';
import type { Article } from '../../src/types.js';
import { seededRandom } from '../../src/random.js';

const ORIGINAL = [
  'Two men set fire to a warehouse on the edge of the harbour district late on Sunday evening, the fire service said.',
  'Crews from four stations needed most of the night to bring the blaze under control, and the roof of the main hall collapsed shortly after midnight.',
  'A night watchman was treated in hospital for smoke inhalation and later released; nobody else was hurt.',
  'Investigators found two empty petrol cans near a side door that had been forced open with a crowbar.',
  'The owner of the warehouse, a family firm that stores furniture, said it had received threatening letters for months.',
  'Police asked anyone who saw a grey van parked on the quay between nine and eleven to come forward.',
].join(' ');

function article(id: string, text: string, published: string | null = null): Article {
  return { id, source: `${id}.txt`, url: null, title: null, text, published, publishedFrom: null, outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
}

/** Stores an article the way ingest does: the article, then its signature. */
async function store(repo: Repository, a: Article): Promise<void> {
  await repo.putArticle(a, Buffer.from(a.text));
  await repo.putSignature(a.id, fingerprint(a.text).keys);
}

async function withRepo(work: (repo: Repository) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-copies-'));
  const repo = openSqlite(join(dir, 'copies.db'));
  try {
    await work(repo);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('copyShare', () => {
  test('is the share of the first text’s distinct 5-word shingles found in the second', () => {
    const ten = 'one two three four five six seven eight nine ten';
    const seven = 'one two three four five six seven';
    assert.equal(copyShare(ten, seven), 3 / 6);
    assert.equal(copyShare(seven, ten), 1);
    assert.equal(copyShare(ten, 'six seven eight nine ten eleven'), 1 / 6);
    assert.equal(copyShare(ten, 'ten nine eight seven six five four three two one'), 0);
  });

  test('ignores case, punctuation and spacing, and counts a repeated shingle once', () => {
    assert.equal(copyShare('One, TWO; three -- four five!', 'one two three four five'), 1);
    assert.equal(shingles('red green blue cyan gold red green blue cyan gold').size, 5);
    assert.equal(copyShare('red green blue cyan gold red green blue cyan gold', 'red green blue cyan gold'), 1 / 5);
  });

  test('treats a text of fewer than five words as one shingle, and an empty text as none', () => {
    assert.deepEqual([...shingles('Alpha, beta.')], ['alpha beta']);
    assert.equal(copyShare('alpha beta', 'ALPHA  beta'), 1);
    assert.equal(copyShare('alpha beta', 'alpha beta gamma'), 0);
    assert.equal(copyShare('', ORIGINAL), 0);
    assert.equal(copyShare('...', ORIGINAL), 0);
  });
});

describe('fingerprint', () => {
  test('keys: a passage of 19 words copied into a long unrelated text always shares a key with its original', () => {
    const random = seededRandom(3);
    const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
    const text = (n: number) => Array.from({ length: n }, word).join(' ');
    for (let trial = 0; trial < 200; trial++) {
      const passage = text(19);
      const original = `${text(40)} ${passage} ${text(40)}`;
      const copy = `${text(300)} ${passage} ${text(300)}`;
      const keys = new Set(fingerprint(original).keys);
      assert.ok(fingerprint(copy).keys.some((k) => keys.has(k)), `trial ${trial}: no key shared`);
    }
  });

  test('keys: about one per eight shingles, the same for the same text, none for a text without words', () => {
    const long = ORIGINAL.repeat(1);
    const n = shingles(long).size;
    const keys = fingerprint(long).keys;
    assert.ok(keys.length >= n / 12 && keys.length <= n / 5, `${keys.length} keys for ${n} shingles`);
    assert.deepEqual(fingerprint(long.toUpperCase()).keys, keys);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(fingerprint('').keys, []);
    assert.deepEqual(fingerprint('...').keys, []);
    assert.equal(fingerprint('alpha beta').keys.length, 1);
  });
});

describe('classifyCopy', () => {
  test('needs enough shared shingles before calling a short overlap a partial copy', () => {
    const stock = 'police asked anyone who saw';
    assert.equal(classifyCopy(shingles(`${stock} the crash to call`), shingles(`${stock} a red car`)), null);
  });
});

describe('findCopies', () => {
  test('classifies duplicates, near-duplicates and partial copies, and ignores unrelated text and itself', () =>
    withRepo(async (repo) => {
      await store(repo, article('orig', ORIGINAL));
      await store(repo, article('other', 'The city council approved a new cycle lane along the river after a long debate about parking spaces and deliveries to the shops on the embankment.'));

      const reformatted = article('dup', ORIGINAL.toUpperCase().replace(/[,.;]/g, ' - '));
      assert.deepEqual(await findCopies(reformatted, repo), [{ articleId: 'dup', ofArticleId: 'orig', share: 1, kind: 'duplicate' }]);

      const edited = article('near', ORIGINAL.replace('four stations', 'five stations') + ' The investigation continues.');
      const near = await findCopies(edited, repo);
      assert.deepEqual(near, [{ articleId: 'near', ofArticleId: 'orig', share: copyShare(edited.text, ORIGINAL), kind: 'near-duplicate' }]);
      assert.ok(near[0].share >= 0.9 && near[0].share < 1 && copyShare(ORIGINAL, edited.text) >= 0.9);

      const ownWords =
        'Residents of the harbour district held a meeting on Tuesday to demand better street lighting and more patrols. ' +
        'Several speakers said they no longer felt safe walking home after dark, and the mayor promised an answer within a month. ';
      const quoting = article('partial', ownWords + ORIGINAL.split('. ').slice(3, 6).join('. '));
      const partial = await findCopies(quoting, repo);
      const share = copyShare(quoting.text, ORIGINAL);
      assert.ok(share >= 0.3 && share < 0.9, `share ${share}`);
      assert.deepEqual(partial, [{ articleId: 'partial', ofArticleId: 'orig', share, kind: 'partial-copy' }]);

      assert.deepEqual(await findCopies(article('orig', ORIGINAL), repo), []);
      assert.deepEqual(await findCopies(article('fresh', 'A spokesman for the port authority said ferries would run normally on Monday morning.'), repo), []);
    }));

  test('records the later-published article as the copier', () =>
    withRepo(async (repo) => {
      await store(repo, article('later', ORIGINAL + ' More details were expected later in the day.', '2024-06-03'));
      const earlier = article('earlier', ORIGINAL, '2024-06-01');
      const [link] = await findCopies(earlier, repo);
      assert.deepEqual(link, { articleId: 'later', ofArticleId: 'earlier', share: copyShare(ORIGINAL + ' More details were expected later in the day.', ORIGINAL), kind: 'near-duplicate' });
    }));

  test('finds a rewritten copy among many unrelated texts while reading only a few candidates', { timeout: 60_000 }, (t) =>
    withRepo(async (repo) => {
      const random = seededRandom(7);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      // Made-up words with the stock attributions news on one topic shares, so unrelated texts share a few shingles.
      const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
      const sentence = () => `${Array.from({ length: 8 + Math.floor(random() * 8) }, word).join(' ')}, ${pick(SOURCES)}.`;
      const texts = Array.from({ length: 1000 }, () => Array.from({ length: 25 }, sentence));
      for (const [i, sentences] of texts.entries()) await store(repo, article(`t${i}`, sentences.join(' ')));

      // Rewrite text 500: drop every fourth sentence, add a clause to every third, and append fresh sentences.
      const rewritten = texts[500]
        .filter((_, i) => i % 4 !== 3)
        .map((s, i) => (i % 3 === 0 ? s.replace(/\.$/, ' according to a statement released later.') : s))
        .concat(Array.from({ length: 6 }, sentence))
        .join(' ');
      let reads = 0;
      const counting: Repository = { ...repo, getArticle: (id) => { reads++; return repo.getArticle(id); } };
      const links = await findCopies(article('rewrite', rewritten), counting);
      assert.deepEqual(links.map((l) => [l.ofArticleId, l.kind]), [['t500', 'partial-copy']]);
      assert.equal(links[0].share, copyShare(rewritten, texts[500].join(' ')));
      assert.ok(reads <= 5, `read ${reads} candidates of 1000 stored texts`);
      t.diagnostic(`share ${links[0].share.toFixed(3)}, ${reads} candidates read of 1000 stored texts`);
    }));
});

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'del', 'an', 'bri', 'cho', 'es', 'fal', 'gur', 'hin', 'jo', 'nas', 'pe', 'qui', 'zo'];
const SOURCES = ['officials said', 'according to local media', 'witnesses told reporters', 'the ministry said in a statement', 'police sources said on condition of anonymity', 'a statement from the regional governor said'];
