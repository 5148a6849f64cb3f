// `sitrep analyze`, `sitrep incidents`, `sitrep incident`, `sitrep stories`.
import { analyze } from '../../pipeline/analyze.js';
import { openRepository } from '../../store/open.js';
import type { Incident } from '../../types.js';
import { UsageError, type CliOptions } from '../options.js';
import { oneLine, printCsv, printJsonLine, printTable } from '../output.js';
import { needInputs, runIngestJob } from './ingest.js';
import { withRepo } from './query.js';

const FIGURES = ['killed', 'injured', 'arrested'] as const;

/** The range of reported values as "lo-hi" (every report counts; reconciliation comes later). */
function figureRange(incident: Incident, kind: (typeof FIGURES)[number]): string {
  const values = incident.figures[kind] ?? [];
  const nums = values.flatMap((v) => [v.min, v.max]).filter((n): n is number => n !== null);
  if (nums.length === 0) return '';
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

function row(i: Incident): string[] {
  return [
    i.id,
    i.type,
    i.date?.value ?? '',
    i.place ? `${i.place.name}${i.place.country ? `, ${i.place.country}` : ''}` : '',
    i.perpetrators.map((p) => `${p.name} (${p.status})`).join('; '),
    ...FIGURES.map((k) => figureRange(i, k)),
    String(i.articles.length),
    String(i.sources),
  ];
}
const HEADER = ['id', 'type', 'date', 'place', 'perpetrators', ...FIGURES, 'articles', 'sources'];

function printIncidents(incidents: Incident[], opts: CliOptions): void {
  if (opts.json) for (const i of incidents) printJsonLine(i);
  else if (opts.csv) printCsv([...HEADER, 'lat', 'lon'], incidents.map((i) => [...row(i), i.place?.lat ?? '', i.place?.lon ?? '']));
  else printTable(HEADER, incidents.map(row), 40);
}

export async function analyzeCommand(opts: CliOptions): Promise<number> {
  const inputs = needInputs(opts, 'analyze');
  const repo = await openRepository(opts.db);
  try {
    const { result, code } = await runIngestJob(opts, inputs, false, (onEvent, expected) => analyze(inputs, repo, opts.read, onEvent, { expected }));
    printIncidents(result.incidents, opts);
    return code;
  } finally {
    await repo.close();
  }
}

export function incidentsCommand(opts: CliOptions): Promise<number> {
  return withRepo(opts, async (repo) => {
    printIncidents(await repo.incidents(), opts);
    return 0;
  });
}

export function incidentCommand(opts: CliOptions): Promise<number> {
  const [id] = opts.positionals;
  if (!id) throw new UsageError('incident needs an incident id (see sitrep incidents)');
  return withRepo(opts, async (repo) => {
    const incident = (await repo.incidents()).find((i) => i.id === id || i.id.startsWith(id));
    if (!incident) throw new UsageError(`no incident has id "${oneLine(id)}"`);
    if (opts.json) {
      printJsonLine(incident);
      return 0;
    }
    const [, type, date, place, perps] = row(incident);
    process.stdout.write(`${incident.id}  ${type}  ${date}  ${place}\nperpetrators: ${perps || '-'}\n`);
    for (const kind of Object.keys(incident.figures) as Array<keyof Incident['figures']>) {
      for (const v of incident.figures[kind] ?? []) process.stdout.write(`${kind}: ${v.min ?? ''}..${v.max ?? ''}${v.approx ? ' approx' : ''}  "${oneLine(v.text)}"  [${v.article} ${v.start}-${v.end}]\n`);
    }
    process.stdout.write('evidence:\n');
    for (const m of incident.mentions) {
      const a = await repo.getArticle(m.articleId);
      const snippet = a ? oneLine(a.text.slice(m.start, m.end)) : '(article missing)';
      process.stdout.write(`  [${m.articleId} ${m.start}-${m.end}] ${snippet}\n`);
    }
    return 0;
  });
}

export function storiesCommand(opts: CliOptions): Promise<number> {
  return withRepo(opts, async (repo) => {
    const stories = await repo.stories();
    if (opts.json) for (const s of stories) printJsonLine(s);
    else for (const s of stories) {
      process.stdout.write(`${s.id}  (${s.articles.length} articles)\n`);
      for (const a of s.articles) process.stdout.write(`    ${a.id}  ${oneLine(a.title ?? '(untitled)')}  ${oneLine(a.source)}\n`);
    }
    return 0;
  });
}
