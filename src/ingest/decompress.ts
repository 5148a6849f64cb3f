// Decompression that stops at the size limit, so a gzip bomb costs at most maxBytes of memory.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { InputFailure, expandsTooFar } from './failure.js';

const gunzipAsync = promisify(gunzip);

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipLimited(bytes: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw expandsTooFar('gzip', maxBytes);
    throw new InputFailure(`corrupt gzip data (${(err as Error).message})`);
  }
}

/** Concatenates chunks from a stream, failing with `onOverflow()` as soon as they pass maxBytes. */
export async function collectLimited(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  onOverflow: () => Error,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes) throw onOverflow();
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(parts, size);
}
