// The readers: a user's inputs (files, directories, globs, URLs, feeds, JSON/JSONL, WARC) -> RawDocuments,
// streamed one at a time, with one InputError per bad input or bad item while the batch goes on.
//
// How the parts fit: input-paths expands what the user typed into files and URLs; read-file and read-url
// get their bytes (within the limits of decompress and http-fetch, which asks address-policy before each
// hop); containers split feeds (feed), JSON records (records, json-lines) and WARC files (warc) into items;
// document turns bytes into a RawDocument, using charset (and charset-guess) and sniff. Each failure is an
// InputFailure whose message is the reason the user reads.
import type { InputError, RawDocument } from '../types.js';
import { fileKind } from './extensions.js';
import { toInputError } from './failure.js';
import { expandInput } from './input-paths.js';
import type { ReadOptions } from './options.js';
import { fileDocuments } from './read-file.js';
import { urlDocuments } from './read-url.js';

export { defaultReadOptions, type ReadOptions } from './options.js';

async function* guarded(source: string, documents: AsyncGenerator<RawDocument | InputError>): AsyncGenerator<RawDocument | InputError> {
  try {
    yield* documents;
  } catch (err) {
    yield toInputError(source, err);
  }
}

export async function* readInputs(inputs: string[], opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  for (const input of inputs) {
    for await (const target of expandInput(input)) {
      if (target.kind === 'error') yield target.error;
      else if (target.kind === 'url') yield* guarded(target.url, urlDocuments(target.url, opts));
      else yield* guarded(target.path, fileDocuments(target.path, opts));
    }
  }
}

const CONTAINERS = new Set(['json', 'jsonl', 'feed', 'warc']);

/**
 * How many documents `readInputs` will yield, counted cheaply (file names only) for a progress bar; null
 * when a container file (feed, JSON, JSONL, WARC) is among them, as its item count is unknown until read.
 */
export async function estimateCount(inputs: string[]): Promise<number | null> {
  let count = 0;
  for (const input of inputs) {
    for await (const target of expandInput(input)) {
      if (target.kind === 'file' && CONTAINERS.has(fileKind(target.path) ?? '')) return null;
      count++;
    }
  }
  return count;
}
