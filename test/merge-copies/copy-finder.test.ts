// CopyFinder remembers the shingle hashes of stored articles: it finds the same links as findCopies, which
// re-reads every candidate, without reading remembered articles back, and re-reads only what it has evicted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyShare, CopyFinder, findCopies, fingerprint } from '../../src/merge/copies.js';
import type { Repository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite.js';
import type { Article } from '../../src/types.js';

const BASE = [
  'Firefighters spent the night at a timber yard on the northern ring road after a fire broke out in a storage shed.',
  'The yard owner said the shed held dried oak planks that had been delivered only the week before.',
  'Nobody was injured, although two neighbouring houses were evacuated as a precaution until the early morning.',
  'A fire service spokeswoman said the cause was not yet known and that investigators would return after daybreak.',
  'Traffic on the ring road was diverted for several hours while crews pumped water from a nearby canal.',
];

function article(id: string, text: string, published: string | null): Article {
  return { id, source: `${id}.txt`, url: null, title: null, text, published, publishedFrom: null, outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
}

/** Variant i keeps some of the base sentences and adds its own, so variants copy the base and each other in part. */
function variant(i: number): Article {
  const kept = BASE.filter((_, k) => (i + k) % 3 !== 0);
  const own = `Reporter ${i} added that the council would review storage rules for yards number ${i} and ${i + 40} next month.`;
  return article(`v${i}`, [...kept, own].join(' '), `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`);
}

/** A store that counts getArticle calls. */
function counting(repo: Repository): { repo: Repository; reads: () => number } {
  let reads = 0;
  return { repo: { ...repo, getArticle: (id) => { reads++; return repo.getArticle(id); } }, reads: () => reads };
}

test('CopyFinder finds what findCopies finds, reading back only articles it does not remember', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-finder-'));
  const repo = openSqlite(join(dir, 'finder.db'));
  try {
    const large = counting(repo);
    const roomy = new CopyFinder(large.repo);
    const small = counting(repo);
    // Room for about two articles' hashes: most candidates must be read back from the store.
    const cramped = new CopyFinder(small.repo, 2 * fingerprint(variant(0).text).hashes.length);
    let links = 0;
    for (let i = 0; i < 12; i++) {
      const a = variant(i);
      const print = fingerprint(a.text);
      const expected = await findCopies(a, repo);
      assert.deepEqual(await roomy.find(a, print), expected);
      assert.deepEqual(await cramped.find(a, print), expected);
      for (const link of expected) {
        const [copier, original] = link.articleId === a.id ? [a, variant(Number(link.ofArticleId.slice(1)))] : [variant(Number(link.articleId.slice(1))), a];
        assert.equal(link.share, copyShare(copier.text, original.text));
      }
      links += expected.length;
      await repo.putArticle(a, Buffer.from(a.text));
      await repo.putSignature(a.id, print.keys);
      roomy.remember(a.id, a.published, print);
      cramped.remember(a.id, a.published, print);
    }
    assert.ok(links >= 20, `only ${links} links among the variants`);
    assert.equal(large.reads(), 0);
    assert.ok(small.reads() > 0);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
