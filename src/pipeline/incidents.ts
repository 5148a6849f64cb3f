// Recomputes incidents and stories from every stored article, and stores them as a whole.
import { extractIncidentMentions } from '../events/mentions.js';
import { resolveIncidents } from '../merge/incidents.js';
import { StoryClusterer } from '../merge/stories.js';
import type { Repository } from '../store/repository.js';
import type { Incident, Story } from '../types.js';
import type { IncidentMention } from '../events/types.js';

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
  const incidents = resolveIncidents(mentions, articles);
  const stories = clusterer.stories();
  await repo.replaceIncidents(incidents, stories);
  return { incidents, stories };
}
