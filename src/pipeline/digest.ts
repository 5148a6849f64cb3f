// What rebuilding incidents and stories needs of one article, derived once when the article is stored (on a worker
// thread at ingest), so that a rebuild neither re-parses annotations nor extracts incident mentions again.
import { extractIncidentMentions } from '../events/mentions.js';
import type { ArticleDigest } from '../store/repository.js';
import type { Annotations, Article } from '../types.js';

/**
 * Bump when what a digest holds or how its mentions are extracted changes: a rebuild derives digests of another
 * version again from the stored annotations (and stores them).
 */
export const DIGEST_VERSION = 2;

export function digestOf(article: Article, annotations: Annotations): ArticleDigest {
  return {
    version: DIGEST_VERSION,
    // Dropped mentions never become incidents; keeping them would only grow the store.
    mentions: extractIncidentMentions(article, annotations).filter((m) => !m.dropped),
    entities: annotations.entities.map(({ text, id, name }) => ({ text, ...(id ? { id } : {}), ...(name ? { name } : {}) })),
  };
}
