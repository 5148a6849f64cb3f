// An ingest killed with SIGKILL between batches or inside one leaves a consistent store holding every reported
// article whole (text, raw bytes, annotations, signature), and running it again completes it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fingerprint } from '../../src/merge/copies.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { repoRoot } from '../helpers.js';
import { writeReports } from './fixtures.js';

const TOTAL = 400;
const KILL_AFTER = 40;

// The child sits beside this file: kill-ingest.ts under tsx, kill-ingest.js once compiled to dist/.
const ext = extname(fileURLToPath(import.meta.url));
const child = fileURLToPath(new URL(`./kill-ingest${ext}`, import.meta.url));
const nodeArgs = ext === '.ts' ? ['--import', 'tsx', child] : [child];

/** Runs the ingest child; resolves with the sources it reported and how it ended. */
function runIngest(db: string, corpus: string, killAfter?: number): Promise<{ reported: string[]; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeArgs, db, corpus], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const reported: string[] = [];
    let pending = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      reported.push(...lines);
      if (killAfter !== undefined && reported.length >= killAfter) proc.kill('SIGKILL');
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ reported, code, signal }));
  });
}

/** Checks the file and every stored article; returns the stored articles' sources. */
async function assertConsistent(db: string): Promise<string[]> {
  const raw = new Database(db);
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
  const repo = openSqlite(db);
  try {
    const stored = await repo.listArticles();
    for (const a of stored) {
      assert.ok((await repo.getRaw(a.id))?.length, `no raw bytes for ${a.source}`);
      assert.equal((await repo.getAnnotations(a.id))?.articleId, a.id);
      assert.ok((await repo.findBySignature(fingerprint(a.text).keys, fingerprint(a.text).keys.length)).includes(a.id), `no signature for ${a.source}`);
    }
    return stored.map((a) => a.source);
  } finally {
    await repo.close();
  }
}

test('an ingest killed with SIGKILL leaves every reported article stored whole, and a re-run completes it', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-ingest-'));
  try {
    const corpus = join(dir, 'corpus');
    writeReports(corpus, TOTAL);
    const db = join(dir, 'killed.db');
    const killed = await runIngest(db, corpus, KILL_AFTER);
    assert.equal(killed.signal, 'SIGKILL', `the ingest finished (code ${killed.code}) before it could be killed`);
    const survived = await assertConsistent(db);
    t.diagnostic(`killed after ${killed.reported.length} reported; ${survived.length} of ${TOTAL} stored`);
    assert.ok(survived.length < TOTAL, `all ${TOTAL} stored before the kill`);
    // Batches commit whole and in order: what was reported is stored, and what is stored is a prefix of the input.
    assert.deepEqual(survived.slice(0, killed.reported.length), killed.reported);
    assert.equal(survived.length % 8, 0);

    const rerun = await runIngest(db, corpus);
    assert.equal(rerun.code, 0);
    assert.equal(rerun.reported.length, TOTAL);
    assert.equal((await assertConsistent(db)).length, TOTAL);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
