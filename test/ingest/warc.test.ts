import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';
import { defaultReadOptions, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { collect } from './local-server.js';

const opts: ReadOptions = { ...defaultReadOptions, maxBytes: 64 * 1024 };
const russian = 'Вчера вечером в центре города прошёл митинг.';
const englishPage = '<html><body><p>Rescuers reached the mine shaft on Thursday.</p></body></html>';
const russianPage = `<html><body><p>${russian}</p></body></html>`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-warc-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function record(
  type: 'response' | 'request' | 'warcinfo',
  url: string,
  httpHeaders: Record<string, string>,
  body: Uint8Array,
  gzip: boolean,
  statusline = 'HTTP/1.1 200 OK',
): Promise<Uint8Array> {
  const made = WARCRecord.create(
    { url, date: '2024-03-23T10:00:00Z', type, warcVersion: 'WARC/1.0', httpHeaders, statusline: type === 'request' ? 'GET / HTTP/1.1' : statusline },
    [body],
  );
  return WARCSerializer.serialize(made, { gzip });
}

async function warcFile(name: string, gzip: boolean): Promise<string> {
  const records = [
    await record('request', 'https://news.example/mine', {}, new Uint8Array(), gzip),
    await record('response', 'https://news.example/mine', { 'Content-Type': 'text/html; charset=utf-8' }, Buffer.from(englishPage), gzip),
    await record('response', 'https://news.example/logo.png', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50]), gzip),
    await record('response', 'https://news.example/gone', { 'Content-Type': 'text/html' }, Buffer.from('gone'), gzip, 'HTTP/1.1 404 Not Found'),
    await record('response', 'https://ru.example/miting', { 'Content-Type': 'text/html; charset=windows-1251' }, iconv.encode(russianPage, 'windows-1251'), gzip),
    await record('response', 'https://news.example/huge', { 'Content-Type': 'text/html' }, Buffer.alloc(100 * 1024, 0x61), gzip),
    await record(
      'response',
      'https://news.example/bomb',
      { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' },
      gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20)),
      gzip,
    ),
    await record('response', 'https://news.example/after', { 'Content-Type': 'text/html' }, Buffer.from('<p>After the bad records.</p>'), gzip),
  ];
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(records));
  return path;
}

for (const gzip of [false, true]) {
  describe(`WARC (${gzip ? 'gzipped records' : 'plain'})`, () => {
    it('yields HTML responses with target URI, WARC date and HTTP charset; skips the rest; reports oversized records', async () => {
      const path = await warcFile(gzip ? 'crawl.warc.gz' : 'crawl.warc', gzip);
      const { docs, errors } = await collect(readInputs([path], opts));
      assert.deepEqual(errors, [
        { source: `${path}#6`, reason: 'exceeds 64 KB limit' },
        { source: `${path}#7`, reason: 'gzip expands beyond 64 KB limit' },
      ]);
      assert.deepEqual(docs.map((d) => [d.source, d.url, d.fetchedAt, d.contentType, d.charset, d.kind, d.body]), [
        [`${path}#2`, 'https://news.example/mine', '2024-03-23T10:00:00Z', 'text/html', 'utf-8', 'html', englishPage],
        [`${path}#5`, 'https://ru.example/miting', '2024-03-23T10:00:00Z', 'text/html', 'windows-1251', 'html', russianPage],
        [`${path}#8`, 'https://news.example/after', '2024-03-23T10:00:00Z', 'text/html', 'utf-8', 'html', '<p>After the bad records.</p>'],
      ]);
    });
  });
}
