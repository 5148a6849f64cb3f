// Shared test helpers: where the repository and the shared evaluation folder are, from src or from dist.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** ../shared beside the repository, where the seeds and evaluation data live (may be absent). */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** The seed articles folder, or null with a reason when it is absent (tests then skip). */
export const seedsDir: string | null = existsSync(join(sharedDir, 'corpus', 'seeds')) ? join(sharedDir, 'corpus', 'seeds') : null;
