// The ingest job on worker threads behaves exactly as it does inline: same events in input order, same stored
// articles, annotations and copy links; a store batch commits all of its writes or none.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultReadOptions } from '../../src/ingest/index.js';
import { COPY_KEYS, copyShare, fingerprint } from '../../src/merge/copies.js';
import { ingest, type IngestEvent, type IngestTuning } from '../../src/pipeline/ingest.js';
import { openSqlite } from '../../src/store/sqlite.js';
import type { Article } from '../../src/types.js';
import { itemPath, report, writeReports } from './fixtures.js';

/** The reports, then an exact repeat, a report extended with new sentences, and an empty file. */
function writeCorpus(dir: string, count: number): void {
  writeReports(dir, count);
  writeFileSync(itemPath(dir, count), report(2));
  writeFileSync(
    itemPath(dir, count + 1),
    `${report(5)}\n\nA spokesman for the bus operator said services from the depot would resume on Thursday once engineers had checked the remaining cylinders and the gas supply.`,
  );
  writeFileSync(itemPath(dir, count + 2), '   \n');
}

/** What a run reported and stored, in a form two runs can be compared by. */
async function run(corpus: string, db: string, tuning: Partial<IngestTuning>) {
  const repo = openSqlite(db);
  try {
    const events: IngestEvent[] = [];
    const summary = await ingest([corpus], repo, defaultReadOptions, (e) => events.push(e), tuning);
    const articles = await repo.listArticles();
    const annotations = await Promise.all(articles.map((a) => repo.getAnnotations(a.id)));
    const strip = ({ storedAt: _, ...article }: Article & { storedAt: string }) => article;
    return { events, summary: { ...summary, seconds: 0 }, articles: articles.map(strip), annotations, links: await repo.copyLinks() };
  } finally {
    await repo.close();
  }
}

test('ingest on worker threads, in small batches, reports and stores exactly what inline ingest does', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pipeline-'));
  try {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, 12);
    const inline = await run(corpus, join(dir, 'inline.db'), { workers: 0 });
    const pooled = await run(corpus, join(dir, 'pooled.db'), { workers: 2, inlineFirst: 3, batchSize: 4 });

    assert.deepEqual(inline.summary, { stored: 13, alreadyStored: 1, failed: 1, seconds: 0 });
    // Events follow the input order: the 12 reports, the repeat, the extended report, then the empty file.
    const sources = inline.events.map((e) => (e.kind === 'error' ? e.error.source : e.article.source).replace(/^.*item-/, ''));
    assert.deepEqual(sources, Array.from({ length: 15 }, (_, i) => `${String(i).padStart(3, '0')}.txt`));
    assert.deepEqual(inline.events[14], { kind: 'error', error: { source: join(corpus, 'item-014.txt'), reason: 'file is empty' } });
    const stored = (i: number): Extract<IngestEvent, { kind: 'stored' }> => {
      const event = inline.events[i];
      assert.equal(event.kind, 'stored');
      return event as Extract<IngestEvent, { kind: 'stored' }>;
    };
    assert.equal(stored(12).inserted, false);
    assert.equal(stored(12).article.id, stored(2).article.id);
    // The extended report copies report 5 most of all (the reports share their stock sentences with each other).
    const [best] = stored(13).copies;
    const share = copyShare(stored(13).article.text, stored(5).article.text);
    assert.deepEqual(best, { articleId: stored(13).article.id, ofArticleId: stored(5).article.id, share, kind: 'partial-copy' });
    assert.ok(inline.annotations.every((a) => a !== null && a.sentences.length >= 4 && a.entities.length > 0));

    assert.deepEqual(pooled, inline);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store batch commits all of its writes, or none when it fails', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-batch-'));
  const repo = openSqlite(join(dir, 'batch.db'));
  const article = (id: string): Article => ({
    id, source: `${id}.txt`, url: null, title: null, text: `Text of ${id}.`, published: null, publishedFrom: null,
    outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] },
  });
  try {
    await repo.inBatch(async () => {
      await repo.putArticle(article('a1'), Buffer.from('a1'));
      await repo.putSignature('a1', ['0:ff']);
    });
    await assert.rejects(
      repo.inBatch(async () => {
        await repo.putArticle(article('b1'), Buffer.from('b1'));
        await repo.putSignature('a1', ['0:aa']);
        throw new Error('disk on fire');
      }),
      /disk on fire/,
    );
    assert.deepEqual((await repo.listArticles()).map((a) => a.id), ['a1']);
    assert.deepEqual(await repo.findBySignature(['0:ff']), ['a1']);
    assert.deepEqual(await repo.findBySignature(['0:aa']), []);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store whose copy keys were derived otherwise has its articles signed again before new ones are looked up', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-resign-'));
  const db = join(dir, 'resign.db');
  const corpus = join(dir, 'in');
  writeReports(corpus, 3);
  try {
    const repo = openSqlite(db);
    await ingest([corpus], repo, defaultReadOptions, () => {}, { workers: 0 });
    const stored = await repo.listArticles();
    // What an older sitrep would have left: keys of another derivation, and its name.
    for (const a of stored) await repo.putSignature(a.id, ['0:old']);
    await repo.putSetting('copy-keys', 'minhash:5:128');
    writeFileSync(itemPath(corpus, 3), `${report(1)}\n\nThe depot reopened on Friday.`);
    const events: IngestEvent[] = [];
    await ingest([corpus], repo, defaultReadOptions, (e) => events.push(e), { workers: 0 });
    assert.equal(await repo.getSetting('copy-keys'), COPY_KEYS);
    for (const a of stored) assert.ok((await repo.findBySignature(fingerprint(a.text).keys, fingerprint(a.text).keys.length)).includes(a.id), a.source);
    assert.deepEqual(await repo.findBySignature(['0:old']), []);
    const extended = events.find((e) => e.kind === 'stored' && e.inserted);
    assert.ok(extended && extended.kind === 'stored');
    // Found through the keys signed again (the reports share their wording, so the others are partial copies).
    assert.deepEqual([extended.copies[0]!.articleId, extended.copies[0]!.ofArticleId, extended.copies[0]!.kind], [extended.article.id, stored[1]!.id, 'near-duplicate']);
    await repo.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
