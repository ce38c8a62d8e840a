import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import type { ChainRequestReport } from '../../src/contract/requests.js';
import { watchDelegationRequests } from '../../src/flows/watchDelegationRequests.js';
import { createNodeClient } from '../../src/node/createNodeClient.js';
import {
  accountDto,
  accountRoute,
  baseRoutes,
  delegator,
  NODE_PRIVATE,
  NODE_PUBLIC,
  transferEntry,
} from '../helpers/delegationChain.js';
import { startRestServer, type RestServer } from '../helpers/restServer.js';
import { virtualTime } from '../helpers/virtualTime.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const XYM = 1_000_000n;
const BLOCK_MS = 30_000; // the fixture's blockGenerationTargetTime
const old = delegator(0x20);
const newcomer = delegator(0x70);

/** A stub gateway whose chain grows by hand; /transactions/confirmed honours fromHeight, toHeight and paging. */
async function growingChain() {
  const chain = {
    height: 40n,
    entries: Array.from({ length: 25 }, (_, index) =>
      transferEntry({
        signer: old.main,
        message: old.message,
        height: BigInt(index + 1),
        hash: index.toString(16).padStart(2, '0').repeat(32).toUpperCase(),
      }),
    ),
    searches: [] as { fromHeight: string | null; toHeight: string | null; pageNumber: string | null }[],
  };
  const account = (main: Uint8Array, remote: Uint8Array, vrf: Uint8Array) =>
    accountRoute(
      main,
      accountDto({
        publicKey: main,
        links: { remote, vrf, node: NODE_PUBLIC },
        balance: 20_000n * XYM,
        importance: 5n,
      }),
    );
  const server = await startRestServer({
    ...baseRoutes([old.remote]),
    'GET /chain/info': () => ({ body: { height: chain.height.toString(), scoreHigh: '0', scoreLow: '1' } }),
    'GET /transactions/confirmed': (request) => {
      const query = request.query;
      chain.searches.push({
        fromHeight: query.get('fromHeight'),
        toHeight: query.get('toHeight'),
        pageNumber: query.get('pageNumber'),
      });
      const from = BigInt(query.get('fromHeight') ?? '0');
      const to = BigInt(query.get('toHeight') ?? String(Number.MAX_SAFE_INTEGER));
      const page = Number(query.get('pageNumber'));
      const size = Number(query.get('pageSize'));
      const inRange = chain.entries.filter((entry) => {
        const height = BigInt((entry['meta'] as { height: string }).height);
        return height >= from && height <= to;
      });
      return {
        body: {
          data: inRange.slice((page - 1) * size, page * size),
          pagination: { pageNumber: page, pageSize: size },
        },
      };
    },
    ...account(old.main, old.remote, old.vrf),
    ...account(newcomer.main, newcomer.remote, newcomer.vrf),
  });
  servers.push(server);
  return { chain, server };
}

describe('watchDelegationRequests', () => {
  it('scans the history once, then searches only the blocks added since the last search', async () => {
    const { chain, server } = await growingChain();
    const time = virtualTime();
    let blocks = 0;
    // each block time: one block, none after the 4th wait (the chain stalls), the newcomer's request in block 43
    const sleep = async (ms: number, signal?: AbortSignal) => {
      await time.sleep(ms, signal);
      blocks += 1;
      if (blocks === 4) return;
      chain.height += 1n;
      if (chain.height === 43n)
        chain.entries.push(
          transferEntry({
            signer: newcomer.main,
            message: newcomer.message,
            height: 43n,
            hash: 'AB'.repeat(32),
          }),
        );
    };
    const client = createNodeClient({ url: server.url, fetch, timeoutMs: 1000, sleep: time.sleep });
    const noted: ChainRequestReport[] = [];
    const result = await watchDelegationRequests(client, {
      nodePrivateKey: NODE_PRIVATE,
      expectedNetwork: undefined,
      showSecrets: false,
      pageSize: 10,
      timeoutMs: 6 * BLOCK_MS,
      stopped: new Promise(() => undefined),
      now: time.now,
      sleep,
      onNew: (report) => noted.push(report),
    });

    // the first scan pages through the history up to the height read first; then one page per new block, from
    // the block after the last one searched; no search at all while the chain does not grow
    expect(chain.searches).toEqual([
      { fromHeight: null, toHeight: '40', pageNumber: '1' },
      { fromHeight: null, toHeight: '40', pageNumber: '2' },
      { fromHeight: null, toHeight: '40', pageNumber: '3' },
      { fromHeight: '41', toHeight: '41', pageNumber: '1' },
      { fromHeight: '42', toHeight: '42', pageNumber: '1' },
      { fromHeight: '43', toHeight: '43', pageNumber: '1' },
      { fromHeight: '44', toHeight: '44', pageNumber: '1' },
      { fromHeight: '45', toHeight: '45', pageNumber: '1' },
    ]);
    expect(noted).toHaveLength(26);
    expect(noted.at(-1)).toMatchObject({ height: 43n, verdict: 'ACCEPTABLE', reasons: [] });
    expect(toHex(noted.at(-1)!.remotePublicKey!)).toBe(toHex(newcomer.remote));

    // verdicts are re-checked from account reads: the old requester's account at the first scan and at the end only
    const oldAccountReads = server.calls.filter((call) => call === `GET /accounts/${toHex(old.main)}`);
    expect(oldAccountReads).toHaveLength(2);

    // the old requests all carry the same linked keys: acceptable, all but the newest superseded, listed by the node
    expect(result.summary).toMatchObject({ total: 26, ok: 26, acceptable: 26, superseded: 24, unlocked: 25 });
    expect(result.requests.map((report) => report.index)).toEqual(Array.from({ length: 26 }, (_, i) => i));
    expect(result.requests.at(-1)).toMatchObject({ height: 43n, verdict: 'ACCEPTABLE', unlocked: false });
  });

  it('returns at the stop signal with every known request checked again', async () => {
    const { chain, server } = await growingChain();
    const time = virtualTime();
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const sleep = async (ms: number, signal?: AbortSignal) => {
      chain.height += 1n;
      stop();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await time.sleep(ms, signal);
    };
    const client = createNodeClient({ url: server.url, fetch, timeoutMs: 1000, sleep: time.sleep });
    const result = await watchDelegationRequests(client, {
      nodePrivateKey: NODE_PRIVATE,
      expectedNetwork: undefined,
      showSecrets: false,
      timeoutMs: Number.POSITIVE_INFINITY,
      stopped,
      now: time.now,
      sleep,
      onNew: () => undefined,
    });
    expect(result.summary.total).toBe(25);
    expect(chain.searches).toHaveLength(1);
  });
});
