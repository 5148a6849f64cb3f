// The worker pool: its threads yield to the main thread (see stage-worker.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WorkerStages } from '../../src/pipeline/pool.js';

/** Nice value of every thread of this process, by thread id (Linux /proc). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    // Nice is the line's 19th field: index 16 once the pid and the parenthesised name are cut off.
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    out.set(Number(tid), Number(fields[16]));
  }
  return out;
}

test('worker threads run at a lower priority than the main thread', { skip: process.platform !== 'linux' && 'thread priorities are set on Linux only' }, async () => {
  const before = threadNices();
  const stages = new WorkerStages(2);
  try {
    // Once a task has come back, its worker has run its start-up code.
    const done = await Promise.all([1, 2].map((n) => stages.extract({ source: `t${n}.txt`, url: null, body: 'Gunmen opened fire in the hall on Friday.', kind: 'text', contentType: 'text/plain', charset: 'utf-8', fetchedAt: null, hints: {} })));
    assert.ok(done.every((d) => 'article' in d));
    const after = threadNices();
    const main = after.get(process.pid)!;
    assert.equal(main, before.get(process.pid), 'the main thread keeps its priority');
    const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === Math.min(19, main + 5));
    assert.equal(lowered.length, 2, `expected two new threads five steps below the main thread's ${main}, got ${JSON.stringify([...after])}`);
  } finally {
    await stages.close();
  }
});
