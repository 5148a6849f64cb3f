// `sitrep search`, `sitrep articles`, `sitrep show`: reading the store.
import { openRepository } from '../../store/open.js';
import type { Repository, StoredArticle } from '../../store/repository.js';
import { UsageError, type CliOptions } from '../options.js';
import { oneLine, printJsonLine, printTable } from '../output.js';

async function withRepo<T>(opts: CliOptions, work: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = await openRepository(opts.db);
  try {
    return await work(repo);
  } finally {
    await repo.close();
  }
}

function listing(a: StoredArticle) {
  return { id: a.id, title: a.title, outlet: a.outlet, published: a.published, source: a.url ?? a.source };
}

export function searchCommand(opts: CliOptions): Promise<number> {
  const query = opts.positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs a query, e.g. sitrep search "concert hall"');
  return withRepo(opts, async (repo) => {
    const hits = await repo.search(query, opts.limit ?? 20);
    if (opts.json) for (const h of hits) printJsonLine(h);
    else if (hits.length === 0) process.stderr.write(`no articles match "${oneLine(query)}"\n`);
    else for (const h of hits) process.stdout.write(`${h.id}  ${oneLine(h.title ?? '(untitled)')}  [${oneLine(h.outlet ?? h.source)}]\n    ${oneLine(h.snippet)}\n`);
    return 0;
  });
}

export function articlesCommand(opts: CliOptions): Promise<number> {
  return withRepo(opts, async (repo) => {
    const articles = await repo.listArticles();
    if (opts.json) for (const a of articles) printJsonLine(listing(a));
    else printTable(['id', 'published', 'outlet', 'title', 'source'], articles.map((a) => { const l = listing(a); return [l.id, l.published ?? '', l.outlet ?? '', l.title ?? '', l.source]; }));
    return 0;
  });
}

/** Resolves a full or prefix id to exactly one stored article, or explains why not. */
export async function resolveArticle(repo: Repository, id: string): Promise<StoredArticle> {
  const exact = await repo.getArticle(id);
  if (exact) return exact;
  const found = await repo.findByIdPrefix(id);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UsageError(`no stored article has id "${oneLine(id)}"`);
  throw new UsageError(`id "${oneLine(id)}" is ambiguous: ${found.slice(0, 5).map((a) => a.id).join(', ')}`);
}

export function showCommand(opts: CliOptions): Promise<number> {
  const [id] = opts.positionals;
  if (!id) throw new UsageError('show needs an article id (see sitrep articles)');
  return withRepo(opts, async (repo) => {
    const a = await resolveArticle(repo, id);
    const copies = await repo.copyLinks(a.id);
    if (opts.json) {
      printJsonLine({ ...a, offsets: undefined, copies });
      return 0;
    }
    const lines = [
      `id:        ${a.id}`,
      `title:     ${oneLine(a.title ?? '')}`,
      `outlet:    ${oneLine(a.outlet ?? '')}`,
      `byline:    ${oneLine(a.byline ?? '')}`,
      `published: ${a.published ?? ''}${a.publishedFrom ? ` (from ${a.publishedFrom})` : ''}`,
      `language:  ${a.language ?? ''}`,
      `source:    ${oneLine(a.source)}`,
      ...(a.url ? [`url:       ${oneLine(a.url)}`] : []),
      ...copies.map((c) => `copy:      ${c.articleId === a.id ? `reuses ${Math.round(c.share * 100)}% of ${c.ofArticleId}` : `${c.articleId} reuses ${Math.round(c.share * 100)}% of it`} (${c.kind})`),
      '',
      a.text,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  });
}

export { withRepo };
