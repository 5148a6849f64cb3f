// One file -> its documents. JSONL and WARC files are streamed (they may be far larger than one document);
// everything else is read whole, within the size limit, and gunzipped within the same limit.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { InputError, RawDocument } from '../types.js';
import { payloadDocuments, recordDocument, recordDocuments } from './containers.js';
import { gunzipLimited, isGzip } from './decompress.js';
import { InputFailure, formatBytes, tooLarge } from './failure.js';
import { fileKind, isGzipName } from './extensions.js';
import { splitLines, type Line } from './json-lines.js';
import { mapOrdered } from './ordered-map.js';
import { fetchConcurrency, type ReadOptions } from './options.js';
import { warcDocuments } from './warc.js';

/** One JSONL line -> its document, the reason it has none, or null for a blank line. */
async function lineDocument(path: string, line: Line, opts: ReadOptions): Promise<RawDocument | InputError | null> {
  const source = `${path}#${line.n}`;
  if ('tooLong' in line) return { source, reason: `line exceeds ${formatBytes(opts.maxBytes)} limit` };
  const text = line.n === 1 ? line.text.replace(/^\ufeff/, '') : line.text;
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { source, reason: 'line is not valid JSON' };
  }
  return recordDocument(source, value, opts);
}

async function* jsonLinesDocuments(path: string, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  const file = createReadStream(path);
  const bytes = isGzipName(path) ? file.pipe(createGunzip()) : file;
  file.on('error', (err) => bytes.destroy(err));
  try {
    const lines = splitLines(bytes, opts.maxBytes);
    for await (const item of mapOrdered(lines, fetchConcurrency(opts), (line) => lineDocument(path, line, opts))) {
      if (item) yield item;
    }
  } finally {
    bytes.destroy();
  }
}

/**
 * Reads the `size` bytes stat() reported, in one call when it can. A file that grows meanwhile (a log being
 * written) is read as it was at stat() time, unless it grew past the limit, which one extra byte reveals.
 */
async function readBounded(path: string, size: number, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(maxBytes);
    return buffer.subarray(0, Math.min(length, size));
  } finally {
    await handle.close();
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
  let bytes = await readBounded(path, info.size, opts.maxBytes);
  if (isGzipName(path) || isGzip(bytes)) bytes = await gunzipLimited(bytes, opts.maxBytes);
  if (kind === 'json') return yield* recordDocuments(path, parseJson(bytes), opts);
  yield* payloadDocuments(
    { source: path, url: null, bytes, transportCharset: null, contentType: null, declared: kind ?? null, fetchedAt: null, hints: {}, origin: 'file' },
    opts,
  );
}
