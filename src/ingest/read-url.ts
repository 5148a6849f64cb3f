// One URL -> its documents (a page, or the items of a feed).
import type { InputError, RawDocument } from '../types.js';
import { payloadDocuments } from './containers.js';
import { fetchUrl } from './http-fetch.js';
import type { ReadOptions } from './options.js';

export async function* urlDocuments(url: string, opts: ReadOptions): AsyncGenerator<RawDocument | InputError> {
  const fetched = await fetchUrl(url, opts);
  yield* payloadDocuments(
    {
      source: url,
      url: fetched.url,
      bytes: fetched.bytes,
      transportCharset: fetched.charset,
      contentType: fetched.contentType,
      declared: fetched.declared,
      fetchedAt: fetched.fetchedAt,
      hints: {},
      origin: 'response body',
    },
    opts,
  );
}
