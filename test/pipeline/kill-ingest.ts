// Child process for kill.test.ts: ingests a folder into an SQLite file in small batches, printing each event's
// source once its batch is committed. `node --test dist/test/` also runs every file under test/, so without
// arguments it does nothing.
import { defaultReadOptions } from '../../src/ingest/index.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { openSqlite } from '../../src/store/sqlite.js';

const [dbPath, corpus] = process.argv.slice(2);
if (dbPath && corpus) {
  const repo = openSqlite(dbPath);
  await ingest([corpus], repo, defaultReadOptions, (e) => process.stdout.write(`${e.kind === 'stored' ? e.article.source : e.error.source}\n`), {
    workers: 0,
    batchSize: 8,
  });
  await repo.close();
}
