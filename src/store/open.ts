// Chooses the store from one string: a file path (SQLite) or a postgres:// URL (PostgreSQL).
import type { Repository } from './repository.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

export const DEFAULT_DB = './sitrep.db';

/**
 * Opens the store named by `spec`, else by the SITREP_DB environment variable, else ./sitrep.db. A
 * `postgres://` or `postgresql://` URL opens PostgreSQL; its optional `schema` query parameter names the schema
 * (default `sitrep`). Anything else is an SQLite file path.
 */
export async function openRepository(spec?: string): Promise<Repository> {
  const target = spec || process.env.SITREP_DB || DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(target)) {
    const url = new URL(target);
    const schema = url.searchParams.get('schema') ?? undefined;
    // pg would pass an unknown parameter on to the server as a setting, which fails.
    url.searchParams.delete('schema');
    return openPostgres(url.toString(), schema);
  }
  return openSqlite(target);
}
