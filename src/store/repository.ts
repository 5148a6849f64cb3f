// The one storage interface. SQLite (embedded default) and PostgreSQL implement it and pass the same tests.
import type { Annotations, Article, CopyLink, EntitySummary, Incident, Story } from '../types.js';

export interface StoredArticle extends Article {
  /** When this row was first stored (ISO). */
  storedAt: string;
}

export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  source: string;
  /** Higher is better. */
  score: number;
  /** A short passage around the best match, with matches wrapped in [ and ]. */
  snippet: string;
}

export interface PutResult {
  id: string;
  /** false when an article with the same id was already stored (nothing changed). */
  inserted: boolean;
}

export interface Repository {
  /** Stores an article, its raw bytes, and optionally its annotations, atomically. Idempotent by id. */
  putArticle(article: Article, raw: Buffer, annotations?: Annotations): Promise<PutResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Raw bytes as read, for re-running later stages. */
  getRaw(id: string): Promise<Buffer | null>;
  /** All articles, oldest stored first (metadata and text). */
  listArticles(): Promise<StoredArticle[]>;
  /** Articles whose ids start with `prefix` (for short ids typed by a user); none for an empty prefix. */
  findByIdPrefix(prefix: string): Promise<StoredArticle[]>;
  countArticles(): Promise<number>;
  /** Full-text search, one hit per article, best first. Any user text is safe: words are ANDed, "quoted" runs are
   *  phrases, operators and stray quotes are plain text. */
  search(query: string, limit?: number): Promise<SearchHit[]>;

  /** Min-hash signature bands of stored articles, for near-duplicate candidate lookup. Replaces earlier bands. */
  putSignature(articleId: string, bands: string[]): Promise<void>;
  /** Ids of articles sharing at least `minMatches` (default 1) of `bands`, most shared bands first. */
  findByBands(bands: string[], minMatches?: number): Promise<string[]>;
  /** Stores a copy link; storing the same pair again replaces it. */
  putCopyLink(link: CopyLink): Promise<void>;
  /** All copy links, or those where `articleId` is the copier or the original. */
  copyLinks(articleId?: string): Promise<CopyLink[]>;

  /** Stores (or replaces) the annotations of a stored article. */
  putAnnotations(annotations: Annotations): Promise<void>;
  getAnnotations(articleId: string): Promise<Annotations | null>;
  /** Linked entities (mentions with an id) over all stored annotations, most mentioned first. */
  entities(): Promise<EntitySummary[]>;

  /** Replaces the stored incidents and stories (they are recomputed from articles as a whole). */
  replaceIncidents(incidents: Incident[], stories: Story[]): Promise<void>;
  incidents(): Promise<Incident[]>;
  stories(): Promise<Story[]>;

  close(): Promise<void>;
}
