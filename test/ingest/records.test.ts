import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { defaultReadOptions, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { collect, startServer, type LocalServer } from './local-server.js';

const opts: ReadOptions = { ...defaultReadOptions, allowPrivate: true, timeoutMs: 2000, maxBytes: 4096 };
const page = '<html><body><p>Fetched because the record carried only its address.</p></body></html>';
let dir: string;
let server: LocalServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-records-'));
  server = await startServer({ '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page) });
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('JSONL records', () => {
  it('reads text, html and url-only records, and reports bad lines by number', async () => {
    const lines = [
      JSON.stringify({ title: 'Dam breach', text: 'Water reached the village at dawn.', published: '2024-05-02T04:00:00Z', outlet: 'Valley Post', author: 'R. Ortiz' }),
      '',
      JSON.stringify({ html: '<p>The mayor ordered an evacuation.</p>', url: 'https://valley.example/evacuation', byline: ['A. Lind', { name: 'B. Sousa' }] }),
      '{"title": "broken", "text": ',
      JSON.stringify({ url: `${server.base}/story`, title: 'Only a link' }),
      JSON.stringify({ title: 'Nothing to read' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ url: 'javascript:alert(1)' }),
      JSON.stringify({ text: 'x'.repeat(5000) }),
      JSON.stringify({ text: 'The last line has no newline.' }),
    ];
    const path = write('batch.jsonl', '\ufeff' + lines.join('\n'));
    const { docs, errors } = await collect(readInputs([path], opts));
    assert.deepEqual(errors, [
      { source: `${path}#4`, reason: 'line is not valid JSON' },
      { source: `${path}#6`, reason: 'record has no url, text or html' },
      { source: `${path}#7`, reason: 'record is not an object' },
      { source: `${path}#8`, reason: 'field "text" is not a string' },
      { source: `${path}#9`, reason: 'record url is not an http(s) URL: javascript:alert(1)' },
      { source: `${path}#10`, reason: 'line exceeds 4 KB limit' },
    ]);
    assert.deepEqual(docs.map((d) => [d.source, d.kind, d.url, d.body]), [
      [`${path}#1`, 'record', null, 'Water reached the village at dawn.'],
      [`${path}#3`, 'html', 'https://valley.example/evacuation', '<p>The mayor ordered an evacuation.</p>'],
      [`${path}#5`, 'html', `${server.base}/story`, page],
      [`${path}#11`, 'record', null, 'The last line has no newline.'],
    ]);
    assert.deepEqual(docs[0].hints, { title: 'Dam breach', published: '2024-05-02T04:00:00.000Z', outlet: 'Valley Post', byline: 'R. Ortiz' });
    assert.deepEqual(docs[1].hints, { byline: 'A. Lind, B. Sousa', url: 'https://valley.example/evacuation' });
    assert.deepEqual(docs[2].hints, { title: 'Only a link', url: `${server.base}/story` });
    assert.equal(docs[2].fetchedAt !== null, true);
  });

  it('streams gzipped JSONL', async () => {
    const path = write('batch.jsonl.gz', gzipSync(`${JSON.stringify({ text: 'one' })}\n${JSON.stringify({ text: 'two' })}\n`));
    const { docs } = await collect(readInputs([path], opts));
    assert.deepEqual(docs.map((d) => [d.source, d.body]), [[`${path}#1`, 'one'], [`${path}#2`, 'two']]);
  });
});

describe('JSON records', () => {
  it('reads an array of records, numbering items from 1', async () => {
    const path = write('batch.json', JSON.stringify([{ text: 'First report.' }, { nope: true }, { html: '<p>Third.</p>' }]));
    const { docs, errors } = await collect(readInputs([path], opts));
    assert.deepEqual(errors, [{ source: `${path}#2`, reason: 'record has no url, text or html' }]);
    assert.deepEqual(docs.map((d) => [d.source, d.kind, d.body]), [[`${path}#1`, 'record', 'First report.'], [`${path}#3`, 'html', '<p>Third.</p>']]);
  });

  it('reads a single record, and refuses invalid JSON as a whole', async () => {
    const one = write('one.json', JSON.stringify({ text: 'Alone.', title: 'Single' }));
    const bad = write('bad.json', '[{"text": "unterminated"');
    const { docs, errors } = await collect(readInputs([one, bad], opts));
    assert.deepEqual(docs.map((d) => [d.source, d.body, d.hints.title]), [[`${one}#1`, 'Alone.', 'Single']]);
    assert.deepEqual(errors, [{ source: bad, reason: 'file is not valid JSON' }]);
  });
});
