// Loads this area's knowledge files (src/extract/data/*.json) and compiles their pattern lists.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

/** Parses src/extract/data/<name>. Callers read each file once, at module load; the files are small. */
export function loadExtractData<T>(name: string): T {
  return JSON.parse(readFileSync(packagePath('src', 'extract', 'data', name), 'utf8')) as T;
}

/** One case-insensitive, Unicode-aware RegExp matching any of the given pattern sources. */
export function anyOf(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'iu');
}

/** Each pattern source compiled on its own (case-insensitive, Unicode), for patterns with a capture group. */
export function each(sources: readonly string[]): RegExp[] {
  return sources.map((s) => new RegExp(s, 'iu'));
}
