// The embedded store: one SQLite file (better-sqlite3) in WAL mode, with an FTS5 index over title and text.
// better-sqlite3 is synchronous; the methods are async only to share the Repository interface with PostgreSQL.
import Database from 'better-sqlite3';
import type { Annotations, Article, CopyLink, Incident, Story } from '../types.js';
import { MENTION_COLUMNS, mentionRows, summariseEntities, type MentionGroup } from './entities.js';
import type { PutResult, Repository, SearchHit, StoredArticle } from './repository.js';
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
];

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

/** A store that can group many writes into one transaction (not yet part of Repository; PostgreSQL lacks it). */
export interface WriteBatching {
  /** Runs `work` in one transaction: every write it makes commits together, or none does. */
  inBatch<T>(work: () => Promise<T>): Promise<T>;
}

/** Opens (creating or migrating) the SQLite store at `path`. */
export function openSqlite(path: string): Repository & WriteBatching {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process (not a power cut) and avoids an fsync per article.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The signature index takes random inserts; 64 MB of page cache keeps most of it in memory (default: 2 MB).
  db.pragma('cache_size = -65536');
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
  const deleteSignature = db.prepare('DELETE FROM signatures WHERE article_id = ?');
  // One statement for all of an article's bands: a call per band costs more than the insert itself.
  const insertBands = db.prepare('INSERT OR IGNORE INTO signatures (band, article_id) SELECT value, ? FROM json_each(?)');
  const selectByBands = db.prepare(
    `SELECT article_id FROM signatures WHERE band IN (SELECT value FROM json_each(?))
     GROUP BY article_id HAVING count(*) >= ? ORDER BY count(*) DESC, article_id`,
  );
  const upsertCopyLink = db.prepare(
    `INSERT INTO copy_links (article_id, of_article_id, share, kind) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id, of_article_id) DO UPDATE SET share = excluded.share, kind = excluded.kind`,
  );
  const selectRaw = db.prepare('SELECT bytes FROM raw_documents WHERE article_id = ?');
  const selectAnnotations = db.prepare('SELECT body FROM annotations WHERE article_id = ?');

  const writeAnnotations = (annotations: Annotations): void => {
    upsertAnnotations.run(annotations.articleId, JSON.stringify(annotations));
    deleteMentions.run(annotations.articleId);
    for (const m of mentionRows(annotations)) insertMention.run(m);
  };

  const putArticle = db.transaction((article: Article, raw: Buffer, annotations?: Annotations): PutResult => {
    const inserted = insertArticle.run(articleRow(article, new Date().toISOString())).changes === 1;
    if (inserted) {
      insertRaw.run(article.id, raw);
      if (annotations) writeAnnotations(annotations);
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
    async putArticle(article, raw, annotations) {
      if (annotations && annotations.articleId !== article.id) {
        throw new Error(`sitrep: annotations are for article ${annotations.articleId}, not ${article.id}`);
      }
      return putArticle(article, raw, annotations);
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

    async putSignature(articleId, bands) {
      db.transaction(() => {
        deleteSignature.run(articleId);
        insertBands.run(articleId, JSON.stringify(bands));
      })();
    },

    async findByBands(bands, minMatches = 1) {
      if (bands.length === 0) return [];
      const rows = selectByBands.all(JSON.stringify(bands), minMatches) as Array<{ article_id: string }>;
      return rows.map((r) => r.article_id);
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
