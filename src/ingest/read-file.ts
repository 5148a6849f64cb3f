// One file -> its documents. JSONL and WARC files are streamed (they may be far larger than one document);
// everything else is read whole, within the size limit, and gunzipped within the same limit.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { InputError, RawDocument } from '../types.js';
import { payloadDocuments, recordDocument, recordDocuments } from './containers.js';
import { collectLimited, gunzipLimited, isGzip } from './decompress.js';
import { InputFailure, formatBytes, toInputError, tooLarge } from './failure.js';
import { fileKind, isGzipName } from './extensions.js';
import { splitLines } from './json-lines.js';
import type { ReadOptions } from './options.js';
import { warcDocuments } from './warc.js';

async function* jsonLinesDocuments(path: string, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  const file = createReadStream(path);
  const bytes = isGzipName(path) ? file.pipe(createGunzip()) : file;
  file.on('error', (err) => bytes.destroy(err));
  try {
    for await (const line of splitLines(bytes, opts.maxBytes)) {
      const source = `${path}#${line.n}`;
      if ('tooLong' in line) {
        yield { source, reason: `line exceeds ${formatBytes(opts.maxBytes)} limit` };
        continue;
      }
      const text = line.n === 1 ? line.text.replace(/^\ufeff/, '') : line.text;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        yield { source, reason: 'line is not valid JSON' };
        continue;
      }
      try {
        yield await recordDocument(source, value, opts);
      } catch (err) {
        yield toInputError(source, err);
      }
    }
  } finally {
    bytes.destroy();
  }
}

function parseJson(bytes: Buffer): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch {
    throw new InputFailure('file is not valid JSON');
  }
  return Array.isArray(value) ? value : [value];
}

export async function* fileDocuments(path: string, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  const info = await stat(path);
  if (!info.isFile()) throw new InputFailure('not a regular file');
  if (info.size === 0) throw new InputFailure('file is empty');
  const kind = fileKind(path);
  if (kind === 'warc') {
    const stream = createReadStream(path);
    try {
      return yield* warcDocuments(path, stream, opts);
    } finally {
      stream.destroy(); // also when the consumer stops early
    }
  }
  if (kind === 'jsonl') return yield* jsonLinesDocuments(path, opts);
  if (info.size > opts.maxBytes) throw tooLarge(opts.maxBytes);
  // Read through a counting stream, not by the size stat() gave: a file can grow while we read it.
  let bytes = await collectLimited(createReadStream(path), opts.maxBytes, () => tooLarge(opts.maxBytes));
  if (isGzipName(path) || isGzip(bytes)) bytes = await gunzipLimited(bytes, opts.maxBytes);
  if (kind === 'json') return yield* recordDocuments(path, parseJson(bytes), opts);
  yield* payloadDocuments(
    { source: path, url: null, bytes, transportCharset: null, contentType: null, declared: kind ?? null, fetchedAt: null, hints: {}, origin: 'file' },
    opts,
  );
}
