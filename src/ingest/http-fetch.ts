// Fetching one URL safely: every hop's host is resolved and checked before connecting, and the connection
// is pinned to the checked addresses (no second DNS answer can slip in); redirects are followed by hand;
// one deadline covers the whole exchange; the body is counted while it streams, after decompression.
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { restrictedAddressKind, refusalReason } from './address-policy.js';
import { declaredContent, parseContentType, type DeclaredContent } from './content-type.js';
import { collectLimited } from './decompress.js';
import { InputFailure, expandsTooFar, formatSeconds, tooLarge } from './failure.js';
import { DEFAULT_MAX_REDIRECTS, DEFAULT_USER_AGENT, type ReadOptions } from './options.js';

export interface Fetched {
  /** The final URL, after redirects. */
  url: string;
  bytes: Buffer;
  /** Media type without parameters, lower case. */
  contentType: string | null;
  charset: string | null;
  declared: DeclaredContent;
  fetchedAt: string;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8';

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function checkedAddresses(url: URL, opts: ReadOptions, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await untilAborted(lookup(host, { all: true, verbatim: true }), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw new InputFailure(`cannot resolve host ${host}`);
    }
  }
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const kind = restrictedAddressKind(address);
      if (kind) throw new InputFailure(refusalReason(address, kind));
    }
  }
  return addresses;
}

/** A lookup that answers only with addresses already checked, so the socket goes where we judged. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

async function requestOnce(url: URL, opts: ReadOptions, signal: AbortSignal): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputFailure(`unsupported URL scheme ${url.protocol}`);
  }
  const addresses = await checkedAddresses(url, opts, signal);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        headers: {
          'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
        },
        lookup: pinnedLookup(addresses),
        agent: false,
        signal,
      },
      resolve,
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      reject(signal.aborted ? err : new InputFailure(`cannot connect to ${url.host} (${err.code ?? err.message})`));
    });
    req.end();
  });
}

function decoderFor(encoding: string | undefined): { name: string; stream: NodeJS.ReadWriteStream } | null {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return { name: 'gzip', stream: createGunzip() };
    case 'deflate':
      return { name: 'deflate', stream: createInflate() };
    case 'br':
      return { name: 'brotli', stream: createBrotliDecompress() };
    default:
      throw new InputFailure(`unsupported content encoding ${encoding}`);
  }
}

async function readBody(url: URL, response: IncomingMessage, opts: ReadOptions): Promise<Fetched> {
  const { mime, charset } = parseContentType(response.headers['content-type']);
  const declared = declaredContent(mime);
  if (!declared) throw new InputFailure(`unsupported content type ${mime}`);
  if (Number(response.headers['content-length']) > opts.maxBytes) throw tooLarge(opts.maxBytes);
  const decoder = decoderFor(response.headers['content-encoding']);
  let body: Readable | NodeJS.ReadWriteStream = response;
  if (decoder) body = pipeline(response, decoder.stream, () => {});
  const bytes = await collectLimited(body as AsyncIterable<Buffer>, opts.maxBytes, () =>
    decoder ? expandsTooFar(decoder.name, opts.maxBytes) : tooLarge(opts.maxBytes),
  );
  return {
    url: url.href,
    bytes,
    contentType: mime,
    charset,
    declared,
    fetchedAt: new Date().toISOString(),
  };
}

async function followRedirects(start: URL, opts: ReadOptions, signal: AbortSignal): Promise<Fetched> {
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const seen = new Set<string>();
  let url = start;
  for (let hop = 0; ; hop++) {
    if (seen.has(url.href)) throw new InputFailure('redirect loop');
    seen.add(url.href);
    const response = await requestOnce(url, opts, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= maxRedirects) throw new InputFailure(`too many redirects (more than ${maxRedirects})`);
      try {
        url = new URL(location, url);
      } catch {
        throw new InputFailure(`invalid redirect location ${location.slice(0, 200)}`);
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new InputFailure(`HTTP ${status}`);
    }
    try {
      return await readBody(url, response, opts);
    } finally {
      response.destroy();
    }
  }
}

/** Fetches one http(s) URL within the limits of `opts`; throws InputFailure with a human reason. */
export async function fetchUrl(input: string, opts: ReadOptions): Promise<Fetched> {
  let start: URL;
  try {
    start = new URL(input);
  } catch {
    throw new InputFailure('invalid URL');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    return await followRedirects(start, opts, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) throw new InputFailure(`timed out after ${formatSeconds(opts.timeoutMs)}`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
