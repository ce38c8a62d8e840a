/**
 * A stub Symbol REST gateway without sockets: a route table and a WHATWG `fetch` to hand to the real
 * createNodeClient, so flows run their real node layer (paths, DTO parsing, retries) against answers in the shapes
 * of test/fixtures/rest.
 *
 *   const node = stubNode({ url: 'http://node-a.test:3000', timeline });
 *   node.on('GET', '/node/info', testnetNodeInfo());                        // JSON, status 200
 *   node.on('GET', '/accounts/:id', (request) => request.params.id === KEY ? dto : notFound());
 *   node.on('PUT', '/transactions', reply(202, restFixture('announce')));
 *   const client = node.client(time.sleep);                                  // the real createNodeClient
 *   ...
 *   afterEach(() => node.assertAllHit());
 *
 * - Patterns: `:name` segments capture into `request.params`; a `?a=b` part must match those query parameters,
 *   without one the query is ignored. The route registered last wins (tests override stubChain's routes).
 * - A handler is a JSON value (answered 200), or a function of the request returning a JSON value or a Response
 *   (`reply(status, body)`, `notFound()`).
 * - A request no route matches is recorded and answered with a thrown Error naming it (the flow sees a network
 *   failure); assertAllHit() then fails the test, even when the flow swallowed the error.
 * - assertAllHit() also fails for a route registered with on() that was never requested (routes registered with
 *   `{ optional: true }`, like stubChain's, are exempt): a test stubbing what the flow no longer asks fails loudly.
 * - Every request is kept in `requests` (method, path, query, params, parsed JSON body), e.g. to assert that
 *   nothing was PUT to /transactions; `timeline` (shared with memoryFileSystem) orders them against file writes.
 */
import type { Fetch, Sleep } from '../../src/core/ports.js';
import { createNodeClient, type NodeClient } from '../../src/node/createNodeClient.js';

export { restFixture } from './restServer.js';

/** One request, as the stub saw it. */
export interface StubRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** `:name` captures of the matched pattern. */
  readonly params: Readonly<Record<string, string>>;
  /** The JSON body (PUT), parsed; undefined without a body. */
  readonly body: unknown;
}

/**
 * What a route answers: a JSON value, or `(request: StubRequest) => JSON value | Response` (may be async). Typed
 * `unknown` so fixtures of any shape fit; annotate a function's parameter as StubRequest.
 */
export type StubHandler = unknown;

/** A route's options. */
export interface RouteOptions {
  /** Not required to be hit by assertAllHit (infrastructure routes). */
  readonly optional?: boolean;
}

/** The stub node. */
export interface StubNode {
  /** Base URL, e.g. http://node-a.test:3000. */
  readonly url: string;
  /** The WHATWG fetch answering from the routes. */
  readonly fetch: Fetch;
  /** Every request, in order (unmatched ones included). */
  readonly requests: readonly StubRequest[];
  /** Adds (or overrides) a route. */
  on(method: 'GET' | 'PUT' | 'POST', pattern: string, handler: StubHandler, options?: RouteOptions): StubNode;
  /** Requests as "METHOD /path" (query left out), in order; with `method`/`path` given, only those. */
  calls(filter?: { readonly method?: string; readonly path?: string | RegExp }): string[];
  /**
   * Answers 503 (REST's ServiceUnavailable) to every request `when` says, before any route: a node failing for a
   * while (`when` may count). Returns the stub.
   */
  unavailable(when: (request: StubRequest) => boolean): StubNode;
  /** Throws when a required route was never requested or a request matched no route. */
  assertAllHit(): void;
  /** A real NodeClient on this stub (retries use `sleep`, so they take no real time with virtualTime). */
  client(sleep: Sleep, options?: { readonly timeoutMs?: number; readonly retries?: number }): NodeClient;
}

/** Options of stubNode. */
export interface StubNodeOptions {
  readonly url: string;
  /** A shared log: each request is pushed as "GET /path". */
  readonly timeline?: string[];
}

/** A Response with a JSON body. */
export function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** REST's 404 answer. */
export function notFound(what = 'resource'): Response {
  return reply(404, { code: 'ResourceNotFound', message: `no resource exists with id '${what}'` });
}

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly handler: StubHandler;
  readonly optional: boolean;
  hits: number;
}

/** A stub node answering only what is registered. */
export function stubNode(options: StubNodeOptions): StubNode {
  const base = new URL(options.url);
  const url = options.url.replace(/\/+$/, '');
  const routes: Route[] = [];
  const requests: StubRequest[] = [];
  const unmatched: string[] = [];
  const outages: ((request: StubRequest) => boolean)[] = [];

  const match = (route: Route, method: string, target: URL): Record<string, string> | undefined => {
    if (route.method !== method) return undefined;
    const parts = target.pathname.split('/');
    if (parts.length !== route.segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [index, segment] of route.segments.entries()) {
      const part = decodeURIComponent(parts[index]!);
      if (segment.startsWith(':')) params[segment.slice(1)] = part;
      else if (segment !== part) return undefined;
    }
    for (const [key, value] of route.query) {
      if (target.searchParams.get(key) !== value) return undefined;
    }
    return params;
  };

  const fetch: Fetch = async (input, init) => {
    const target = new URL(input.toString());
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const label = `${method} ${target.pathname}${target.search}`;
    options.timeline?.push(`${method} ${target.pathname}`);
    const found = target.origin === base.origin ? findRoute(method, target) : undefined;
    const request: StubRequest = {
      method,
      path: target.pathname,
      query: target.searchParams,
      params: found?.params ?? {},
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    requests.push(request);
    if (outages.some((when) => when(request))) {
      return reply(503, { code: 'ServiceUnavailable', message: 'stub outage' });
    }
    if (found === undefined) {
      unmatched.push(`${target.origin === base.origin ? '' : target.origin}${label}`);
      throw new Error(`stubNode ${url}: no route for ${label}`);
    }
    found.route.hits += 1;
    const { handler } = found.route;
    const answer: unknown =
      typeof handler === 'function' ? await (handler as (seen: StubRequest) => unknown)(request) : handler;
    // a clone: a fixed Response given to on() is answered again on every request (a body is read only once)
    if (answer instanceof Response) return answer.clone();
    return reply(200, answer);
  };

  function findRoute(method: string, target: URL) {
    for (let index = routes.length - 1; index >= 0; index--) {
      const route = routes[index]!;
      const params = match(route, method, target);
      if (params !== undefined) return { route, params };
    }
    return undefined;
  }

  const node: StubNode = {
    url,
    fetch,
    requests,
    on(method, pattern, handler, routeOptions = {}) {
      const [path = '', query = ''] = pattern.split('?');
      routes.push({
        method,
        pattern,
        segments: path.split('/'),
        query: new URLSearchParams(query),
        handler,
        optional: routeOptions.optional === true,
        hits: 0,
      });
      return node;
    },
    unavailable(when) {
      outages.push(when);
      return node;
    },
    calls(filter = {}) {
      return requests
        .filter((request) => filter.method === undefined || request.method === filter.method)
        .filter((request) =>
          filter.path === undefined
            ? true
            : typeof filter.path === 'string'
              ? request.path === filter.path
              : filter.path.test(request.path),
        )
        .map((request) => `${request.method} ${request.path}`);
    },
    assertAllHit() {
      const problems = [
        ...routes
          .filter((route) => !route.optional && route.hits === 0)
          .map((route) => `stubbed but never requested: ${route.method} ${route.pattern}`),
        ...unmatched.map((label) => `requested but not stubbed: ${label}`),
      ];
      if (problems.length > 0) throw new Error(`stubNode ${url}:\n  ${problems.join('\n  ')}`);
    },
    client(sleep, clientOptions = {}) {
      return createNodeClient({
        url,
        fetch,
        sleep,
        timeoutMs: clientOptions.timeoutMs ?? 5_000,
        random: () => 1, // the backoff's jitter at its top: pauses of 250, 500, 1000… ms
        ...(clientOptions.retries === undefined ? {} : { retries: clientOptions.retries }),
      });
    },
  };
  return node;
}
