// The article row as both back ends store it (snake_case columns, JSON offsets) and its mapping to the model.
import type { Article } from '../types.js';
import type { StoredArticle } from './repository.js';

export interface ArticleRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  text: string;
  published: string | null;
  published_from: string | null;
  outlet: string | null;
  byline: string | null;
  language: string | null;
  fetched_at: string | null;
  offsets: string;
  stored_at: string;
}

/** Column names in the order `articleRow` values are listed, for INSERT statements. */
export const ARTICLE_COLUMNS = [
  'id', 'source', 'url', 'title', 'text', 'published', 'published_from', 'outlet', 'byline', 'language',
  'fetched_at', 'offsets', 'stored_at',
] as const;

export function articleRow(article: Article, storedAt: string): ArticleRow {
  return {
    id: article.id,
    source: article.source,
    url: article.url,
    title: article.title,
    text: article.text,
    published: article.published,
    published_from: article.publishedFrom,
    outlet: article.outlet,
    byline: article.byline,
    language: article.language,
    fetched_at: article.fetchedAt,
    offsets: JSON.stringify(article.offsets),
    stored_at: storedAt,
  };
}

export function storedArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    title: row.title,
    text: row.text,
    published: row.published,
    publishedFrom: row.published_from as StoredArticle['publishedFrom'],
    outlet: row.outlet,
    byline: row.byline,
    language: row.language,
    fetchedAt: row.fetched_at,
    offsets: JSON.parse(row.offsets),
    storedAt: row.stored_at,
  };
}

/** The smallest string greater than every string starting with `prefix` (for an indexable prefix range). */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\u{10FFFF}';
}
