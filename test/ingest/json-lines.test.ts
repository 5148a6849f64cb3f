import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitLines, type Line } from '../../src/ingest/json-lines.js';

async function lines(chunks: Array<string | Buffer>, maxBytes: number): Promise<Line[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const out: Line[] = [];
  for await (const line of splitLines(source(), maxBytes)) out.push(line);
  return out;
}

describe('splitLines', () => {
  it('joins lines split across chunks', async () => {
    assert.deepEqual(await lines(['ab', 'c\nd', 'e\n', '\nlast'], 100), [
      { n: 1, text: 'abc' },
      { n: 2, text: 'de' },
      { n: 3, text: '' },
      { n: 4, text: 'last' },
    ]);
  });

  it('keeps a multi-byte character whole when a chunk boundary cuts through it', async () => {
    const bytes = Buffer.from('пример\n');
    assert.deepEqual(await lines([bytes.subarray(0, 3), bytes.subarray(3)], 100), [{ n: 1, text: 'пример' }]);
  });

  it('reports an over-long line once, without keeping it, and carries on', async () => {
    assert.deepEqual(await lines(['short\n', 'x'.repeat(6), 'y'.repeat(6), 'z\nok\n'], 10), [
      { n: 1, text: 'short' },
      { n: 2, tooLong: true },
      { n: 3, text: 'ok' },
    ]);
  });
});
