// JSON and JSONL records -> what to read from each: inline text or HTML, or a URL to fetch. Pure.
import type { RecordHints } from '../types.js';
import { InputFailure } from './failure.js';
import { cleanHint, isHttpLink, normalizePublished } from './hints.js';

export type RecordEntry =
  | { hints: RecordHints; content: { body: string; kind: 'html' | 'record' }; url: string | null }
  | { hints: RecordHints; content: null; url: string };

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new InputFailure(`field "${key}" is not a string`);
}

/** Authors come as a string, a list of strings, or objects with a name; the byline joins them. */
function byline(record: Record<string, unknown>): string | undefined {
  const value = record.byline ?? record.author;
  const names = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>).name : v))
    .filter((v): v is string => typeof v === 'string');
  return cleanHint(names.join(', '));
}

export function recordEntry(value: unknown): RecordEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputFailure('record is not an object');
  const record = value as Record<string, unknown>;
  const url = cleanHint(stringField(record, 'url'));
  if (url !== undefined && !isHttpLink(url)) throw new InputFailure(`record url is not an http(s) URL: ${url.slice(0, 200)}`);
  const html = stringField(record, 'html');
  const text = stringField(record, 'text');
  const hints: RecordHints = {};
  const add = (key: keyof RecordHints, v: string | undefined): void => {
    if (v) hints[key] = v;
  };
  add('title', cleanHint(stringField(record, 'title')));
  add('published', normalizePublished(stringField(record, 'published')));
  add('outlet', cleanHint(stringField(record, 'outlet')));
  add('byline', byline(record));
  add('url', url);
  if (html?.trim()) return { hints, content: { body: html, kind: 'html' }, url: url ?? null };
  if (text?.trim()) return { hints, content: { body: text, kind: 'record' }, url: url ?? null };
  if (url) return { hints, content: null, url };
  if (html !== undefined || text !== undefined) throw new InputFailure('record text is empty');
  throw new InputFailure('record has no url, text or html');
}
