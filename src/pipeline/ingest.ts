// The ingest job: read -> extract -> annotate -> store, one article at a time so memory stays flat.
import type { ReadOptions } from '../ingest/index.js';
import { readArticles } from './articles.js';
import { annotate } from '../nlp/index.js';
import { findCopies, signature } from '../merge/copies.js';
import type { Repository } from '../store/repository.js';
import type { Article, CopyLink, InputError } from '../types.js';

export type IngestEvent =
  | { kind: 'stored'; article: Article; inserted: boolean; copies: CopyLink[] }
  | { kind: 'error'; error: InputError };

export interface IngestSummary {
  stored: number;
  alreadyStored: number;
  failed: number;
  seconds: number;
}

/** Reads every input and stores each article with its annotations and copy links; reports each outcome. */
export async function ingest(
  inputs: string[],
  repo: Repository,
  options: ReadOptions,
  onEvent: (event: IngestEvent) => void,
): Promise<IngestSummary> {
  const began = performance.now();
  const summary: IngestSummary = { stored: 0, alreadyStored: 0, failed: 0, seconds: 0 };
  for await (const item of readArticles(inputs, options)) {
    if ('error' in item) {
      summary.failed++;
      onEvent({ kind: 'error', error: item.error });
      continue;
    }
    const { article, raw } = item;
    try {
      // Annotation is the costly step: skip it for content already stored.
      const known = (await repo.getArticle(article.id)) !== null;
      const inserted = known ? false : (await repo.putArticle(article, raw, annotate(article))).inserted;
      // Copy links and signature are (re)written even for known content, so a run killed between the
      // article's transaction and these writes is completed by the next run. Both writes are idempotent.
      const copies = await findCopies(article, repo);
      for (const link of copies) await repo.putCopyLink(link);
      await repo.putSignature(article.id, signature(article.text).bands);
      if (inserted) summary.stored++;
      else summary.alreadyStored++;
      onEvent({ kind: 'stored', article, inserted, copies });
    } catch (err) {
      summary.failed++;
      onEvent({ kind: 'error', error: { source: article.source, reason: (err as Error).message } });
    }
  }
  summary.seconds = (performance.now() - began) / 1000;
  return summary;
}
