// The analyze job adds stored articles to the incident builder first and each new article as it is stored; what it
// returns and stores is what a rebuild over the whole store computes afterwards. Run on the bundled examples.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultReadOptions } from '../../src/ingest/index.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { rebuildIncidents } from '../../src/pipeline/incidents.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { repoRoot } from '../helpers.js';

const examples = join(repoRoot, 'examples');

test('analyze over a store holding some articles already gives what a rebuild after the ingest gives', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-analyze-'));
  const first = join(dir, 'first');
  mkdirSync(first);
  cpSync(join(examples, '02-agency-update.html'), join(first, '02-agency-update.html'));
  cpSync(join(examples, '05-records.jsonl'), join(first, '05-records.jsonl'));
  const repo = openSqlite(join(dir, 'store.db'));
  try {
    await ingest([first], repo, defaultReadOptions, () => {}, { workers: 0 });
    const stored = (await repo.listArticles()).length;
    assert.ok(stored >= 2 && stored < 7, `${stored} stored first`);
    const result = await analyze([examples], repo, defaultReadOptions, () => {}, { workers: 0 });
    assert.deepEqual({ stored: result.summary.stored, alreadyStored: result.summary.alreadyStored }, { stored: 7 - stored, alreadyStored: stored });

    const [main] = result.incidents;
    assert.equal(main!.type, 'armed assault');
    assert.equal(main!.place?.name, 'Crocus City Hall');
    assert.equal(main!.articles.length, 5);
    // The syndicated copy adds evidence but not an independent source.
    assert.equal(main!.sources, 4);
    assert.deepEqual(result.stories.map((s) => s.articles.length), [7]);

    assert.deepEqual(await repo.incidents(), result.incidents);
    assert.deepEqual(await repo.stories(), result.stories);
    assert.deepEqual(await rebuildIncidents(repo), { incidents: result.incidents, stories: result.stories });
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
