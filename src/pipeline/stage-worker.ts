// Worker thread entry: runs the pure stages on request from the main thread (see pool.ts).
import { parentPort } from 'node:worker_threads';
import { annotateStage, extractStage } from './stages.js';
import type { StageReply, StageRequest } from './pool.js';

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
