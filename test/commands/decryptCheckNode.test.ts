import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import {
  accountDto,
  accountRoute,
  baseRoutes,
  delegator,
  keyOf,
  NODE_PUBLIC,
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
const good = delegator(0x20);
const poor = delegator(0x30);
const AGGREGATE_HASH = 'AB'.repeat(32);

function routes(unlocked: readonly Uint8Array[] | 'broken' = [good.remote]): Record<string, Route> {
  const embedded = transferEntry({
    signer: good.main,
    message: good.message,
    height: 200n,
    aggregateHash: AGGREGATE_HASH,
    index: 1,
  });
  const aggregate = {
    meta: { height: '200', hash: AGGREGATE_HASH, index: 0 },
    transaction: {
      signerPublicKey: toHex(good.main),
      version: 3,
      network: 152,
      type: 16705,
      transactions: [
        {
          meta: { height: '200', aggregateHash: AGGREGATE_HASH, index: 0 },
          transaction: { signerPublicKey: toHex(good.main), version: 1, network: 152, type: 16716 },
        },
        embedded,
      ],
    },
  };
  return {
    ...baseRoutes(unlocked),
    [`GET /transactions/confirmed/${AGGREGATE_HASH}`]: { body: aggregate },
    [`GET /transactions/confirmed/${'CD'.repeat(32)}`]: {
      body: transferEntry({
        signer: good.main,
        message: concatBytes(good.message.subarray(0, 8), new Uint8Array(4)),
        height: 5n,
        hash: 'CD'.repeat(32),
      }),
    },
    // main accounts
    ...accountRoute(
      good.main,
      accountDto({
        publicKey: good.main,
        links: { remote: good.remote, vrf: good.vrf, node: NODE_PUBLIC },
        balance: 10_000n * XYM,
        importance: 1n,
      }),
    ),
    ...accountRoute(
      poor.main,
      accountDto({
        publicKey: poor.main,
        links: { remote: poor.remote, vrf: poor.vrf, node: NODE_PUBLIC },
        balance: 10_000n * XYM - 1n,
        importance: 1n,
      }),
    ),
    // remote accounts point back to their mains (accountType 2)
    ...accountRoute(
      good.remote,
      accountDto({ publicKey: good.remote, accountType: 2, links: { remote: good.main } }),
    ),
    ...accountRoute(
      poor.remote,
      accountDto({ publicKey: poor.remote, accountType: 2, links: { remote: poor.main } }),
    ),
  };
}

async function serve(table: Record<string, Route>): Promise<RestServer> {
  const server = await startRestServer(table);
  servers.push(server);
  return server;
}

const fast = { sleep: () => Promise.resolve() };

describe('harvest decrypt-check with --node', () => {
  it('checks a --message against chain state, finding the main account through the remote account', async () => {
    const server = await serve(routes());
    const run = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--message', toHex(good.message)],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(0);
    expect(run.json().requests).toEqual([
      expect.objectContaining({
        ok: true,
        mainPublicKey: toHex(good.main),
        remotePublicKey: toHex(good.remote),
        verdict: 'ACCEPTABLE',
        reasons: [],
        unlocked: true,
      }),
    ]);
  });

  it('checks every record of harvesters.dat; a balance below the minimum rejects, the file order decides SUPERSEDED', async () => {
    const server = await serve(routes('broken'));
    const harvesters = concatBytes(
      poor.message.subarray(8),
      good.message.subarray(8),
      good.message.subarray(8),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'harvest-')), 'harvesters.dat');
    writeFileSync(path, harvesters);
    const run = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--harvesters', path],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(0);
    const requests = run.json().requests as { verdict: string; reasons: string[]; unlocked: unknown }[];
    expect(requests.map(({ verdict, reasons, unlocked }) => ({ verdict, reasons, unlocked }))).toEqual([
      { verdict: 'REJECTED', reasons: ['BALANCE_OUT_OF_RANGE'], unlocked: null },
      { verdict: 'ACCEPTABLE', reasons: ['SUPERSEDED'], unlocked: null },
      { verdict: 'ACCEPTABLE', reasons: [], unlocked: null },
    ]);
  });

  it('reports an unknown main account when the remote key is not on chain', async () => {
    const server = await serve(routes());
    const stranger = delegator(0x70);
    const run = await runCli(
      [
        'decrypt-check',
        '--json',
        '--node',
        server.url,
        '--node-key',
        '-',
        '--message',
        toHex(stranger.message),
      ],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.json().requests[0]).toMatchObject({
      verdict: 'REJECTED',
      reasons: ['UNKNOWN_MAIN_ACCOUNT'],
      mainPublicKey: null,
      unlocked: false,
    });
  });

  it('reads --tx from the node: a delegation transfer embedded in an aggregate', async () => {
    const server = await serve(routes());
    const run = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--tx', AGGREGATE_HASH],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(0);
    expect(run.json().requests).toEqual([
      expect.objectContaining({
        source: `transaction ${AGGREGATE_HASH} embedded 2`,
        mainPublicKey: toHex(good.main),
        verdict: 'ACCEPTABLE',
        unlocked: true,
      }),
    ]);
  });

  it('turns an unknown --tx hash into TRANSACTION_NOT_FOUND (exit 2)', async () => {
    const server = await serve(routes());
    const run = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--tx', '00'.repeat(32)],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('TRANSACTION_NOT_FOUND');
  });

  it('reports a malformed on-chain request as not ok (exit 4), and --tx needs --node', async () => {
    const server = await serve(routes());
    const bad = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--tx', 'CD'.repeat(32)],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(bad.exitCode).toBe(4);
    expect(bad.json().requests[0]).toMatchObject({
      ok: false,
      verdict: null,
      error: { code: 'INVALID_MESSAGE' },
    });
    const noNode = await runCli(['decrypt-check', '--json', '--node-key', '-', '--tx', 'CD'.repeat(32)], {
      ...fast,
      stdin: NODE_KEY_HEX,
    });
    expect(noNode.exitCode).toBe(2);
    expect(noNode.json().error.code).toBe('INPUT_REQUIRED');
  });

  it('fails with exit 3 when the node is broken', async () => {
    const server = await serve({ 'GET /node/info': { status: 503, body: {} } });
    const run = await runCli(
      ['decrypt-check', '--json', '--node', server.url, '--node-key', '-', '--message', toHex(good.message)],
      { ...fast, stdin: NODE_KEY_HEX },
    );
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toBe('NODE_UNAVAILABLE');
  });
});
