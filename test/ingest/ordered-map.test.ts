import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapOrdered } from '../../src/ingest/ordered-map.js';

describe('mapOrdered', () => {
  it('keeps input order while later items finish first, with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const delays = [40, 5, 30, 1, 20, 2, 10];
    const slow = async (i: number): Promise<number> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delays[i]));
      inFlight--;
      return i * 10;
    };
    const out: number[] = [];
    for await (const value of mapOrdered(delays.keys(), 3, slow)) out.push(value);
    assert.deepEqual(out, [0, 10, 20, 30, 40, 50, 60]);
    assert.equal(peak, 3);
  });

  it('reads its input lazily, one step ahead of the window', async () => {
    const pulled: number[] = [];
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 100; i++) {
        pulled.push(i);
        yield i;
      }
    }
    const results = mapOrdered(source(), 2, async (i) => i);
    assert.deepEqual((await results.next()).value, 0);
    assert.deepEqual(pulled, [0, 1]);
  });
});
