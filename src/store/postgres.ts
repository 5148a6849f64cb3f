// The server store: PostgreSQL (pg) with a tsvector column for full-text search, all tables in one schema so
// several sitrep databases (or test runs) can share a server.
import pg from 'pg';
import type { Annotations, CopyLink, Incident, Story } from '../types.js';
import { MENTION_COLUMNS, mentionRows, summariseEntities, type MentionGroup } from './entities.js';
import type { ArticleDigest, DigestRow, Repository, SearchHit } from './repository.js';
import { ARTICLE_COLUMNS, articleRow, prefixUpperBound, storedArticle, type ArticleRow } from './rows.js';
import { searchLimit, searchTerms } from './search-query.js';

/**
 * Only this many characters of a text are indexed and highlighted: a tsvector is limited to 1 MB, and a hostile
 * text of distinct short words would exceed it well before SQLite's FTS5 minds.
 */
const INDEXED_CHARS = 100_000;

/** Schema migrations; migration i brings the schema to version i + 1. Append, never edit. */
const MIGRATIONS = [
  `
  CREATE TABLE articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    published_from TEXT,
    outlet TEXT,
    byline TEXT,
    language TEXT,
    fetched_at TEXT,
    offsets TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english', left(text, ${INDEXED_CHARS})), 'B')
    ) STORED
  );
  CREATE INDEX articles_search ON articles USING GIN (search);
  CREATE TABLE raw_documents (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    bytes BYTEA NOT NULL
  );
  CREATE TABLE annotations (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    body TEXT NOT NULL
  );
  CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    entity_id TEXT COLLATE "C" NOT NULL,
    name TEXT,
    surface TEXT NOT NULL,
    type TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
  );
  CREATE INDEX mentions_article ON mentions(article_id);
  CREATE TABLE signatures (
    band TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
  );
  CREATE INDEX signatures_article ON signatures(article_id);
  CREATE TABLE copy_links (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    of_article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    share DOUBLE PRECISION NOT NULL CHECK (share >= 0 AND share <= 1),
    kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'near-duplicate', 'partial-copy')),
    PRIMARY KEY (article_id, of_article_id)
  );
  CREATE INDEX copy_links_of ON copy_links(of_article_id);
  CREATE TABLE incidents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL);
  `,
  `
  CREATE TABLE digests (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    body TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE settings (name TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
  `,
];

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

type Client = pg.PoolClient;

async function inTransaction<T>(pool: pg.Pool, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    // Serialises concurrent first opens of the same schema (several workers starting at once).
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sitrep schema ${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`sitrep: schema "${schema}" has version ${current}, newer than this sitrep (${MIGRATIONS.length})`);
    }
    for (const sql of MIGRATIONS.slice(current)) await client.query(sql);
    await client.query('DELETE FROM schema_version');
    await client.query('INSERT INTO schema_version (version) VALUES ($1)', [MIGRATIONS.length]);
  });
}

const UPSERT_DIGEST = 'INSERT INTO digests (article_id, body) VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body';

async function writeAnnotations(client: Client, annotations: Annotations): Promise<void> {
  await client.query(
    'INSERT INTO annotations (article_id, body) VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body',
    [annotations.articleId, JSON.stringify(annotations)],
  );
  await client.query('DELETE FROM mentions WHERE article_id = $1', [annotations.articleId]);
  const rows = mentionRows(annotations);
  if (rows.length === 0) return;
  // One statement for all mentions: each column travels as one array parameter.
  await client.query(
    `INSERT INTO mentions (${MENTION_COLUMNS.join(', ')})
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])`,
    MENTION_COLUMNS.map((column) => rows.map((row) => row[column])),
  );
}

interface CopyLinkRow {
  article_id: string;
  of_article_id: string;
  share: number;
  kind: CopyLink['kind'];
}

const copyLink = (r: CopyLinkRow): CopyLink => ({ articleId: r.article_id, ofArticleId: r.of_article_id, share: r.share, kind: r.kind });

/** Opens the store in `schema` (created or migrated on open) of the PostgreSQL database at `url`. */
export async function openPostgres(url: string, schema = 'sitrep'): Promise<Repository> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`sitrep: invalid PostgreSQL schema name "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
  // An idle connection the server dropped is not fatal: the pool opens a new one for the next query.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema);
  } catch (err) {
    await pool.end();
    throw err;
  }

  const articleColumns = ARTICLE_COLUMNS.join(', ');
  const selectArticles = async (where: string, params: unknown[]) =>
    (await pool.query<ArticleRow>(`SELECT ${articleColumns} FROM articles ${where} ORDER BY seq`, params)).rows.map(storedArticle);
  const jsonRows = async <T>(table: 'incidents' | 'stories'): Promise<T[]> =>
    (await pool.query<{ body: string }>(`SELECT body FROM ${table} ORDER BY seq`)).rows.map((r) => JSON.parse(r.body) as T);

  return {
    async putArticle(article, raw, annotations, digest) {
      if (annotations && annotations.articleId !== article.id) {
        throw new Error(`sitrep: annotations are for article ${annotations.articleId}, not ${article.id}`);
      }
      return inTransaction(pool, async (client) => {
        const row = articleRow(article, new Date().toISOString());
        const { rowCount } = await client.query(
          `INSERT INTO articles (${articleColumns}) VALUES (${ARTICLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (id) DO NOTHING`,
          ARTICLE_COLUMNS.map((column) => row[column]),
        );
        const inserted = rowCount === 1;
        if (inserted) {
          await client.query('INSERT INTO raw_documents (article_id, bytes) VALUES ($1, $2)', [article.id, raw]);
          if (annotations) await writeAnnotations(client, annotations);
          if (digest) await client.query(UPSERT_DIGEST, [article.id, JSON.stringify(digest)]);
        }
        return { id: article.id, inserted };
      });
    },

    async getArticle(id) {
      return (await selectArticles('WHERE id = $1', [id]))[0] ?? null;
    },

    async getRaw(id) {
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM raw_documents WHERE article_id = $1', [id]);
      return rows[0]?.bytes ?? null;
    },

    async listArticles() {
      return selectArticles('', []);
    },

    async findByIdPrefix(prefix) {
      if (prefix === '') return [];
      return selectArticles('WHERE id >= $1 AND id < $2', [prefix, prefixUpperBound(prefix)]);
    },

    async countArticles() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM articles');
      return Number(rows[0].n);
    },

    async search(query, limit = 20) {
      const terms = searchTerms(query);
      if (terms.length === 0) return [];
      // Each term is a phrase query of its own parameter, so nothing the user typed is parsed as tsquery syntax.
      const tsquery = terms.map((_, i) => `phraseto_tsquery('english', $${i + 1})`).join(' && ');
      const { rows } = await pool.query<SearchHit>(
        `WITH hits AS (
           SELECT a.seq, a.id, a.title, a.outlet, a.published, a.source, a.text, ts_rank(a.search, q.query) AS score, q.query
           FROM articles a, (SELECT ${tsquery} AS query) q
           WHERE a.search @@ q.query
           ORDER BY score DESC, a.seq
           LIMIT $${terms.length + 1}
         )
         SELECT id, title, outlet, published, source, score,
                ts_headline('english', left(text, ${INDEXED_CHARS}), query,
                            'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1') AS snippet
         FROM hits ORDER BY score DESC, seq`,
        [...terms.map((words) => words.join(' ')), searchLimit(limit)],
      );
      return rows;
    },

    async putSignature(articleId, keys) {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM signatures WHERE article_id = $1', [articleId]);
        await client.query(
          'INSERT INTO signatures (band, article_id) SELECT DISTINCT unnest($1::text[]), $2 ON CONFLICT DO NOTHING',
          [keys, articleId],
        );
      });
    },

    async findBySignature(keys, minMatches = 1, perKey?: number, limit?: number) {
      if (keys.length === 0) return [];
      // LIMIT NULL is no limit.
      const { rows } = await pool.query<{ article_id: string }>(
        `SELECT p.article_id FROM (SELECT DISTINCT unnest($1::text[]) AS band) b
         CROSS JOIN LATERAL (
           SELECT s.article_id, a.seq FROM signatures s JOIN articles a ON a.id = s.article_id
           WHERE s.band = b.band ORDER BY a.seq DESC LIMIT $3
         ) p
         GROUP BY p.article_id HAVING count(*) >= $2 ORDER BY count(*) DESC, max(p.seq) DESC LIMIT $4`,
        [keys, minMatches, perKey ?? null, limit ?? null],
      );
      return rows.map((r) => r.article_id);
    },

    async putCopyLink(link) {
      await pool.query(
        `INSERT INTO copy_links (article_id, of_article_id, share, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (article_id, of_article_id) DO UPDATE SET share = excluded.share, kind = excluded.kind`,
        [link.articleId, link.ofArticleId, link.share, link.kind],
      );
    },

    async copyLinks(articleId) {
      const { rows } =
        articleId === undefined
          ? await pool.query<CopyLinkRow>('SELECT * FROM copy_links ORDER BY seq')
          : await pool.query<CopyLinkRow>('SELECT * FROM copy_links WHERE article_id = $1 OR of_article_id = $1 ORDER BY seq', [articleId]);
      return rows.map(copyLink);
    },

    async putAnnotations(annotations) {
      await inTransaction(pool, (client) => writeAnnotations(client, annotations));
    },

    async getAnnotations(articleId) {
      const { rows } = await pool.query<{ body: string }>('SELECT body FROM annotations WHERE article_id = $1', [articleId]);
      return rows[0] ? (JSON.parse(rows[0].body) as Annotations) : null;
    },

    async entities() {
      const { rows } = await pool.query<MentionGroup>(
        'SELECT entity_id, name, type, surface, count(*) AS n FROM mentions GROUP BY entity_id, name, type, surface',
      );
      return summariseEntities(rows);
    },

    async getSetting(name) {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]);
      return rows[0]?.value ?? null;
    },

    async putSetting(name, value) {
      await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
    },

    async putDigest(articleId, digest) {
      await pool.query(UPSERT_DIGEST, [articleId, JSON.stringify(digest)]);
    },

    async digests(after, limit) {
      const { rows } = await pool.query<DigestRow['article'] & { seq: string; digest: string | null }>(
        `SELECT a.seq, a.id, a.title, a.text, a.published, a.source, d.body AS digest
         FROM articles a LEFT JOIN digests d ON d.article_id = a.id WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
        [after, limit],
      );
      return {
        rows: rows.map(({ seq: _, digest, ...article }) => ({ article, digest: digest === null ? null : (JSON.parse(digest) as ArticleDigest) })),
        // BIGINT arrives as a string; positions stay far below 2^53.
        next: rows.length ? Number(rows[rows.length - 1]!.seq) : after,
      };
    },

    async replaceIncidents(incidents, stories) {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM incidents');
        await client.query('DELETE FROM stories');
        await client.query(
          'INSERT INTO incidents (seq, id, body) SELECT * FROM unnest($1::int[], $2::text[], $3::text[])',
          [incidents.map((_, i) => i), incidents.map((x) => x.id), incidents.map((x) => JSON.stringify(x))],
        );
        await client.query(
          'INSERT INTO stories (seq, id, body) SELECT * FROM unnest($1::int[], $2::text[], $3::text[])',
          [stories.map((_, i) => i), stories.map((x) => x.id), stories.map((x) => JSON.stringify(x))],
        );
      });
    },

    async incidents() {
      return jsonRows<Incident>('incidents');
    },

    async stories() {
      return jsonRows<Story>('stories');
    },

    async close() {
      await pool.end();
    },
  };
}
