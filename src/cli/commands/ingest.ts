// `sitrep ingest` and `sitrep extract`.
import { estimateCount } from '../../ingest/index.js';
import { readArticles } from '../../pipeline/articles.js';
import { ingest, type IngestEvent, type IngestSummary } from '../../pipeline/ingest.js';
import { openRepository } from '../../store/open.js';
import type { CliOptions } from '../options.js';
import { UsageError } from '../options.js';
import { oneLine, printJsonLine } from '../output.js';
import { progressBar } from '../progress.js';
import type { InputError } from '../../types.js';

export function needInputs(opts: CliOptions, command: string): string[] {
  if (opts.positionals.length === 0) throw new UsageError(`${command} needs at least one input (file, directory, glob, URL, feed, JSON/JSONL or WARC)`);
  return opts.positionals;
}

export function reportError(error: InputError): string {
  return `error: ${oneLine(error.source)}: ${oneLine(error.reason)}`;
}

/**
 * Runs a job that ingests `inputs` with a progress bar, an error line per failed input and a note per copy found,
 * then prints the summary line. Returns the job's result and the exit code: 0 all stored, 1 some inputs failed.
 */
export async function runIngestJob<T extends { summary: IngestSummary }>(
  opts: CliOptions,
  inputs: string[],
  listStored: boolean,
  job: (onEvent: (event: IngestEvent) => void, expected: number | null) => Promise<T>,
): Promise<{ result: T; code: number }> {
  const expected = await estimateCount(inputs);
  const progress = progressBar(expected);
  const result = await job((event) => {
    progress.tick();
    if (event.kind === 'error') progress.log(reportError(event.error));
    else if (opts.json && listStored) printJsonLine({ id: event.article.id, source: event.article.source, title: event.article.title, inserted: event.inserted, copies: event.copies });
    else for (const c of event.copies) progress.log(`note: ${oneLine(event.article.source)}: ${c.kind} of ${c.ofArticleId} (${Math.round(c.share * 100)}% of its text reused)`);
  }, expected);
  progress.done();
  const { summary } = result;
  const total = summary.stored + summary.alreadyStored;
  const rate = total / Math.max(summary.seconds, 1e-3);
  process.stderr.write(
    `ingested ${summary.stored} new, ${summary.alreadyStored} already stored, ${summary.failed} failed in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s)\n`,
  );
  return { result, code: summary.failed > 0 ? 1 : 0 };
}

export async function ingestCommand(opts: CliOptions): Promise<number> {
  const inputs = needInputs(opts, 'ingest');
  const repo = await openRepository(opts.db);
  try {
    const { code } = await runIngestJob(opts, inputs, true, async (onEvent, expected) => ({ summary: await ingest(inputs, repo, opts.read, onEvent, { expected }) }));
    return code;
  } finally {
    await repo.close();
  }
}

export async function extractCommand(opts: CliOptions): Promise<number> {
  const inputs = needInputs(opts, 'extract');
  let failed = 0;
  for await (const item of readArticles(inputs, opts.read)) {
    if ('error' in item) {
      failed++;
      process.stderr.write(reportError(item.error) + '\n');
      continue;
    }
    const a = item.article;
    const record = { id: a.id, source: a.source, url: a.url, title: a.title, text: a.text, published: a.published, publishedFrom: a.publishedFrom, outlet: a.outlet, byline: a.byline, language: a.language };
    if (opts.json) printJsonLine(record);
    else process.stdout.write(`# ${oneLine(a.title ?? '(untitled)')}\n${[a.outlet, a.byline, a.published].filter(Boolean).map((s) => oneLine(String(s))).join(' | ')}\n\n${a.text}\n\n`);
  }
  return failed > 0 ? 1 : 0;
}
