import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { defaultReadOptions, estimateCount, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { collect } from './local-server.js';

const opts: ReadOptions = { ...defaultReadOptions, maxBytes: 64 * 1024 };
let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-files-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('reading files', () => {
  it('reads .html, .htm, .xhtml, .txt and .md with the kind their name promises', async () => {
    const html = '<html><body><p>Two ferries collided off the coast.</p></body></html>';
    const inputs = [
      file('a.html', html),
      file('b.htm', html),
      file('c.xhtml', html),
      file('d.txt', 'Two ferries collided off the coast.\n'),
      file('e.md', '# Ferries\n\nTwo ferries collided off the coast.\n'),
    ];
    const { docs, errors } = await collect(readInputs(inputs, opts));
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => [d.source, d.kind, d.charset, d.url]), [
      [inputs[0], 'html', 'utf-8', null],
      [inputs[1], 'html', 'utf-8', null],
      [inputs[2], 'html', 'utf-8', null],
      [inputs[3], 'text', 'utf-8', null],
      [inputs[4], 'markdown', 'utf-8', null],
    ]);
    assert.equal(docs[3].body, 'Two ferries collided off the coast.\n');
    assert.deepEqual(docs[3].raw, Buffer.from('Two ferries collided off the coast.\n'));
  });

  it('calls a .txt file that holds a web page html', async () => {
    const path = file('pasted.txt', '<!DOCTYPE html><html><body><p>A page pasted as text.</p></body></html>');
    const { docs } = await collect(readInputs([path], opts));
    assert.equal(docs[0].kind, 'html');
  });

  it('keeps plain text that merely mentions a tag as text', async () => {
    const path = file('mention.txt', 'Editors wrap paragraphs in <p> tags, the manual says.');
    const { docs } = await collect(readInputs([path], opts));
    assert.equal(docs[0].kind, 'text');
  });

  it('gunzips .gz files and gzip bytes under any name', async () => {
    const text = 'Le préfet a déclaré que la situation était sous contrôle.';
    const named = file('story.txt.gz', gzipSync(Buffer.from(text)));
    const unnamed = file('story-without-gz-name.txt', gzipSync(Buffer.from(text)));
    const { docs, errors } = await collect(readInputs([named, unnamed], opts));
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => [d.body, d.kind]), [[text, 'text'], [text, 'text']]);
  });

  it('walks a directory recursively in name order, skipping hidden files and unknown extensions', async () => {
    const root = join(dir, 'tree');
    file('tree/b.txt', 'second');
    file('tree/a.txt', 'first');
    file('tree/sub/c.md', 'third');
    file('tree/.hidden.txt', 'hidden');
    file('tree/.git/d.txt', 'hidden directory');
    file('tree/photo.jpg', 'not an article');
    const { docs, errors } = await collect(readInputs([root], opts));
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => [d.source, d.body]), [
      [join(root, 'a.txt'), 'first'],
      [join(root, 'b.txt'), 'second'],
      [join(root, 'sub', 'c.md'), 'third'],
    ]);
    assert.equal(await estimateCount([root]), 3);
  });

  it('reads each file only when its turn comes (streaming, not preloading)', async () => {
    const root = join(dir, 'lazy');
    file('lazy/1.txt', 'one');
    file('lazy/2.txt', 'two');
    const items = readInputs([root], opts);
    const first = await items.next();
    assert.equal(first.done, false);
    rmSync(join(root, '2.txt'));
    const second = await items.next();
    assert.deepEqual(second.value, { source: join(root, '2.txt'), reason: 'no such file or directory' });
  });

  it('cannot pre-count containers, whose item count is only known once read', async () => {
    assert.equal(await estimateCount([file('feed.xml', '<rss></rss>')]), null);
  });

  it('does not follow a symbolic link back up the tree', async () => {
    const root = join(dir, 'looped');
    file('looped/story.txt', 'once');
    symlinkSync(root, join(root, 'again'));
    const { docs, errors } = await collect(readInputs([root], opts));
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => d.source), [join(root, 'story.txt')]);
  });

  it('expands glob patterns', async () => {
    file('globbed/one.txt', 'one');
    file('globbed/two.txt', 'two');
    file('globbed/three.md', 'three');
    const { docs } = await collect(readInputs([join(dir, 'globbed', '*.txt')], opts));
    assert.deepEqual(docs.map((d) => d.body), ['one', 'two']);
    assert.equal(await estimateCount([join(dir, 'globbed', '*.txt'), 'https://example.org/x']), 3);
  });

  it('sniffs an unknown extension: HTML is html', async () => {
    const path = file('page.php', '<html><head><title>t</title></head><body><p>Body text.</p></body></html>');
    const { docs } = await collect(readInputs([path], opts));
    assert.equal(docs[0].kind, 'html');
  });
});

describe('bad files: one error each, and the batch goes on', () => {
  it('names each failure with a clear reason', async () => {
    const good = file('bad/good.txt', 'Still read after the failures.');
    const inputs = [
      file('bad/empty.txt', ''),
      file('bad/blank.txt', '  \n\n  '),
      file('bad/nul.txt', Buffer.from('text\u0000with a NUL byte')),
      file('bad/controls.txt', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42])),
      file('bad/big.txt', 'x'.repeat(64 * 1024 + 1)),
      file('bad/bomb.txt.gz', gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x61))),
      file('bad/corrupt.txt.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])),
      join(dir, 'bad', 'missing.txt'),
      join(dir, 'bad', 'no-match-*.txt'),
      '/dev/null',
      'ftp://example.org/a.txt',
      good,
    ];
    const { docs, errors } = await collect(readInputs(inputs, opts));
    assert.deepEqual(
      errors.map((e) => [e.source, e.reason]),
      [
        [inputs[0], 'file is empty'],
        [inputs[1], 'file is empty'],
        [inputs[2], 'binary content (NUL bytes)'],
        [inputs[3], 'binary content (control bytes)'],
        [inputs[4], 'exceeds 64 KB limit'],
        [inputs[5], 'gzip expands beyond 64 KB limit'],
        [inputs[6], 'corrupt gzip data (unexpected end of file)'],
        [inputs[7], 'no such file or directory'],
        [inputs[8], 'no files match this pattern'],
        ['/dev/null', 'not a regular file'],
        ['ftp://example.org/a.txt', 'unsupported URL scheme ftp:'],
      ],
    );
    assert.deepEqual(docs.map((d) => d.body), ['Still read after the failures.']);
  });

  it('reports an unreadable file as permission denied', { skip: process.getuid?.() === 0 ? 'root can read anything' : false }, async () => {
    const path = file('locked.txt', 'secret');
    execFileSync('chmod', ['000', path]);
    const { errors } = await collect(readInputs([path], opts));
    assert.deepEqual(errors, [{ source: path, reason: 'permission denied' }]);
  });
});
