// What a file holds, by its name (a trailing .gz is looked through).
import { extname } from 'node:path';
import { loadIngestData } from './data.js';

export type FileKind = 'html' | 'text' | 'markdown' | 'json' | 'jsonl' | 'feed' | 'warc';

const extensions = loadIngestData<Record<string, FileKind>>('extensions.json');

export function isGzipName(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

/** The kind a file name promises, or undefined when the extension is not one we read. */
export function fileKind(path: string): FileKind | undefined {
  const name = isGzipName(path) ? path.slice(0, -3) : path;
  return extensions[extname(name).toLowerCase()];
}
