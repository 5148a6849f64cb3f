// `sitrep annotate` and `sitrep entities`.
import { existsSync } from 'node:fs';
import { readArticles } from '../../pipeline/articles.js';
import { annotate } from '../../nlp/index.js';
import { openRepository } from '../../store/open.js';
import type { Article } from '../../types.js';
import { UsageError, type CliOptions } from '../options.js';
import { oneLine, printJsonLine, printTable } from '../output.js';
import { reportError } from './ingest.js';
import { resolveArticle, withRepo } from './query.js';

const looksLikeId = (s: string): boolean => /^[0-9a-f]{6,64}$/i.test(s) && !existsSync(s);

function printAnnotated(article: Article, opts: CliOptions): void {
  const ann = annotate(article);
  if (opts.json) {
    printJsonLine({ id: article.id, source: article.source, title: article.title, published: article.published, text: article.text, ...ann });
    return;
  }
  process.stdout.write(`# ${oneLine(article.title ?? article.source)}\n`);
  for (const e of ann.entities) process.stdout.write(`  ${e.type.padEnd(6)} ${oneLine(e.text)}${e.id ? ` -> ${e.name} (${e.id})` : ''}\n`);
  for (const d of ann.dates) process.stdout.write(`  DATE   ${oneLine(d.text)} -> ${d.value}\n`);
  for (const q of ann.quantities) process.stdout.write(`  QTY    ${oneLine(q.text)} -> ${q.min ?? ''}..${q.max ?? ''}${q.approx ? ' approx' : ''} ${q.unit ?? ''}\n`);
  for (const q of ann.quotes) process.stdout.write(`  QUOTE  ${q.speaker?.name ?? '?'}: ${oneLine(q.text).slice(0, 100)}\n`);
  for (const s of ann.skipped) process.stdout.write(`  skipped ${s.layer}: ${s.reason}\n`);
}

export async function annotateCommand(opts: CliOptions): Promise<number> {
  if (opts.positionals.length === 0) throw new UsageError('annotate needs inputs (as for extract) or stored article ids');
  const ids = opts.positionals.filter(looksLikeId);
  const inputs = opts.positionals.filter((p) => !looksLikeId(p));
  let failed = 0;
  if (ids.length > 0) {
    const repo = await openRepository(opts.db);
    try {
      for (const id of ids) printAnnotated(await resolveArticle(repo, id), opts);
    } finally {
      await repo.close();
    }
  }
  if (inputs.length > 0) {
    for await (const item of readArticles(inputs, opts.read)) {
      if ('error' in item) {
        failed++;
        process.stderr.write(reportError(item.error) + '\n');
      } else printAnnotated(item.article, opts);
    }
  }
  return failed > 0 ? 1 : 0;
}

export function entitiesCommand(opts: CliOptions): Promise<number> {
  return withRepo(opts, async (repo) => {
    const list = await repo.entities();
    if (opts.json) for (const e of list) printJsonLine(e);
    else printTable(['id', 'type', 'mentions', 'name', 'aliases'], list.map((e) => [e.id, e.type, String(e.mentions), e.name, e.aliases.join('; ')]));
    return 0;
  });
}
