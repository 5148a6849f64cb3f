// Child process for kill.test.ts: stores numbered articles 0..count-1 into an SQLite file, printing each index
// once it is committed. `node --test dist/test/` also runs every file under test/, so without arguments it
// does nothing.
import { openSqlite } from '../../src/store/sqlite.js';
import { numbered } from './fixtures.js';

const [dbPath, count] = process.argv.slice(2);
if (dbPath && count) {
  const repo = openSqlite(dbPath);
  for (let i = 0; i < Number(count); i++) {
    const { article, raw, annotations } = numbered(i);
    await repo.putArticle(article, raw, annotations);
    process.stdout.write(`${i}\n`);
  }
  await repo.close();
}
