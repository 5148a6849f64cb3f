// Command-line flags shared by the commands, parsed with node:util's parseArgs.
import { parseArgs } from 'node:util';
import { defaultReadOptions, type ReadOptions } from '../ingest/index.js';

export class UsageError extends Error {}

const flagSpec = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  limit: { type: 'string' },
  'allow-private': { type: 'boolean', default: false },
  'max-bytes': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CliOptions {
  positionals: string[];
  db: string;
  json: boolean;
  csv: boolean;
  limit: number | null;
  read: ReadOptions;
  help: boolean;
}

function positiveNumber(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} needs a positive number, got "${value}"`);
  return n;
}

export function parseCli(args: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args, options: flagSpec, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const maxBytes = positiveNumber('max-bytes', v['max-bytes']);
  const timeoutS = positiveNumber('timeout', v.timeout);
  return {
    positionals: parsed.positionals,
    db: v.db ?? process.env.SITREP_DB ?? 'sitrep.db',
    json: v.json,
    csv: v.csv,
    limit: positiveNumber('limit', v.limit),
    help: v.help,
    read: {
      ...defaultReadOptions,
      allowPrivate: v['allow-private'],
      ...(maxBytes !== null ? { maxBytes: Math.round(maxBytes) } : {}),
      ...(timeoutS !== null ? { timeoutMs: Math.round(timeoutS * 1000) } : {}),
    },
  };
}
