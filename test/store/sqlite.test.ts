// The repository behaviour suite on SQLite, plus what only SQLite has: schema version and reopening a file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openRepository } from '../../src/store/open.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { article } from './fixtures.js';
import { repositoryBehaviour } from './repository-suite.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sitrep-store-'));
}

repositoryBehaviour('SQLite', async () => {
  const dir = tempDir();
  const repo = openSqlite(join(dir, 'test.db'));
  return { repo, dispose: async () => { await repo.close(); rmSync(dir, { recursive: true, force: true }); } };
});

test('openRepository opens an SQLite file, in WAL mode at schema version 4, and reopens it with its data', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'sitrep.db');
    const repo = await openRepository(path);
    await repo.putArticle(article('a1', 'Kept', 'Kept across reopening.'), Buffer.from('x'));
    await repo.close();
    const again = await openRepository(path);
    assert.deepEqual((await again.search('reopening')).map((h) => h.id), ['a1']);
    await again.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(db.prepare('SELECT version FROM schema_version').all(), [{ version: 4 }]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('openRepository takes the SQLite path from SITREP_DB when none is given', async () => {
  const dir = tempDir();
  const saved = process.env.SITREP_DB;
  try {
    process.env.SITREP_DB = join(dir, 'from-env.db');
    const repo = await openRepository();
    await repo.putArticle(article('a1', 'Env', 'From the environment.'), Buffer.from('x'));
    await repo.close();
    const db = new Database(join(dir, 'from-env.db'), { readonly: true });
    assert.deepEqual(db.prepare('SELECT id FROM articles').all(), [{ id: 'a1' }]);
    db.close();
  } finally {
    if (saved === undefined) delete process.env.SITREP_DB;
    else process.env.SITREP_DB = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses a database written by a newer sitrep', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'future.db');
    (await openRepository(path)).close();
    const db = new Database(path);
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();
    assert.throws(() => openSqlite(path), /schema version 99 is newer than this sitrep \(4\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
