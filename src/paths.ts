// Where the package's own data files are, whether running from src/ (tsx) or from dist/ (compiled).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`sitrep: cannot find package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a file shipped with the package, given relative to the package root. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
