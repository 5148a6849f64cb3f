// Recomputes incidents and stories from every stored article, and stores them as a whole.
import { extractIncidentMentions } from '../events/mentions.js';
import { resolveIncidents } from '../merge/incidents.js';
import { StoryClusterer } from '../merge/stories.js';
import type { Repository } from '../store/repository.js';
import type { Incident, Story } from '../types.js';
import type { IncidentMention } from '../events/types.js';

/** Most independently reported first, then the most recent: the order an analyst reads a situation in. */
function byWeight(a: Incident, b: Incident): number {
  return b.sources - a.sources || b.articles.length - a.articles.length || (b.date?.value ?? '').localeCompare(a.date?.value ?? '');
}

export async function rebuildIncidents(repo: Repository): Promise<{ incidents: Incident[]; stories: Story[] }> {
  const articles = await repo.listArticles();
  // Stories are clustered in arrival order, as they would be when streaming.
  const clusterer = new StoryClusterer();
  const mentions: IncidentMention[] = [];
  for (const article of articles) {
    const annotations = await repo.getAnnotations(article.id);
    clusterer.add({ id: article.id, title: article.title, text: article.text, published: article.published, source: article.source, entities: annotations?.entities });
    if (annotations) mentions.push(...extractIncidentMentions(article, annotations));
  }
  // Copy links let a rewrite of another article count once among an incident's independent sources.
  const incidents = resolveIncidents(mentions, articles, { copies: await repo.copyLinks() }).sort(byWeight);
  const stories = clusterer.stories();
  await repo.replaceIncidents(incidents, stories);
  return { incidents, stories };
}
