// A writer killed with SIGKILL mid-ingest leaves a consistent SQLite file, and running it again completes it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqlite } from '../../src/store/sqlite.js';
import { repoRoot } from '../helpers.js';
import { numbered } from './fixtures.js';

const TOTAL = 3000;
const KILL_AFTER = 300;

// The writer sits beside this file: kill-writer.ts under tsx, kill-writer.js once compiled to dist/.
const ext = extname(fileURLToPath(import.meta.url));
const writer = fileURLToPath(new URL(`./kill-writer${ext}`, import.meta.url));
const nodeArgs = ext === '.ts' ? ['--import', 'tsx', writer] : [writer];

/** Runs the writer; resolves with how many articles it reported stored and how it ended. */
function runWriter(db: string, killAfter?: number): Promise<{ acknowledged: number; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, db, String(TOTAL)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      acknowledged += lines.length;
      if (killAfter !== undefined && acknowledged >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ acknowledged, code, signal }));
  });
}

async function assertConsistent(db: string, minimum: number): Promise<number> {
  const raw = new Database(db);
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  // FTS5's own check compares the index with the articles table (rank 1 = against the content too).
  raw.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run();
  raw.close();
  const repo = openSqlite(db);
  try {
    const stored = await repo.listArticles();
    assert.ok(stored.length >= minimum, `${stored.length} stored, but the writer acknowledged ${minimum}`);
    for (const [i, a] of stored.entries()) {
      const expected = numbered(i);
      assert.equal(a.id, expected.article.id);
      assert.deepEqual(await repo.getRaw(a.id), expected.raw);
      assert.deepEqual(await repo.getAnnotations(a.id), expected.annotations);
      assert.deepEqual((await repo.search(`tag${i}`)).map((h) => h.id), [a.id]);
    }
    return stored.length;
  } finally {
    await repo.close();
  }
}

test('a writer killed with SIGKILL mid-ingest leaves a consistent database, and a re-run completes it', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
  try {
    const db = join(dir, 'killed.db');
    const killed = await runWriter(db, KILL_AFTER);
    assert.equal(killed.signal, 'SIGKILL', `the writer finished (code ${killed.code}) before it could be killed`);
    const survived = await assertConsistent(db, killed.acknowledged);
    t.diagnostic(`killed after ${killed.acknowledged} acknowledged; ${survived} of ${TOTAL} stored`);
    assert.ok(survived < TOTAL, `all ${TOTAL} stored before the kill`);

    const rerun = await runWriter(db);
    assert.equal(rerun.code, 0);
    assert.equal(await assertConsistent(db, TOTAL), TOTAL);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
