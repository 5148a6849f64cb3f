// WARC files (CC-NEWS style): each HTTP `response` record with an HTML or text payload is one document.
// Records are streamed one at a time; warcio skips over records we do not read without buffering them.
import { WARCParser } from 'warcio';
import type { InputError, RawDocument } from '../types.js';
import { declaredContent, parseContentType } from './content-type.js';
import { collectLimited } from './decompress.js';
import { decodedDocument } from './document.js';
import { InputFailure, expandsTooFar, toInputError, tooLarge } from './failure.js';
import type { ReadOptions } from './options.js';

export async function* warcDocuments(
  source: string,
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ReadOptions,
): AsyncGenerator<RawDocument | InputError> {
  let n = 0;
  try {
    for await (const record of new WARCParser(input)) {
      n++;
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const status = Number(record.httpHeaders.statusCode);
      if (!(status >= 200 && status < 300)) continue; // redirects and errors carry no article
      const { mime, charset } = parseContentType(record.httpHeaders.headers.get('content-type'));
      const declared = declaredContent(mime);
      if (declared !== 'html' && declared !== 'text' && declared !== 'markdown') continue; // images, scripts, ...
      const itemSource = `${source}#${n}`;
      try {
        const encoding = record.httpHeaders.headers.get('content-encoding');
        const bytes = await collectLimited(record, opts.maxBytes, () =>
          encoding ? expandsTooFar(encoding, opts.maxBytes) : tooLarge(opts.maxBytes),
        );
        yield decodedDocument({
          source: itemSource,
          url: record.warcTargetURI ?? null,
          bytes,
          transportCharset: charset,
          contentType: mime,
          declaredKind: declared,
          fetchedAt: record.warcDate ?? null,
          hints: {},
          origin: 'WARC record',
        });
      } catch (err) {
        yield toInputError(itemSource, err);
      }
    }
  } catch (err) {
    const where = n > 0 ? `${source}#${n}` : source;
    // File-system errors keep their own wording; anything else is warcio choking on the bytes.
    yield toInputError(where, (err as NodeJS.ErrnoException).code ? err : new InputFailure(`corrupt WARC data (${(err as Error).message})`));
  }
}
