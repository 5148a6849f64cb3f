// End-to-end tests of the `sitrep` command on the bundled examples (runs the compiled CLI in a child process).
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { repoRoot } from '../helpers.js';

const bin = join(repoRoot, 'bin', 'sitrep.js');
const examples = join(repoRoot, 'examples');

function sitrep(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** The same, without blocking this process, for tests whose HTTP server runs in this process. */
function sitrepAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
    });
  });
}
const jsonLines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('sitrep CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  const db = join(dir, 'store.db');

  test('ingest stores every bundled example once and reports the copy', () => {
    const r = sitrep(['ingest', examples, '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /ingested 7 new, 0 already stored, 0 failed/);
    assert.match(r.err, /04-syndicated-copy\.md: (near-duplicate|partial-copy) of [0-9a-f]+ \(\d+% of its text reused\)/);
    const again = sitrep(['ingest', examples, '--db', db]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /ingested 0 new, 7 already stored, 0 failed/);
  });

  test('analyze stores the examples and prints their incidents, the attack first, then lists them and the story', () => {
    const store = join(dir, 'analyze.db');
    const r = sitrep(['analyze', examples, '--db', store, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /ingested 7 new, 0 already stored, 0 failed/);
    const incidents = jsonLines(r.out);
    assert.deepEqual([incidents[0].type, incidents[0].place.name, incidents[0].articles.length, incidents[0].sources], ['armed assault', 'Crocus City Hall', 5, 4]);
    assert.deepEqual(jsonLines(sitrep(['incidents', '--db', store, '--json']).out), incidents);
    const stories = jsonLines(sitrep(['stories', '--db', store, '--json']).out);
    assert.deepEqual(stories.map((s) => s.articles.length), [7]);
  });

  test('articles lists each stored article with its metadata', () => {
    const rows = jsonLines(sitrep(['articles', '--db', db, '--json']).out);
    assert.equal(rows.length, 7);
    const wire = rows.find((a) => a.source.endsWith('moscow-concert-hall-attack'));
    assert.ok(wire, 'the canonical URL of the first example is its source');
    assert.equal(wire.outlet, 'Example Wire');
    assert.equal(wire.published, '2024-03-22T21:40:00.000Z');
  });

  test('search returns one ranked hit per article with a snippet', () => {
    const hits = jsonLines(sitrep(['search', 'Bryansk', '--db', db, '--json']).out);
    assert.ok(hits.length >= 2);
    assert.equal(new Set(hits.map((h) => h.id)).size, hits.length);
    for (const h of hits) assert.match(h.snippet, /\[Bryansk\]/);
    const hostile = sitrep(['search', 'Crocus "City AND (', '--db', db]);
    assert.equal(hostile.code, 0, hostile.err);
  });

  test('show accepts an id prefix', () => {
    const [first] = jsonLines(sitrep(['articles', '--db', db, '--json']).out);
    const r = sitrep(['show', first.id.slice(0, 8), '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.startsWith(`id:        ${first.id}\n`));
  });

  test('extract --json prints the article fields without storing', () => {
    const r = sitrep(['extract', join(examples, '01-wire-first-report.html'), '--json']);
    assert.equal(r.code, 0, r.err);
    const [a] = jsonLines(r.out);
    assert.equal(a.title, 'Gunmen attack concert hall near Moscow, dozens reported dead');
    assert.equal(a.byline, 'Anna Petrova');
    assert.equal(a.publishedFrom, 'metadata');
    assert.equal(a.language, 'en');
    assert.doesNotMatch(a.text, /cookies|Share this story|Markets close/);
    assert.match(a.text, /Crocus City Hall in Krasnogorsk/);
    assert.equal(a.text.split('\n\n').length, 4);
  });

  test('bad inputs are reported one line each and the batch goes on', () => {
    const bad = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]));
    writeFileSync(join(bad, 'good.txt'), readFileSync(join(examples, '03-blog-paste.txt')));
    const badDb = join(mkdtempSync(join(tmpdir(), 'sitrep-baddb-')), 'store.db');
    const r = sitrep(['ingest', bad, join(bad, 'missing.txt'), '--db', badDb]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^error: .*empty\.txt: .*empty/m);
    assert.match(r.err, /^error: .*binary\.html: .*binary/m);
    assert.match(r.err, /^error: .*missing\.txt: /m);
    assert.match(r.err, /ingested 1 new, 0 already stored, 3 failed/);
  });

  test('usage errors exit with 2 and say what is wrong', () => {
    const r = sitrep(['frobnicate']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'sitrep: unknown command "frobnicate" (see sitrep --help)\n');
    assert.equal(sitrep(['show', 'ffffffffffff', '--db', db]).err, 'sitrep: no stored article has id "ffffffffffff"\n');
  });
});

describe('sitrep CLI over HTTP', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const page = readFileSync(join(examples, '02-agency-update.html'));
    server = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('a URL on a private address is refused unless --allow-private', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sitrep-url-')), 'store.db');
    const refused = await sitrepAsync(['ingest', `${base}/article`, '--db', db]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /error: http:\/\/127\.0\.0\.1:\d+\/article: refused loopback address 127\.0\.0\.1 \(use --allow-private\)/);
    const ok = await sitrepAsync(['ingest', `${base}/article`, `${base}/missing`, '--db', db, '--allow-private']);
    assert.equal(ok.code, 1);
    assert.match(ok.err, /error: http:\/\/127\.0\.0\.1:\d+\/missing: .*404/);
    assert.match(ok.err, /ingested 1 new, 0 already stored, 1 failed/);
  });
});
