import { afterEach, describe, expect, it } from 'vitest';
import { NodeError } from '../../src/core/errors.js';
import { backoffMs, requestJson, type NodeTransport } from '../../src/node/request.js';
import { closedPortUrl, startRestServer, type RestServer, type Route } from '../helpers/restServer.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Harness {
  readonly transport: NodeTransport;
  readonly server: RestServer;
  readonly sleeps: number[];
}

// Generous per-attempt timeouts: a loaded machine must not turn a quick loopback answer into NODE_TIMEOUT; the
// backoff pauses are recorded, never slept (the Sleep port), and the jitter is pinned at its top (random → 1).
async function harness(routes: Record<string, Route>, retries = 2, timeoutMs = 10_000): Promise<Harness> {
  const server = await startRestServer(routes);
  servers.push(server);
  const sleeps: number[] = [];
  const transport: NodeTransport = {
    url: server.url,
    fetch,
    timeoutMs,
    retries,
    random: () => 1,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  return { transport, server, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe('requestJson against broken nodes', () => {
  it('turns a persistent 500 into NODE_UNAVAILABLE after bounded retries with backoff', async () => {
    const { transport, server, sleeps } = await harness(
      { 'GET /chain/info': { status: 500, body: { code: 'Internal', message: 'db gone' } } },
      8,
    );
    const error = await failure(requestJson(transport, '/chain/info'));
    expect(error.code).toBe('NODE_UNAVAILABLE');
    expect(error.message).toBe('GET /chain/info answered HTTP 500: db gone');
    expect(error.details).toEqual({ url: `${server.url}/chain/info`, status: 500 });
    expect(server.calls).toHaveLength(9);
    expect(sleeps).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
  });

  it('jitters each pause between half and all of its step', () => {
    expect([1, 2, 3, 5, 9].map((attempt) => backoffMs(attempt, () => 0))).toEqual([
      125, 250, 500, 2000, 2000,
    ]);
    expect([1, 2, 3, 5, 9].map((attempt) => backoffMs(attempt, () => 0.5))).toEqual([
      188, 375, 750, 3000, 3000,
    ]);
  });

  it('retries a reset connection as a passing trouble', async () => {
    let calls = 0;
    const { transport, sleeps } = await harness({
      'GET /chain/info': () => (++calls < 3 ? { destroy: true } : { body: { height: '7' } }),
    });
    expect(await requestJson(transport, '/chain/info')).toEqual({ height: '7' });
    expect(sleeps).toEqual([250, 500]);
  });

  it('retries a PUT that timed out when it is idempotent, at most twice', async () => {
    const { transport, server } = await harness({ 'PUT /x': { hang: true } }, 8, 200);
    const error = await failure(requestJson(transport, '/x', { method: 'PUT', body: {}, retry: true }));
    expect(error.code).toBe('NODE_TIMEOUT');
    expect(server.calls).toHaveLength(3);
  });

  it('retries a read after a 503 and returns the 200 that follows', async () => {
    let calls = 0;
    const { transport, sleeps } = await harness({
      'GET /chain/info': () => (++calls === 1 ? { status: 503, text: 'busy' } : { body: { height: '7' } }),
    });
    expect(await requestJson(transport, '/chain/info')).toEqual({ height: '7' });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([250]);
  });

  it('never retries a PUT unless told', async () => {
    const { transport, server } = await harness({ 'PUT /x': { status: 503, body: {} } });
    await failure(requestJson(transport, '/x', { method: 'PUT', body: {} }));
    expect(server.calls).toHaveLength(1);
    await failure(requestJson(transport, '/x', { method: 'PUT', body: {}, retry: true }));
    expect(server.calls).toHaveLength(4);
  });

  it('does not retry a 4xx, and reports it with the status', async () => {
    const { transport, server } = await harness({
      'GET /accounts/X': {
        status: 409,
        body: { code: 'InvalidArgument', message: 'accountId has an invalid format' },
      },
    });
    const error = await failure(requestJson(transport, '/accounts/X'));
    expect(error).toMatchObject({ code: 'NODE_BAD_RESPONSE', details: { status: 409 } });
    expect(server.calls).toHaveLength(1);
  });

  it('turns a body that is not JSON into NODE_BAD_RESPONSE', async () => {
    const { transport } = await harness({ 'GET /node/info': { text: '<html>welcome to nginx</html>' } });
    const error = await failure(requestJson(transport, '/node/info'));
    expect(error.code).toBe('NODE_BAD_RESPONSE');
    expect(error.message).toContain('not JSON');
  });

  it('bounds a hang by the timeout (NODE_TIMEOUT) and does not retry a read', async () => {
    const { transport, server } = await harness({ 'GET /node/info': { hang: true } }, 8, 200);
    const error = await failure(requestJson(transport, '/node/info'));
    expect(error.code).toBe('NODE_TIMEOUT');
    expect(error.message).toContain('within 0.2 s');
    expect(server.calls).toHaveLength(1);
  });

  it('turns a closed port into NODE_UNAVAILABLE after two retries only (nothing listens there)', async () => {
    const url = await closedPortUrl();
    const sleeps: number[] = [];
    const error = await failure(
      requestJson(
        {
          url,
          fetch,
          timeoutMs: 10_000,
          retries: 8,
          random: () => 1,
          sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        },
        '/node/info',
      ),
    );
    expect(error.code).toBe('NODE_UNAVAILABLE');
    expect(error.message).toBe(`cannot reach ${url}/node/info (ECONNREFUSED)`);
    expect(sleeps).toEqual([250, 500]);
  });

  it('returns undefined for a 404 only when asked', async () => {
    const { transport } = await harness({});
    expect(await requestJson(transport, '/accounts/A', { notFoundAsUndefined: true })).toBeUndefined();
    expect((await failure(requestJson(transport, '/accounts/A'))).details).toMatchObject({ status: 404 });
  });
});
