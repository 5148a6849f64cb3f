// The repository behaviour suite on PostgreSQL, each test in a fresh random schema that is dropped afterwards.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { openRepository } from '../../src/store/open.js';
import { openPostgres } from '../../src/store/postgres.js';
import { article } from './fixtures.js';
import { repositoryBehaviour } from './repository-suite.js';

const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const freshSchema = () => `sitrep_test_${randomBytes(6).toString('hex')}`;
const skip = (await reachable()) ? false : `PostgreSQL not reachable at ${PG_URL}: skipping`;
if (skip) console.log(skip);

repositoryBehaviour('PostgreSQL', async () => {
  const schema = freshSchema();
  const repo = await openPostgres(PG_URL, schema);
  return { repo, dispose: async () => { await repo.close(); await dropSchema(schema); } };
}, skip);

test('openRepository opens PostgreSQL from a URL with a schema parameter, at schema version 3', { skip }, async () => {
  const schema = freshSchema();
  try {
    const repo = await openRepository(`${PG_URL}?schema=${schema}`);
    await repo.putArticle(article('a1', 'Kept', 'Kept across reopening.'), Buffer.from('x'));
    await repo.close();
    const again = await openRepository(`${PG_URL}?schema=${schema}`);
    assert.deepEqual((await again.search('reopening')).map((h) => h.id), ['a1']);
    await again.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_version`);
    await client.end();
    assert.deepEqual(rows, [{ version: 3 }]);
  } finally {
    await dropSchema(schema);
  }
});

test('rejects a schema name that is not a plain identifier', { skip }, async () => {
  await assert.rejects(openPostgres(PG_URL, 'x"; DROP SCHEMA public; --'), /invalid PostgreSQL schema name/);
});
