// Runs the pure stages either inline or on a pool of worker threads, behind one interface. Each task goes to
// the worker with the fewest tasks outstanding; replies may come back in any order, callers keep their own.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.js';
import { annotateStage, extractStage, type Annotated, type DocumentToExtract, type Extracted } from './stages.js';

export type StageTask = { kind: 'extract'; doc: DocumentToExtract } | { kind: 'annotate'; article: Article; known: boolean };
export interface StageRequest {
  id: number;
  task: StageTask;
}
export type StageReply = { id: number; value: Extracted | Annotated } | { id: number; thrown: { message: string; stack?: string } };

export interface StageRunner {
  extract(doc: DocumentToExtract): Promise<Extracted>;
  annotate(article: Article, known: boolean): Promise<Annotated>;
  close(): Promise<void>;
}

export const inlineStages: StageRunner = {
  extract: async (doc) => extractStage(doc),
  annotate: async (article, known) => annotateStage(article, known),
  close: async () => {},
};

// The worker script sits beside this file: stage-worker.ts under tsx, stage-worker.js once compiled.
const workerUrl = new URL(`./stage-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  // Running from source (tests, development): on Node 20 a worker does not get tsx's loader from `--import tsx`,
  // so a tiny ES module registers it before loading the worker script.
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(workerUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

interface Pending {
  resolve: (value: Extracted | Annotated) => void;
  reject: (err: Error) => void;
  worker: number;
}

export class WorkerStages implements StageRunner {
  private readonly workers: Worker[];
  private readonly outstanding: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
    this.outstanding = this.workers.map(() => 0);
  }

  extract(doc: DocumentToExtract): Promise<Extracted> {
    return this.run({ kind: 'extract', doc }) as Promise<Extracted>;
  }

  annotate(article: Article, known: boolean): Promise<Annotated> {
    return this.run({ kind: 'annotate', article, known }) as Promise<Annotated>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(index: number): Worker {
    const worker = startWorker();
    worker.on('message', (reply: StageReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      this.outstanding[job.worker]--;
      if ('thrown' in reply) job.reject(Object.assign(new Error(reply.thrown.message), { stack: reply.thrown.stack }));
      else job.resolve(reply.value);
    });
    // A worker that dies (out of memory, a crash in native code) fails everything it held and every later task.
    const fail = (err: Error): void => {
      this.failure ??= err;
      for (const [id, job] of this.pending) {
        if (job.worker !== index) continue;
        this.pending.delete(id);
        job.reject(err);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`sitrep: stage worker exited with code ${code}`)));
    return worker;
  }

  private run(task: StageTask): Promise<Extracted | Annotated> {
    if (this.failure) return Promise.reject(this.failure);
    let chosen = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.outstanding[i] < this.outstanding[chosen]) chosen = i;
    const id = this.nextId++;
    this.outstanding[chosen]++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: chosen });
      this.workers[chosen].postMessage({ id, task } satisfies StageRequest);
    });
  }
}
