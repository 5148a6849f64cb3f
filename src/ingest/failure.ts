// One reason an input could not be read. Readers throw it; readInputs turns it into an InputError and goes on.
import type { InputError } from '../types.js';
import { loadIngestData } from './data.js';

export class InputFailure extends Error {}

const errnoReasons = loadIngestData<Record<string, string>>('errno-reasons.json');

/** The InputError for anything a reader threw: our own reasons verbatim, file-system codes in words. */
export function toInputError(source: string, err: unknown): InputError {
  if (err instanceof InputFailure) return { source, reason: err.message };
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && errnoReasons[code]) return { source, reason: errnoReasons[code] };
  return { source, reason: err instanceof Error ? err.message : String(err) };
}

/** "20 MB", "64 KB" or "1000 bytes": limits as a user would write them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KB`;
  return `${bytes} bytes`;
}

export function tooLarge(maxBytes: number): InputFailure {
  return new InputFailure(`exceeds ${formatBytes(maxBytes)} limit`);
}

export function expandsTooFar(encoding: string, maxBytes: number): InputFailure {
  return new InputFailure(`${encoding} expands beyond ${formatBytes(maxBytes)} limit`);
}

/** "15 s", "0.3 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
