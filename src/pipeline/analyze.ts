// The main job: ingest the inputs, then incidents and stories over the whole store. Stored articles are added to
// the incident builder first; each new article joins as soon as its batch is committed, so story clustering runs
// on the main thread while worker threads annotate the next articles, and only incident resolution waits for the
// end. The result is what `rebuildIncidents` computes after the ingest.
import type { ReadOptions } from '../ingest/index.js';
import type { Repository } from '../store/repository.js';
import type { Incident, Story } from '../types.js';
import { IncidentBuilder } from './incidents.js';
import { ingest, type IngestEvent, type IngestSummary, type IngestTuning } from './ingest.js';

export interface AnalyzeResult {
  summary: IngestSummary;
  incidents: Incident[];
  stories: Story[];
}

export async function analyze(
  inputs: string[],
  repo: Repository,
  options: ReadOptions,
  onEvent: (event: IngestEvent) => void,
  tuning: Partial<IngestTuning> = {},
): Promise<AnalyzeResult> {
  const builder = new IncidentBuilder();
  await builder.addStored(repo);
  const summary = await ingest(
    inputs,
    repo,
    options,
    (event) => {
      if (event.kind === 'stored' && event.inserted) builder.add(event.article, event.digest);
      onEvent(event);
    },
    tuning,
  );
  return { summary, ...(await builder.finish(repo)) };
}
