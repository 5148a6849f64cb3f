// Recomputes incidents and stories from every stored article, and stores them as a whole. It reads the digests
// stored with the articles (see digest.ts), page by page, so its cost is linear in the store and no page of texts
// outlives its turn; an article stored without a current digest has one derived from its annotations and stored.
import { resolveIncidents } from '../merge/incidents.js';
import { StoryClusterer } from '../merge/stories.js';
import type { ArticleDigest, DigestRow, Repository } from '../store/repository.js';
import type { Article, Incident, Story } from '../types.js';
import type { IncidentMention } from '../events/types.js';
import { DIGEST_VERSION, digestOf } from './digest.js';

/** Articles read per page: enough to amortise a query, few enough that their texts stay a small part of memory. */
const PAGE = 500;

/** Most independently reported first, then the most recent: the order an analyst reads a situation in. */
function byWeight(a: Incident, b: Incident): number {
  return b.sources - a.sources || b.articles.length - a.articles.length || (b.date?.value ?? '').localeCompare(a.date?.value ?? '');
}

/** The row's digest when current, else one derived from the stored annotations (and stored); null without them. */
async function currentDigest(repo: Repository, row: DigestRow): Promise<ArticleDigest | null> {
  if (row.digest?.version === DIGEST_VERSION) return row.digest;
  const [article, annotations] = await Promise.all([repo.getArticle(row.article.id), repo.getAnnotations(row.article.id)]);
  if (!article || !annotations) return null;
  const digest = digestOf(article, annotations);
  await repo.putDigest(article.id, digest);
  return digest;
}

export async function rebuildIncidents(repo: Repository): Promise<{ incidents: Incident[]; stories: Story[] }> {
  // Stories are clustered in arrival order, as they would be when streaming.
  const clusterer = new StoryClusterer();
  const mentions: IncidentMention[] = [];
  const articles: Array<Pick<Article, 'id' | 'published'>> = [];
  for (let after = 0; ; ) {
    const page = await repo.digests(after, PAGE);
    if (page.rows.length === 0) break;
    after = page.next;
    for (const row of page.rows) {
      const { id, title, text, published, source } = row.article;
      const digest = await currentDigest(repo, row);
      articles.push({ id, published });
      // An article without annotations is clustered by its text alone (capitalised words stand in for names).
      clusterer.add({ id, title, text, published, source, entities: digest?.entities });
      if (digest) for (const m of digest.mentions) mentions.push(m);
    }
  }
  // Copy links let a rewrite of another article count once among an incident's independent sources.
  const incidents = resolveIncidents(mentions, articles, { copies: await repo.copyLinks() }).sort(byWeight);
  const stories = clusterer.stories();
  await repo.replaceIncidents(incidents, stories);
  return { incidents, stories };
}
