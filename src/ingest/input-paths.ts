// What the user typed -> the things to read: URLs, and files found lazily in directories and globs.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { InputError } from '../types.js';
import { fileKind } from './extensions.js';
import { toInputError } from './failure.js';

export type Target = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'error'; error: InputError };

const HTTP_URL = /^https?:\/\//i;
const ANY_URL = /^([a-z][a-z0-9+.-]*:)\/\//i;

const isHidden = (name: string): boolean => name.startsWith('.');

/**
 * Files under `dir` with a readable extension, depth first in name order, one directory listing at a time.
 * An unreadable subdirectory is one error; the walk goes on.
 */
async function* walkDirectory(dir: string): AsyncGenerator<Target> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    return yield { kind: 'error', error: toInputError(dir, err) };
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(dir, entry.name);
    // Symbolic links to directories are not followed: they can loop.
    if (entry.isDirectory()) yield* walkDirectory(path);
    else if ((entry.isFile() || entry.isSymbolicLink()) && fileKind(entry.name)) {
      if (entry.isFile() || (await stat(path).then((s) => s.isFile(), () => false))) yield { kind: 'file', path };
    }
  }
}

async function globFiles(pattern: string): Promise<string[]> {
  const files = await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false });
  return files.filter((f) => fileKind(f)).sort();
}

export async function* expandInput(input: string): AsyncGenerator<Target> {
  if (HTTP_URL.test(input)) return yield { kind: 'url', url: input };
  let path = input;
  const scheme = ANY_URL.exec(input)?.[1].toLowerCase();
  if (scheme === 'file:') {
    try {
      path = fileURLToPath(input);
    } catch {
      return yield { kind: 'error', error: { source: input, reason: 'invalid file URL' } };
    }
  } else if (scheme) {
    return yield { kind: 'error', error: { source: input, reason: `unsupported URL scheme ${scheme}` } };
  }
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => err);
  if (!(info instanceof Error)) {
    if (info.isDirectory()) yield* walkDirectory(path);
    else yield { kind: 'file', path };
    return;
  }
  if (info.code === 'ENOENT' && isDynamicPattern(input)) {
    const files = await globFiles(input);
    if (files.length === 0) return yield { kind: 'error', error: { source: input, reason: 'no files match this pattern' } };
    for (const file of files) yield { kind: 'file', path: file };
    return;
  }
  yield { kind: 'error', error: toInputError(input, info) };
}
