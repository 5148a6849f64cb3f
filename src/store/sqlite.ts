// The embedded store: one SQLite file (better-sqlite3) in WAL mode, with an FTS5 index over title and text.
// better-sqlite3 is synchronous; the methods are async only to share the Repository interface with PostgreSQL.
import Database from 'better-sqlite3';
import type { Annotations, Article, CopyLink, Incident, Story } from '../types.js';
import type { WriteBatching } from './batch.js';
import { MENTION_COLUMNS, mentionRows, summariseEntities, type MentionGroup } from './entities.js';
import type { ArticleDigest, DigestRow, PutResult, Repository, SearchHit, StoredArticle } from './repository.js';
import { ARTICLE_COLUMNS, articleRow, prefixUpperBound, storedArticle, type ArticleRow } from './rows.js';
import { fts5Expression, searchLimit, searchTerms } from './search-query.js';

/** Schema migrations; migration i brings the database to version i + 1. Append, never edit. */
const MIGRATIONS = [
  `
  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
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
    stored_at TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
  );
  -- Articles are never updated or deleted, so indexing on insert keeps the index complete.
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
  END;
  CREATE TABLE raw_documents (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    bytes BLOB NOT NULL
  );
  CREATE TABLE annotations (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    body TEXT NOT NULL
  );
  CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL,
    name TEXT,
    surface TEXT NOT NULL,
    type TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
  );
  CREATE INDEX mentions_article ON mentions(article_id);
  CREATE TABLE signatures (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX signatures_article ON signatures(article_id);
  CREATE TABLE copy_links (
    article_id TEXT NOT NULL REFERENCES articles(id),
    of_article_id TEXT NOT NULL REFERENCES articles(id),
    share REAL NOT NULL CHECK (share >= 0 AND share <= 1),
    kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'near-duplicate', 'partial-copy')),
    PRIMARY KEY (article_id, of_article_id)
  );
  CREATE INDEX copy_links_of ON copy_links(of_article_id);
  CREATE TABLE incidents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT NOT NULL);
  `,
  `
  CREATE TABLE digests (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    body TEXT NOT NULL
  );
  `,
  // Signature bands keyed by integers (see bandKey) and the article's seq: a third of the size of text keys, so
  // the random inserts of 128 bands per article stay in cache much longer as the store grows. New articles take
  // the highest seq, so the index by article grows at its end.
  `
  CREATE TABLE bands (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(seq),
    PRIMARY KEY (band, article)
  ) WITHOUT ROWID;
  CREATE INDEX bands_article ON bands(article);
  INSERT OR IGNORE INTO bands (band, article) SELECT band_key(s.band), a.seq FROM signatures s JOIN articles a ON a.id = s.article_id;
  DROP TABLE signatures;
  `,
  // Named values a pipeline keeps in the store, such as which copy-detection keys the stored articles carry.
  `
  CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
];

/**
 * A 53-bit key for a band string (two independent 32-bit string hashes): exact in a JavaScript number and an
 * SQLite INTEGER. A collision only adds a candidate, which copy verification then rejects.
 */
function bandKey(band: string): number {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < band.length; i++) {
    const c = band.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  // IMMEDIATE takes the write lock first, so two processes opening a new file cannot both migrate it.
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`sitrep: database schema version ${current} is newer than this sitrep (${MIGRATIONS.length})`);
    }
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
  }).immediate();
}

interface CopyLinkRow {
  article_id: string;
  of_article_id: string;
  share: number;
  kind: CopyLink['kind'];
}

const copyLink = (r: CopyLinkRow): CopyLink => ({ articleId: r.article_id, ofArticleId: r.of_article_id, share: r.share, kind: r.kind });

/** Opens (creating or migrating) the SQLite store at `path`. */
export function openSqlite(path: string): Repository & WriteBatching {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process (not a power cut) and avoids an fsync per article.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The copy-key index takes random inserts; 64 MB of page cache keeps most of it in memory (default: 2 MB).
  db.pragma('cache_size = -65536');
  db.function('band_key', { deterministic: true }, (band: unknown) => bandKey(String(band)));
  migrate(db);

  const insertArticle = db.prepare(
    `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${ARTICLE_COLUMNS.map((c) => '@' + c).join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertRaw = db.prepare('INSERT INTO raw_documents (article_id, bytes) VALUES (?, ?)');
  const upsertAnnotations = db.prepare(
    'INSERT INTO annotations (article_id, body) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body',
  );
  const deleteMentions = db.prepare('DELETE FROM mentions WHERE article_id = ?');
  const insertMention = db.prepare(
    `INSERT INTO mentions (${MENTION_COLUMNS.join(', ')}) VALUES (${MENTION_COLUMNS.map((c) => '@' + c).join(', ')})`,
  );
  const selectArticle = db.prepare(`SELECT ${ARTICLE_COLUMNS.join(', ')} FROM articles WHERE id = ?`);
  const selectSeq = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck();
  const deleteBands = db.prepare('DELETE FROM bands WHERE article = ?');
  // One statement for all of an article's keys: a call per key costs more than the insert itself.
  const insertBands = db.prepare('INSERT OR IGNORE INTO bands (band, article) SELECT value, ? FROM json_each(?)');
  // One statement for a whole lookup: per key, the postings newer than its (perKey + 1)-th newest (two index seeks),
  // counted per article; only the best `limit` are joined to their ids.
  const selectBySignature = db.prepare(
    `SELECT a.id FROM (
       SELECT b.article, count(*) AS n
       FROM json_each(@keys) k
       JOIN bands b ON b.band = k.value
         AND b.article > coalesce((SELECT article FROM bands WHERE band = k.value ORDER BY article DESC LIMIT 1 OFFSET @perKey), 0)
       GROUP BY b.article HAVING n >= @minMatches ORDER BY n DESC, b.article DESC LIMIT @limit
     ) c JOIN articles a ON a.seq = c.article ORDER BY c.n DESC, c.article DESC`,
  ).pluck();
  const selectSetting = db.prepare('SELECT value FROM settings WHERE name = ?').pluck();
  const upsertSetting = db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  const upsertCopyLink = db.prepare(
    `INSERT INTO copy_links (article_id, of_article_id, share, kind) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id, of_article_id) DO UPDATE SET share = excluded.share, kind = excluded.kind`,
  );
  const selectRaw = db.prepare('SELECT bytes FROM raw_documents WHERE article_id = ?');
  const selectAnnotations = db.prepare('SELECT body FROM annotations WHERE article_id = ?');
  const upsertDigest = db.prepare(
    'INSERT INTO digests (article_id, body) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body',
  );
  const selectDigests = db.prepare(
    `SELECT a.seq, a.id, a.title, a.text, a.published, a.source, d.body AS digest
     FROM articles a LEFT JOIN digests d ON d.article_id = a.id WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
  );

  const writeAnnotations = (annotations: Annotations): void => {
    upsertAnnotations.run(annotations.articleId, JSON.stringify(annotations));
    deleteMentions.run(annotations.articleId);
    for (const m of mentionRows(annotations)) insertMention.run(m);
  };

  const putArticle = db.transaction((article: Article, raw: Buffer, annotations?: Annotations, digest?: ArticleDigest): PutResult => {
    const inserted = insertArticle.run(articleRow(article, new Date().toISOString())).changes === 1;
    if (inserted) {
      insertRaw.run(article.id, raw);
      if (annotations) writeAnnotations(annotations);
      if (digest) upsertDigest.run(article.id, JSON.stringify(digest));
    }
    return { id: article.id, inserted };
  });

  const listWhere = (where: string, ...params: unknown[]): StoredArticle[] =>
    (db.prepare(`SELECT ${ARTICLE_COLUMNS.join(', ')} FROM articles ${where} ORDER BY seq`).all(...params) as ArticleRow[]).map(
      storedArticle,
    );

  const jsonRows = <T>(table: 'incidents' | 'stories'): T[] =>
    (db.prepare(`SELECT body FROM ${table} ORDER BY seq`).all() as Array<{ body: string }>).map((r) => JSON.parse(r.body) as T);

  return {
    async putArticle(article, raw, annotations, digest) {
      if (annotations && annotations.articleId !== article.id) {
        throw new Error(`sitrep: annotations are for article ${annotations.articleId}, not ${article.id}`);
      }
      return putArticle(article, raw, annotations, digest);
    },

    async getArticle(id) {
      const row = selectArticle.get(id) as ArticleRow | undefined;
      return row ? storedArticle(row) : null;
    },

    async getRaw(id) {
      const row = selectRaw.get(id) as { bytes: Buffer } | undefined;
      return row?.bytes ?? null;
    },

    async listArticles() {
      return listWhere('');
    },

    async findByIdPrefix(prefix) {
      if (prefix === '') return [];
      return listWhere('WHERE id >= ? AND id < ?', prefix, prefixUpperBound(prefix));
    },

    async countArticles() {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    },

    async search(query, limit = 20) {
      const terms = searchTerms(query);
      if (terms.length === 0) return [];
      // Title matches weigh twice as much as body matches; bm25() is lower-is-better, hence the sign.
      return db
        .prepare(
          `SELECT a.id, a.title, a.outlet, a.published, a.source,
                  -bm25(articles_fts, 2.0, 1.0) AS score,
                  snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
           FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
           WHERE articles_fts MATCH ?
           ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq
           LIMIT ?`,
        )
        .all(fts5Expression(terms), searchLimit(limit)) as SearchHit[];
    },

    async putSignature(articleId, keys) {
      db.transaction(() => {
        const seq = selectSeq.get(articleId) as number | undefined;
        if (seq === undefined) throw new Error(`sitrep: no stored article ${articleId} to sign`);
        deleteBands.run(seq);
        insertBands.run(seq, JSON.stringify(keys.map(bandKey)));
      })();
    },

    async findBySignature(keys, minMatches = 1, perKey = Number.MAX_SAFE_INTEGER, limit = Number.MAX_SAFE_INTEGER) {
      if (keys.length === 0) return [];
      const distinct = JSON.stringify([...new Set(keys.map(bandKey))]);
      return selectBySignature.all({ keys: distinct, perKey, minMatches, limit }) as string[];
    },

    async putCopyLink(link) {
      upsertCopyLink.run(link.articleId, link.ofArticleId, link.share, link.kind);
    },

    async copyLinks(articleId) {
      const rows = (articleId === undefined
        ? db.prepare('SELECT * FROM copy_links ORDER BY rowid').all()
        : db.prepare('SELECT * FROM copy_links WHERE article_id = @id OR of_article_id = @id ORDER BY rowid').all({ id: articleId })) as CopyLinkRow[];
      return rows.map(copyLink);
    },

    async putAnnotations(annotations) {
      db.transaction(writeAnnotations)(annotations);
    },

    async getAnnotations(articleId) {
      const row = selectAnnotations.get(articleId) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as Annotations) : null;
    },

    async entities() {
      const groups = db
        .prepare('SELECT entity_id, name, type, surface, count(*) AS n FROM mentions GROUP BY entity_id, name, type, surface')
        .all() as MentionGroup[];
      return summariseEntities(groups);
    },

    async getSetting(name) {
      return (selectSetting.get(name) as string | undefined) ?? null;
    },

    async putSetting(name, value) {
      upsertSetting.run(name, value);
    },

    async putDigest(articleId, digest) {
      upsertDigest.run(articleId, JSON.stringify(digest));
    },

    async digests(after, limit) {
      const rows = selectDigests.all(after, limit) as Array<DigestRow['article'] & { seq: number; digest: string | null }>;
      return {
        rows: rows.map(({ seq: _, digest, ...article }) => ({ article, digest: digest === null ? null : (JSON.parse(digest) as ArticleDigest) })),
        next: rows.length ? rows[rows.length - 1]!.seq : after,
      };
    },

    async replaceIncidents(incidents, stories) {
      const insertIncident = db.prepare('INSERT INTO incidents (id, body) VALUES (?, ?)');
      const insertStory = db.prepare('INSERT INTO stories (id, body) VALUES (?, ?)');
      db.transaction(() => {
        db.exec('DELETE FROM incidents; DELETE FROM stories;');
        for (const incident of incidents) insertIncident.run(incident.id, JSON.stringify(incident));
        for (const story of stories) insertStory.run(story.id, JSON.stringify(story));
      })();
    },

    async incidents() {
      return jsonRows<Incident>('incidents');
    },

    async stories() {
      return jsonRows<Story>('stories');
    },

    async inBatch(work) {
      // IMMEDIATE takes the write lock up front; the methods' own transactions nest inside as savepoints.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },

    async close() {
      db.close();
    },
  };
}
