import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { defaultReadOptions, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { collect, startServer, type LocalServer } from './local-server.js';

const russian = 'Вчера вечером в центре города прошёл митинг. Полиция задержала несколько человек.';
const french = 'Le préfet a déclaré que la situation était sous contrôle à Lyon.';
const page = `<!doctype html><html><head><title>Ferry</title></head><body><p>${french}</p></body></html>`;

// The test server is 127.0.0.1, so reading it needs allowPrivate; refusal is tested without it.
const opts: ReadOptions = { ...defaultReadOptions, allowPrivate: true, maxBytes: 1024 * 1024, timeoutMs: 2000 };
let server: LocalServer;
let open = 0;

before(async () => {
  server = await startServer({
    '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    '/plain': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(french),
    '/cp1251': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(iconv.encode(russian, 'windows-1251')),
    '/koi8': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(iconv.encode(russian, 'koi8-r')),
    '/koi8-declared': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=koi8-r' }).end(iconv.encode(russian, 'koi8-r')),
    '/latin1': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(iconv.encode(french, 'latin1')),
    '/utf16': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(russian, 'utf-16le')])),
    '/gzipped': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page)),
    '/deflated': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync(page)),
    '/brotli': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(page)),
    '/brotli-bomb': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(Buffer.alloc(20 * 1024 * 1024, 0x20))),
    '/zstd': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end('?'),
    '/redirect': (_req, res) => res.writeHead(302, { location: '/page' }).end(),
    '/loop-a': (_req, res) => res.writeHead(301, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a' }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://127.0.0.1/file.txt' }).end(),
    '/slow': (_req, res) => {
      open++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first words, then nothing ');
      res.on('close', () => open--);
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/huge-declared': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(2 * 1024 * 1024) }).end(),
    '/bomb': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20))),
    '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    '/empty': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(),
    '/binary': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
  });
});
after(() => server.close());

const read = async (paths: string[], options: ReadOptions = opts) => collect(readInputs(paths.map((p) => server.base + p), options));

describe('reading URLs', () => {
  it('fetches a page with its transport metadata', async () => {
    const started = Date.now();
    const { docs, errors } = await read(['/page']);
    assert.deepEqual(errors, []);
    const [doc] = docs;
    assert.equal(doc.source, `${server.base}/page`);
    assert.equal(doc.url, `${server.base}/page`);
    assert.equal(doc.body, page);
    assert.equal(doc.kind, 'html');
    assert.equal(doc.contentType, 'text/html');
    assert.equal(doc.charset, 'utf-8');
    assert.ok(Date.parse(doc.fetchedAt ?? '') >= started - 1000);
  });

  it('follows a redirect and reports the final URL', async () => {
    const { docs } = await read(['/redirect']);
    assert.equal(docs[0].source, `${server.base}/redirect`);
    assert.equal(docs[0].url, `${server.base}/page`);
    assert.equal(docs[0].body, page);
  });

  it('decodes gzip, deflate and brotli content-encodings', async () => {
    const { docs, errors } = await read(['/gzipped', '/deflated', '/brotli']);
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => d.body), [page, page, page]);
  });

  it('decodes windows-1251, KOI8-R, ISO-8859-1 and UTF-16 (BOM) bodies that do not declare a charset', async () => {
    const { docs, errors } = await read(['/cp1251', '/koi8', '/koi8-declared', '/latin1', '/utf16', '/plain']);
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => [d.body, d.charset, d.kind]), [
      [russian, 'windows-1251', 'text'],
      [russian, 'koi8-r', 'text'],
      [russian, 'koi8-r', 'text'],
      [french, 'windows-1252', 'text'],
      [russian, 'utf-16le', 'text'],
      [french, 'utf-8', 'text'],
    ]);
  });
});

describe('bad URLs: one error each, and the batch goes on', () => {
  it('names each failure with a clear reason', async () => {
    const paths = ['/missing', '/loop-a', '/chain', '/to-ftp', '/huge', '/huge-declared', '/bomb', '/brotli-bomb', '/zstd', '/pdf', '/empty', '/binary', '/page'];
    const { docs, errors } = await read(paths);
    assert.deepEqual(
      errors.map((e) => [e.source.slice(server.base.length), e.reason]),
      [
        ['/missing', 'HTTP 404'],
        ['/loop-a', 'redirect loop'],
        ['/chain', 'too many redirects (more than 5)'],
        ['/to-ftp', 'unsupported URL scheme ftp:'],
        ['/huge', 'exceeds 1 MB limit'],
        ['/huge-declared', 'exceeds 1 MB limit'],
        ['/bomb', 'gzip expands beyond 1 MB limit'],
        ['/brotli-bomb', 'brotli expands beyond 1 MB limit'],
        ['/zstd', 'unsupported content encoding zstd'],
        ['/pdf', 'unsupported content type application/pdf'],
        ['/empty', 'response body is empty'],
        ['/binary', 'binary content (NUL bytes)'],
      ],
    );
    assert.deepEqual(docs.map((d) => d.url), [`${server.base}/page`]);
    assert.equal(server.hits.get('/chain'), 6, 'the first request and five redirects, then stop');
  });

  it('gives up on a slow response at the deadline and closes the connection', async () => {
    const began = Date.now();
    const { errors } = await read(['/slow'], { ...opts, timeoutMs: 300 });
    assert.deepEqual(errors, [{ source: `${server.base}/slow`, reason: 'timed out after 0.3 s' }]);
    assert.ok(Date.now() - began < 2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(open, 0);
  });

  it('refuses loopback addresses without allowPrivate, judged by the resolved address', async () => {
    const port = new URL(server.base).port;
    const inputs = [`${server.base}/unreached`, `http://localhost:${port}/unreached`, `http://[::1]:${port}/unreached`];
    const { docs, errors } = await collect(readInputs(inputs, { ...opts, allowPrivate: false }));
    assert.deepEqual(docs, []);
    assert.deepEqual(errors[0], { source: inputs[0], reason: 'refused loopback address 127.0.0.1 (use --allow-private)' });
    assert.match(errors[1].reason, /^refused loopback address (127\.0\.0\.1|::1) \(use --allow-private\)$/);
    assert.deepEqual(errors[2], { source: inputs[2], reason: 'refused loopback address ::1 (use --allow-private)' });
    assert.equal(server.hits.get('/unreached'), undefined, 'no request may reach the server');
    const allowed = await collect(readInputs([`${server.base}/page`], { ...opts, allowPrivate: true }));
    assert.deepEqual(allowed.docs.map((d) => d.body), [page]);
  });

  it('reports an unreachable host and an invalid URL', async () => {
    const { errors } = await collect(readInputs(['http://127.0.0.1:1/x', 'http://exa mple.org/'], opts));
    assert.deepEqual(errors, [
      { source: 'http://127.0.0.1:1/x', reason: 'cannot connect to 127.0.0.1:1 (ECONNREFUSED)' },
      { source: 'http://exa mple.org/', reason: 'invalid URL' },
    ]);
  });
});
