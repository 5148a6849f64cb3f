// The ingest job: read -> extract -> annotate -> store. Reading and storing happen on the main thread, in input
// order; extraction and annotation (pure CPU) run on worker threads once a run is big enough to pay for their
// start-up. Articles are written in batches, one transaction each, and reported once their batch is committed.
import { availableParallelism } from 'node:os';
import { readInputs, type ReadOptions } from '../ingest/index.js';
import { CopyFinder, type CopyFingerprint } from '../merge/copies.js';
import type { ArticleDigest, Repository } from '../store/repository.js';
import { inBatch } from '../store/batch.js';
import type { Article, CopyLink, InputError, RawDocument } from '../types.js';
import { inlineStages, WorkerStages, type StageRunner } from './pool.js';
import { refreshSignatures } from './signatures.js';
import type { Annotation } from './stages.js';

export type IngestEvent =
  /** `digest`: what incidents and stories need of an article stored by this event (null when it was stored before). */
  | { kind: 'stored'; article: Article; inserted: boolean; copies: CopyLink[]; digest: ArticleDigest | null }
  | { kind: 'error'; error: InputError };

export interface IngestSummary {
  stored: number;
  alreadyStored: number;
  failed: number;
  seconds: number;
}

export interface IngestTuning {
  /** Worker threads for extraction and annotation; 0 runs every stage on the main thread. */
  workers: number;
  /** Documents prepared inline before the workers start, so a small run never waits for them to load. */
  inlineFirst: number;
  /**
   * How many documents the inputs are expected to hold (an estimate, such as the CLI's progress bar uses): a run
   * expected to be larger than `inlineFirst` starts the workers at once, so their start-up overlaps the reading.
   */
  expected?: number | null;
  /** Articles per store transaction. */
  batchSize: number;
}

const defaultTuning: IngestTuning = { workers: Math.min(availableParallelism(), 4), inlineFirst: 16, batchSize: 64 };

/** An article ready to store, or an input's failure, in the order the inputs were read. */
type Prepared =
  | { article: Article; raw: Buffer; annotated: Annotation | null; print: CopyFingerprint }
  | { error: InputError };

/** Reads every input and stores each article with its annotations and copy links; reports each outcome. */
export async function ingest(
  inputs: string[],
  repo: Repository,
  options: ReadOptions,
  onEvent: (event: IngestEvent) => void,
  tuning: Partial<IngestTuning> = {},
): Promise<IngestSummary> {
  const { workers, inlineFirst, batchSize, expected } = { ...defaultTuning, ...tuning };
  const workersFrom = expected != null && expected > inlineFirst ? 0 : inlineFirst;
  const began = performance.now();
  const summary: IngestSummary = { stored: 0, alreadyStored: 0, failed: 0, seconds: 0 };
  await refreshSignatures(repo);
  const finder = new CopyFinder(repo);
  const report = (event: IngestEvent): void => {
    if (event.kind === 'error') summary.failed++;
    else if (event.inserted) summary.stored++;
    else summary.alreadyStored++;
    onEvent(event);
  };
  const storeBatch = async (batch: Array<Promise<Prepared>>): Promise<void> => {
    const ready: Prepared[] = [];
    for (const item of batch) ready.push(await item);
    const events = await inBatch(repo, async () => {
      const out: IngestEvent[] = [];
      for (const item of ready) {
        out.push('error' in item ? { kind: 'error', error: item.error } : await store(item, repo, finder));
        // The store's calls are synchronous: between articles, let the workers' replies in, so their next tasks
        // are handed out while this batch is written instead of after it.
        await new Promise(setImmediate);
      }
      return out;
    });
    events.forEach(report);
  };

  let stages: StageRunner = inlineStages;
  const queue: Array<Promise<Prepared>> = [];
  try {
    let read = 0;
    for await (const item of readInputs(inputs, options)) {
      if (read++ === workersFrom && workers > 0) stages = new WorkerStages(workers);
      const prepared = 'reason' in item ? Promise.resolve({ error: item }) : prepare(item, repo, stages);
      // A rejection is handled where the queue is drained; this only stops it counting as unhandled meanwhile.
      prepared.catch(() => undefined);
      queue.push(prepared);
      // Two batches in flight keep the workers busy while the main thread stores the first.
      if (queue.length >= 2 * batchSize) await storeBatch(queue.splice(0, batchSize));
    }
    while (queue.length > 0) await storeBatch(queue.splice(0, batchSize));
  } finally {
    await stages.close();
  }
  summary.seconds = (performance.now() - began) / 1000;
  return summary;
}

async function prepare(doc: RawDocument, repo: Repository, stages: StageRunner): Promise<Prepared> {
  const { raw, ...rest } = doc;
  const extracted = await stages.extract(rest);
  if ('error' in extracted) return extracted;
  const { article } = extracted;
  // Annotation is the costly step: skip it for content already stored.
  const known = (await repo.getArticle(article.id)) !== null;
  const annotated = await stages.annotate(article, known);
  if ('failed' in annotated) return { error: { source: article.source, reason: annotated.failed } };
  return { article, raw, annotated: annotated.annotated, print: annotated.print };
}

async function store(item: Extract<Prepared, { article: Article }>, repo: Repository, finder: CopyFinder): Promise<IngestEvent> {
  const { article, raw, annotated, print } = item;
  try {
    const inserted = annotated ? (await repo.putArticle(article, raw, annotated.annotations, annotated.digest)).inserted : false;
    // Copy links and signature are (re)written even for known content, so a run killed between the article's
    // transaction and these writes is completed by the next run. Both writes are idempotent.
    const copies = await finder.find(article, print);
    for (const link of copies) await repo.putCopyLink(link);
    await repo.putSignature(article.id, print.keys);
    finder.remember(article.id, article.published, print);
    return { kind: 'stored', article, inserted, copies, digest: inserted ? annotated!.digest : null };
  } catch (err) {
    return { kind: 'error', error: { source: article.source, reason: (err as Error).message } };
  }
}
