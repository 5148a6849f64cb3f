// Loads the knowledge files of the annotation layer (cue words, lists) from src/nlp/data/.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

/** Parses src/nlp/data/<name>. Read once per module at load time; the files are small. */
export function loadData<T>(name: string): T {
  return JSON.parse(readFileSync(packagePath('src/nlp/data', name), 'utf8')) as T;
}

/** Escapes a literal for use inside a RegExp. */
function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of literals, longest first so that "more than" wins over "more". */
export function alternation(literals: Iterable<string>): string {
  return [...literals].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
