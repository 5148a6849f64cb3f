// The one storage interface. SQLite (embedded default) and PostgreSQL implement it and pass the same tests.
import type { IncidentMention } from '../events/types.js';
import type { Annotations, Article, CopyLink, EntityMention, EntitySummary, Incident, Story } from '../types.js';

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

/**
 * What rebuilding incidents and stories needs of one article, derived from it and its annotations when it is
 * stored, so a rebuild reads this instead of re-parsing every article's annotations.
 */
export interface ArticleDigest {
  /** Which derivation made it (see pipeline/digest.ts): an older one is derived again. */
  version: number;
  /** Its incident mentions, those the events stage dropped left out. */
  mentions: IncidentMention[];
  /** Its entity mentions as story clustering reads them. */
  entities: Array<Pick<EntityMention, 'text' | 'id' | 'name'>>;
}

/** A stored article as a rebuild pass reads it, with its digest (null when none was stored). */
export interface DigestRow {
  article: Pick<StoredArticle, 'id' | 'title' | 'text' | 'published' | 'source'>;
  digest: ArticleDigest | null;
}

export interface Repository {
  /** Stores an article, its raw bytes, and optionally its annotations and digest, atomically. Idempotent by id. */
  putArticle(article: Article, raw: Buffer, annotations?: Annotations, digest?: ArticleDigest): Promise<PutResult>;
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

  /** The copy-detection keys of a stored article (see merge/copies.ts); replaces its earlier keys. */
  putSignature(articleId: string, keys: string[]): Promise<void>;
  /**
   * Ids of articles sharing at least `minMatches` (default 1) of `keys`, those sharing the most first, then the most
   * recently stored; at most `limit` (default: all). Each key counts only its `perKey` most recently stored articles
   * (default: all): a key that hundreds of articles share is common wording, and capping it keeps a lookup's cost
   * from growing with the store.
   */
  findBySignature(keys: string[], minMatches?: number, perKey?: number, limit?: number): Promise<string[]>;
  /** Stores a copy link; storing the same pair again replaces it. */
  putCopyLink(link: CopyLink): Promise<void>;
  /** All copy links, or those where `articleId` is the copier or the original. */
  copyLinks(articleId?: string): Promise<CopyLink[]>;

  /** Stores (or replaces) the annotations of a stored article. */
  putAnnotations(annotations: Annotations): Promise<void>;
  getAnnotations(articleId: string): Promise<Annotations | null>;
  /** Linked entities (mentions with an id) over all stored annotations, most mentioned first. */
  entities(): Promise<EntitySummary[]>;

  /** A named value kept with the store (null when never set), and setting it. */
  getSetting(name: string): Promise<string | null>;
  putSetting(name: string, value: string): Promise<void>;

  /** Stores (or replaces) the digest of a stored article. */
  putDigest(articleId: string, digest: ArticleDigest): Promise<void>;
  /**
   * Up to `limit` stored articles with their digests, in the order they were stored, from just after position
   * `after` (0 for the first page); `next` is the `after` of the following page. A pass over a big store reads it
   * page by page instead of holding every text at once.
   */
  digests(after: number, limit: number): Promise<{ rows: DigestRow[]; next: number }>;

  /** Replaces the stored incidents and stories (they are recomputed from articles as a whole). */
  replaceIncidents(incidents: Incident[], stories: Story[]): Promise<void>;
  incidents(): Promise<Incident[]>;
  stories(): Promise<Story[]>;

  close(): Promise<void>;
}
