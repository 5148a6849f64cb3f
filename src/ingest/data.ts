// Loads this area's knowledge files (src/ingest/data/*.json); "//" keys are comments and are dropped.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

export function loadIngestData<T>(name: string): T {
  const parsed = JSON.parse(readFileSync(packagePath('src', 'ingest', 'data', name), 'utf8')) as Record<string, unknown>;
  delete parsed['//'];
  return parsed as T;
}
