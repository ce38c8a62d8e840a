import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/** A request as the stub server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
}

/**
 * What a route answers: JSON `body` (default status 200), raw `text`, `hang` (never answers) or `destroy` (the
 * connection is reset without an answer).
 */
export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly hang?: boolean;
  readonly destroy?: boolean;
}

/** A route: a fixed reply, or a function of the request (for sequences, e.g. 503 then 200). */
export type Route = Reply | ((request: SeenRequest) => Reply);

/** A running stub REST gateway on 127.0.0.1. */
export interface RestServer {
  readonly url: string;
  /** Every request, as "METHOD /path?query". */
  readonly calls: string[];
  close(): Promise<void>;
}

/**
 * Starts a tiny real HTTP server on 127.0.0.1, port 0, answering routes keyed "METHOD /path" (path without query;
 * a trailing "*" matches a prefix). Unknown routes answer 404 with REST's ResourceNotFound shape.
 */
export async function startRestServer(routes: Readonly<Record<string, Route>>): Promise<RestServer> {
  const calls: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = request.method ?? 'GET';
      calls.push(`${method} ${url.pathname}${url.search}`);
      const route = findRoute(routes, `${method} ${url.pathname}`);
      const reply: Reply =
        route === undefined
          ? {
              status: 404,
              body: { code: 'ResourceNotFound', message: `no resource exists with id '${url.pathname}'` },
            }
          : typeof route === 'function'
            ? route({ method, path: url.pathname, query: url.searchParams, body })
            : route;
      if (reply.hang === true) return;
      if (reply.destroy === true) {
        request.socket.destroy();
        return;
      }
      const text = reply.text ?? JSON.stringify(reply.body ?? {});
      response.writeHead(reply.status ?? 200, {
        'content-type': reply.text === undefined ? 'application/json' : 'text/html',
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port that was just freed). */
export async function closedPortUrl(): Promise<string> {
  const server = await startRestServer({});
  await server.close();
  return server.url;
}

function findRoute(routes: Readonly<Record<string, Route>>, key: string): Route | undefined {
  if (routes[key] !== undefined) return routes[key];
  const prefix = Object.keys(routes).find(
    (pattern) => pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)),
  );
  return prefix === undefined ? undefined : routes[prefix];
}

/** A fixture of test/fixtures/rest, parsed. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the shape they edit
export function restFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/rest/${name}.json`, import.meta.url), 'utf8')) as T;
}
