// Incidents and stories over every stored article, computed as a whole and stored as a whole. Articles are added
// in store order, each with the digest stored with it (see digest.ts), so the cost is linear in the store: the
// `analyze` job adds the stored articles first, page by page (no page of texts outlives its turn), then each new
// article as soon as it is stored, so story clustering overlaps the annotation work of the worker threads. An
// article stored without a current digest has one derived from its annotations (and stored).
import { gazetteerPlaces } from '../events/place-knowledge.js';
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

export class IncidentBuilder {
  // Stories are clustered in store order, as they would be when streaming.
  private readonly clusterer = new StoryClusterer();
  private readonly mentions: IncidentMention[] = [];
  private readonly articles: Array<Pick<Article, 'id' | 'published'>> = [];

  /** Adds one stored article (in store order) with its digest; null when it has no annotations. */
  add(article: DigestRow['article'], digest: ArticleDigest | null): void {
    const { id, title, text, published, source } = article;
    this.articles.push({ id, published });
    // An article without annotations is clustered by its text alone (capitalised words stand in for names).
    this.clusterer.add({ id, title, text, published, source, entities: digest?.entities });
    if (!digest) return;
    const places = gazetteerPlaces();
    for (const m of digest.mentions) {
      this.mentions.push(m);
      // Resolution looks every place up (cached per process): doing it as articles arrive, while the workers
      // annotate, leaves less for the finish, when nothing else runs.
      for (const p of m.places) {
        const known = places.lookup(p.name);
        const id = p.id ?? known?.id;
        if (id) places.parents(id);
      }
    }
  }

  /** Adds every article in the store, page by page. */
  async addStored(repo: Repository): Promise<void> {
    for (let after = 0; ; ) {
      const page = await repo.digests(after, PAGE);
      if (page.rows.length === 0) break;
      after = page.next;
      for (const row of page.rows) this.add(row.article, await currentDigest(repo, row));
    }
  }

  /** Resolves the incidents of everything added and stores them with the stories. */
  async finish(repo: Repository): Promise<{ incidents: Incident[]; stories: Story[] }> {
    // Copy links let a rewrite of another article count once among an incident's independent sources.
    const incidents = resolveIncidents(this.mentions, this.articles, { copies: await repo.copyLinks() }).sort(byWeight);
    const stories = this.clusterer.stories();
    await repo.replaceIncidents(incidents, stories);
    return { incidents, stories };
  }
}

/** Recomputes incidents and stories from every stored article, and stores them. */
export async function rebuildIncidents(repo: Repository): Promise<{ incidents: Incident[]; stories: Story[] }> {
  const builder = new IncidentBuilder();
  await builder.addStored(repo);
  return builder.finish(repo);
}
