// The `sitrep` command: parse flags, run one command, map failures to exit codes.
import { annotateCommand, entitiesCommand } from './commands/annotate.js';
import { analyzeCommand, incidentCommand, incidentsCommand, storiesCommand } from './commands/incidents.js';
import { extractCommand, ingestCommand } from './commands/ingest.js';
import { articlesCommand, searchCommand, showCommand } from './commands/query.js';
import { tuneTiering } from '../pipeline/tiering.js';
import { parseCli, UsageError, type CliOptions } from './options.js';

const HELP = `sitrep — a sourced, cross-checked situation picture from many news reports

usage: sitrep <command> [arguments] [flags]

commands:
  ingest <inputs...>       read, clean, annotate and store articles
  extract <inputs...>      print clean articles without storing (--json: one object per line)
  search "<query>"         full-text search over stored articles, one ranked snippet per article
  articles                 list stored articles
  show <id>                one stored article (an id prefix is enough)
  annotate <inputs|ids...> entities, dates, quantities and quotes with character spans
  entities                 canonical entities in the store, with mention counts and aliases
  analyze <inputs...>      ingest, annotate, extract and merge incidents, print them
  incidents                list incidents (--json, --csv)
  incident <id>            one incident with all its evidence
  stories                  story clusters: articles mainly about the same event

inputs: files, directories (recursive), globs, http(s) URLs, RSS/Atom feeds, JSON/JSONL records, WARC files;
        HTML, plain text, Markdown and gzipped files.

flags:
  --db <path|postgres://...>  store (default ./sitrep.db, or $SITREP_DB)
  --json, --csv               machine-readable output
  --limit <n>                 at most n results (search)
  --allow-private             allow fetching loopback/private/link-local addresses
  --max-bytes <n>             largest input accepted, in bytes (default 20 MB)
  --timeout <seconds>         network timeout per request (default 15)
`;

const COMMANDS: Record<string, (opts: CliOptions) => Promise<number>> = {
  ingest: (o) => ingestCommand(o),
  extract: extractCommand,
  search: searchCommand,
  articles: articlesCommand,
  show: showCommand,
  annotate: annotateCommand,
  entities: entitiesCommand,
  analyze: analyzeCommand,
  incidents: incidentsCommand,
  incident: incidentCommand,
  stories: storiesCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (see sitrep --help)`);
  const opts = parseCli(rest);
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  return command(opts);
}

// A reader that stops early (`sitrep incidents | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// Every command is a batch job that ends: see tiering.ts.
tuneTiering();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`sitrep: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`sitrep: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 3;
    }
  },
);
