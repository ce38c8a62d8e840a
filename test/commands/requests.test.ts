import { afterEach, describe, expect, it } from 'vitest';
import { encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import {
  accountDto,
  accountRoute,
  baseRoutes,
  delegator,
  keyOf,
  NODE_ADDRESS,
  NODE_PUBLIC,
  OTHER_NODE_PUBLIC,
  searchRoute,
  transferEntry,
} from '../helpers/delegationChain.js';
import { startRestServer, type RestServer, type Route } from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const XYM = 1_000_000n;
const NODE_KEY_HEX = toHex(keyOf(0x11));

// A: good (newest request) plus an older request from A (superseded, its keys no longer linked)
const good = delegator(0x20);
const stale = delegator(0x23); // keys of A's older request, sealed for the node but signed by A
const wrongRemote = delegator(0x30); // B: remote link mismatch and zero importance
const unknown = delegator(0x40); // C: not on chain
const wrongNode = delegator(0x50); // D: vrf mismatch, linked to another node, balance too low
const otherNode = delegator(0x60, OTHER_NODE_PUBLIC); // sealed for another node: does not open

/** A's account: linked to the keys of its newest request (good), eligible. */
function goodAccount(): Record<string, Route> {
  return accountRoute(
    good.main,
    accountDto({
      publicKey: good.main,
      links: { remote: good.remote, vrf: good.vrf, node: NODE_PUBLIC },
      balance: 20_000n * XYM,
      importance: 5n,
    }),
  );
}

function chainRoutes(unlocked: readonly Uint8Array[] | 'broken' = [good.remote]): Record<string, Route> {
  const entries = [
    transferEntry({ signer: good.main, message: stale.message, height: 100n, hash: 'A1'.repeat(32) }),
    transferEntry({
      signer: wrongRemote.main,
      message: wrongRemote.message,
      height: 110n,
      aggregateHash: 'B2'.repeat(32),
      index: 3,
    }),
    transferEntry({ signer: unknown.main, message: unknown.message, height: 120n, hash: 'C3'.repeat(32) }),
    transferEntry({
      signer: wrongNode.main,
      message: wrongNode.message,
      height: 130n,
      hash: 'D4'.repeat(32),
    }),
    transferEntry({
      signer: otherNode.main,
      message: otherNode.message,
      height: 140n,
      hash: 'E5'.repeat(32),
    }),
    transferEntry({ signer: good.main, message: good.message, height: 150n, hash: 'F6'.repeat(32) }),
  ];
  return {
    ...baseRoutes(unlocked),
    ...searchRoute(entries),
    ...goodAccount(),
    ...accountRoute(
      wrongRemote.main,
      accountDto({
        publicKey: wrongRemote.main,
        links: { remote: good.remote, vrf: wrongRemote.vrf, node: NODE_PUBLIC },
        balance: 20_000n * XYM,
        importance: 0n,
      }),
    ),
    ...accountRoute(
      wrongNode.main,
      accountDto({
        publicKey: wrongNode.main,
        links: { remote: wrongNode.remote, vrf: good.vrf, node: OTHER_NODE_PUBLIC },
        balance: 5_000n * XYM,
        importance: 9n,
      }),
    ),
  };
}

async function serve(routes: Record<string, Route>): Promise<RestServer> {
  const server = await startRestServer(routes);
  servers.push(server);
  return server;
}

const fast = { sleep: () => Promise.resolve() };

describe('harvest requests', () => {
  it('finds, opens and checks every request sent to the node, with the node rules', async () => {
    const server = await serve(chainRoutes());
    const run = await runCli(
      ['requests', '--json', '--node', server.url, '--network', 'testnet', '--node-key', '-'],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result.nodePublicKey).toBe(toHex(NODE_PUBLIC));
    expect(result.nodeAddress).toBe(encodeAddress(NODE_ADDRESS));
    expect(server.calls).toContain(
      `GET /transactions/confirmed?recipientAddress=${encodeAddress(NODE_ADDRESS)}&type=16724&embedded=true&pageSize=100&pageNumber=1&order=asc`,
    );
    const brief = result.requests.map((r: Record<string, unknown>) => ({
      hash: r['hash'],
      height: r['height'],
      ok: r['ok'],
      verdict: r['verdict'],
      reasons: r['reasons'],
      unlocked: r['unlocked'],
      mainPublicKey: r['mainPublicKey'],
    }));
    expect(brief).toEqual([
      {
        hash: 'A1'.repeat(32),
        height: '100',
        ok: true,
        verdict: 'REJECTED',
        reasons: ['REMOTE_KEY_MISMATCH', 'VRF_KEY_MISMATCH', 'SUPERSEDED'],
        unlocked: false,
        mainPublicKey: toHex(good.main),
      },
      {
        hash: 'B2'.repeat(32),
        height: '110',
        ok: true,
        verdict: 'REJECTED',
        reasons: ['REMOTE_KEY_MISMATCH', 'ZERO_IMPORTANCE'],
        unlocked: false,
        mainPublicKey: toHex(wrongRemote.main),
      },
      {
        hash: 'C3'.repeat(32),
        height: '120',
        ok: true,
        verdict: 'REJECTED',
        reasons: ['UNKNOWN_MAIN_ACCOUNT'],
        unlocked: false,
        mainPublicKey: toHex(unknown.main),
      },
      {
        hash: 'D4'.repeat(32),
        height: '130',
        ok: true,
        verdict: 'REJECTED',
        reasons: ['VRF_KEY_MISMATCH', 'NODE_KEY_MISMATCH', 'BALANCE_OUT_OF_RANGE'],
        unlocked: false,
        mainPublicKey: toHex(wrongNode.main),
      },
      {
        hash: 'E5'.repeat(32),
        height: '140',
        ok: false,
        verdict: null,
        reasons: [],
        unlocked: null,
        mainPublicKey: toHex(otherNode.main),
      },
      {
        hash: 'F6'.repeat(32),
        height: '150',
        ok: true,
        verdict: 'ACCEPTABLE',
        reasons: [],
        unlocked: true,
        mainPublicKey: toHex(good.main),
      },
    ]);
    expect(result.requests[5].remotePublicKey).toBe(toHex(good.remote));
    expect(result.requests[5].remotePrivateKey).toBeUndefined();
    expect(result.requests[4].error.code).toBe('DECRYPT_FAILED');
    expect(result.summary).toEqual({
      total: 6,
      ok: 5,
      failed: 1,
      acceptable: 1,
      rejected: 4,
      superseded: 1,
      unlocked: 1,
    });
  });

  it('pages through the search until a short page', async () => {
    const server = await serve(chainRoutes());
    const { scanDelegationRequests } = await import('../../src/flows/scanDelegationRequests.js');
    const { createNodeClient } = await import('../../src/node/createNodeClient.js');
    const client = createNodeClient({
      url: server.url,
      fetch,
      timeoutMs: 1000,
      sleep: () => Promise.resolve(),
    });
    const result = await scanDelegationRequests(client, {
      nodePrivateKey: keyOf(0x11),
      expectedNetwork: undefined,
      showSecrets: false,
      pageSize: 4,
    });
    expect(result.summary.total).toBe(6);
    expect(result.network).toBe('testnet');
    expect(server.calls.filter((call) => call.startsWith('GET /transactions/confirmed'))).toHaveLength(2);
  });

  it('a request that does not open cannot fail the run: its account, read early, may be unreadable (review)', async () => {
    const entries = [
      transferEntry({
        signer: otherNode.main,
        message: otherNode.message,
        height: 140n,
        hash: 'E5'.repeat(32),
      }),
      transferEntry({ signer: good.main, message: good.message, height: 150n, hash: 'F6'.repeat(32) }),
    ];
    const server = await serve({
      ...baseRoutes([good.remote]),
      ...searchRoute(entries),
      ...goodAccount(),
      [`GET /accounts/${toHex(otherNode.main)}`]: { status: 500, body: {} },
    });
    const run = await runCli(['requests', '--json', '--node', server.url, '--node-key', '-'], {
      ...fast,
      stdin: NODE_KEY_HEX,
    });
    expect(run.exitCode).toBe(0);
    const requests = run.json().requests as { ok: boolean; verdict: string | null }[];
    expect(requests.map((request) => [request.ok, request.verdict])).toEqual([
      [false, null],
      [true, 'ACCEPTABLE'],
    ]);
  });

  it('says unlocked is unknown when /node/unlockedaccount fails', async () => {
    const server = await serve(chainRoutes('broken'));
    const run = await runCli(['requests', '--json', '--node', server.url, '--node-key', '-'], {
      ...fast,
      stdin: NODE_KEY_HEX,
    });
    expect(run.exitCode).toBe(0);
    expect(run.json().requests.every((r: { unlocked: unknown }) => r.unlocked === null)).toBe(true);
    expect(run.json().summary.unlocked).toBeNull();
  });

  it('prints a readable summary', async () => {
    const server = await serve(chainRoutes());
    const run = await runCli(['requests', '--node', server.url, '--node-key', '-'], {
      ...fast,
      stdin: NODE_KEY_HEX,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      '6 requests: 1 acceptable, 4 rejected, 1 not readable, 1 superseded, 1 unlocked',
    );
    expect(run.stdout).toContain('UNKNOWN_MAIN_ACCOUNT');
  });

  it('refuses the wrong network and needs a node key and a node', async () => {
    const server = await serve(chainRoutes());
    const wrong = await runCli(
      ['requests', '--json', '--network', 'mainnet', '--node', server.url, '--node-key', '-'],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(wrong.exitCode).toBe(2);
    expect(wrong.json().error.code).toBe('WRONG_NETWORK');
    const noKey = await runCli(['requests', '--json', '--node', server.url], fast);
    expect(noKey.json().error.code).toBe('INPUT_REQUIRED');
    const noNode = await runCli(['requests', '--json', '--node-key', '-'], { ...fast, stdin: NODE_KEY_HEX });
    expect(noNode.exitCode).toBe(2);
    expect(noNode.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringContaining('--node'),
    });
  });
});
