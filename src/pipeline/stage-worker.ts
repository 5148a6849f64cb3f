// Worker thread entry: runs the pure stages on request from the main thread (see pool.ts).
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { annotateStage, extractStage } from './stages.js';
import type { StageReply, StageRequest } from './pool.js';

// The main thread hands out the work and stores the results, so when it waits for a core every worker soon waits
// for it. A worker therefore runs five nice steps below the thread that started it: on two cores, 10,000 articles
// went from 289 to 313 articles/s (5 and 10 steps measured alike). Only on Linux, where a nice value belongs to
// the calling thread; elsewhere it would lower the whole process.
const NICE_STEPS = 5;
if (process.platform === 'linux') {
  try {
    setPriority(Math.min(19, getPriority() + NICE_STEPS));
  } catch {
    // A sandbox may refuse even a lower priority: it only costs speed.
  }
}

parentPort?.on('message', (request: StageRequest) => {
  let reply: StageReply;
  try {
    const value = request.task.kind === 'extract' ? extractStage(request.task.doc) : annotateStage(request.task.article, request.task.known);
    reply = { id: request.id, value };
  } catch (err) {
    const { message, stack } = err instanceof Error ? err : new Error(String(err));
    reply = { id: request.id, thrown: { message, stack } };
  }
  parentPort?.postMessage(reply);
});
