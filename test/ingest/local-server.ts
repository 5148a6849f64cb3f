// Test helpers for the readers: a real HTTP server on 127.0.0.1 (random port) for the reader tests, with one handler per path.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InputError, RawDocument } from '../../src/types.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** How many requests each path received. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Collects everything readInputs yields, split into documents and errors, in order. */
export async function collect(items: AsyncIterable<RawDocument | InputError>): Promise<{ docs: RawDocument[]; errors: InputError[] }> {
  const docs: RawDocument[] = [];
  const errors: InputError[] = [];
  for await (const item of items) {
    if ('reason' in item) errors.push(item);
    else docs.push(item);
  }
  return { docs, errors };
}
