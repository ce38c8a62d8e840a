/**
 * `harvest nodes` and `delegate --node auto` against recorded nodewatch and gateway shapes, each served by a real
 * loopback stub server: the ranking, each exclusion with its reason, and bad directories and flags.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { parsePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import {
  closedPortUrl,
  restFixture,
  startRestServer,
  type RestServer,
  type Route,
} from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(routes: Record<string, Route>): Promise<RestServer> {
  const server = await startRestServer(routes);
  servers.push(server);
  return server;
}

const fast = { sleep: () => Promise.resolve() };
const MAIN = '87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8';
const ACCOUNT_ADDRESS = encodeAddress(deriveAddress(parsePublicKey(MAIN), 104));
const nodeInfo = restFixture<Record<string, unknown>>('nodeInfo.mainnet');
const directoryShapes = JSON.parse(
  readFileSync(new URL('../fixtures/nodewatch/nodes.peer.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];

/** A key made of one repeated byte pair (only its text matters to the stub). */
const key = (byte: number) => byte.toString(16).padStart(2, '0').toUpperCase().repeat(32);

/** A gateway whose /node/unlockedaccount lists `delegates` remote keys, each behind a main of `importance`. */
function gateway(
  info: Record<string, unknown>,
  delegates: number,
  importance: bigint,
  seed: number,
): Record<string, Route> {
  const routes: Record<string, Route> = {
    'GET /node/info': { body: info },
    'GET /chain/info': { body: restFixture('chainInfo') },
    'GET /accounts/*': { body: restFixture('account.mainnet') }, // the account placed: importance 123456789
  };
  const remotes = Array.from({ length: delegates }, (_, index) => key(seed + 2 * index));
  routes['GET /node/unlockedaccount'] = { body: { unlockedAccount: remotes } };
  remotes.forEach((remote, index) => {
    const main = key(seed + 2 * index + 1);
    const account = restFixture<{ account: Record<string, unknown> }>('account.mainnet').account;
    routes[`GET /accounts/${remote}`] = {
      body: {
        account: {
          ...account,
          publicKey: remote,
          accountType: 2,
          supplementalPublicKeys: { linked: { publicKey: main } },
        },
      },
    };
    routes[`GET /accounts/${main}`] = {
      body: { account: { ...account, publicKey: main, importance: importance.toString() } },
    };
  });
  return routes;
}

/** The recorded directory with each entry's endpoint pointed at a stub (or a closed port). */
async function world() {
  const free = await serve(gateway(nodeInfo, 1, 1n, 0x10));
  const noKey = await serve(gateway({ ...nodeInfo, nodePublicKey: undefined }, 0, 0n, 0x20));
  const testnet = await serve(
    gateway(
      { ...nodeInfo, networkIdentifier: 152, networkGenerationHashSeed: toHex(TESTNET.generationHashSeed) },
      0,
      0n,
      0x30,
    ),
  );
  const fullStrong = await serve(gateway(nodeInfo, 5, 10n ** 15n, 0x40));
  const fullWeak = await serve(gateway(nodeInfo, 5, 1000n, 0x60));
  const lagging = await serve(gateway(nodeInfo, 0, 0n, 0x80));
  const gone = await closedPortUrl();
  const urls = [free.url, noKey.url, testnet.url, fullStrong.url, fullWeak.url, lagging.url, gone];
  const entries = directoryShapes.map((entry, index) => ({
    ...entry,
    endpoint: urls[index] ?? entry['endpoint'],
  }));
  const directory = await serve({ 'GET /api/symbol/nodes/peer': { body: entries } });
  return { directory, free, noKey, testnet, fullStrong, fullWeak, lagging, gone };
}

describe('harvest nodes (recorded nodewatch and gateway shapes)', () => {
  it('ranks the usable nodes and gives each excluded one its reason', async () => {
    const w = await world();
    const run = await runCli(
      ['nodes', '--json', '--nodewatch', w.directory.url, '--address', ACCOUNT_ADDRESS],
      fast,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const listing = (url: string, name: string, fields: Record<string, unknown>) => ({
      url,
      name,
      nodePublicKey: nodeInfo['nodePublicKey'],
      usable: false,
      reasons: [],
      unlockedAccounts: 0,
      lowestDelegateImportance: null,
      latencyMs: expect.any(Number),
      rank: null,
      ...fields,
    });
    expect(run.json()).toEqual({
      nodes: [
        listing(w.free.url, 'Free node', {
          usable: true,
          unlockedAccounts: 1,
          lowestDelegateImportance: '1',
          rank: 1,
        }),
        listing(w.fullWeak.url, 'Full of minnows', {
          usable: true,
          unlockedAccounts: 5,
          lowestDelegateImportance: '1000',
          rank: 2,
        }),
        listing(w.noKey.url, 'No transport key', { nodePublicKey: null, reasons: ['NO_TRANSPORT_KEY'] }),
        listing(w.testnet.url, 'Testnet node listed by mistake', { reasons: ['WRONG_NETWORK'] }),
        listing(w.fullStrong.url, 'Full of whales', {
          reasons: ['FULL_AND_STRONGER'],
          unlockedAccounts: 5,
          lowestDelegateImportance: (10n ** 15n).toString(),
        }),
        listing(w.lagging.url, 'Lagging', { reasons: ['UNHEALTHY'] }),
        listing(w.gone, 'Gone', {
          nodePublicKey: null,
          reasons: ['UNREACHABLE'],
          unlockedAccounts: null,
          latencyMs: null,
        }),
      ],
    });
    // the JSON contract: exactly these fields
    expect(Object.keys(run.json().nodes[0])).toEqual([
      'url',
      'name',
      'nodePublicKey',
      'usable',
      'reasons',
      'unlockedAccounts',
      'lowestDelegateImportance',
      'latencyMs',
      'rank',
    ]);
  });

  it('without --address a full node stays usable (the comparison cannot be made), after the free ones', async () => {
    const w = await world();
    const run = await runCli(['nodes', '--json', '--nodewatch', w.directory.url], fast);
    const usable = run.json().nodes.filter((node: { usable: boolean }) => node.usable);
    expect(usable.map((node: { rank: number }) => node.rank)).toEqual([1, 2, 3]);
    expect(usable[0].url).toBe(w.free.url);
    expect(
      usable
        .slice(1)
        .map((node: { url: string }) => node.url)
        .sort(),
    ).toEqual([w.fullStrong.url, w.fullWeak.url].sort());
  });

  it('shows a table on a terminal', async () => {
    const w = await world();
    const run = await runCli(['nodes', '--nodewatch', w.directory.url, '--address', ACCOUNT_ADDRESS], fast);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^rank\s+url\s+name\s+unlocked\s+lowest importance\s+latency\s+ssl\s+reasons/);
    expect(run.stdout).toContain('FULL_AND_STRONGER');
    expect(run.stdout).toContain(`2 of 7 candidates usable; best: ${w.free.url}`);
  });

  it('--node alone probes those nodes, and no directory', async () => {
    const w = await world();
    const run = await runCli(['nodes', '--json', '--node', w.noKey.url, '--node', w.free.url], fast);
    expect(
      run.json().nodes.map((node: { url: string; reasons: string[] }) => [node.url, node.reasons]),
    ).toEqual([
      [w.free.url, []],
      [w.noKey.url, ['NO_TRANSPORT_KEY']],
    ]);
    expect(w.directory.calls).toEqual([]);
  });
});

describe('harvest nodes: a light REST peer node', () => {
  it('is probed with the four light endpoints; full with its delegates unknown, it ranks after a node with room', async () => {
    const light = await serve({
      'GET /node/info': { body: nodeInfo },
      'GET /chain/info': { body: restFixture('chainInfo') },
      'GET /node/unlockedaccount': { body: { unlockedAccount: [key(1), key(2), key(3), key(4), key(5)] } },
      'GET /node/server': { body: restFixture('nodeServer') },
    });
    const full = await serve(gateway(nodeInfo, 1, 1n, 0x10));
    const run = await runCli(
      ['nodes', '--json', '--node', light.url, '--node', full.url, '--address', ACCOUNT_ADDRESS],
      fast,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(
      run
        .json()
        .nodes.map((node: Record<string, unknown>) => [
          node['url'],
          node['rank'],
          node['unlockedAccounts'],
          node['lowestDelegateImportance'],
        ]),
    ).toEqual([
      [full.url, 1, 1, '1'],
      [light.url, 2, 5, null],
    ]);
    // the light node was asked for the delegates' accounts (404 there), never for anything else
    expect(
      light.calls.filter(
        (call) => !/^GET \/(node\/info|chain\/info|node\/unlockedaccount|accounts\/)/.test(call),
      ),
    ).toEqual([]);
  });
});

describe('harvest nodes: bad directories and flags', () => {
  it('a directory answering HTML is NODE_BAD_RESPONSE (exit 3) naming its URL', async () => {
    const html = await serve({
      'GET /api/symbol/nodes/peer': { text: '<!doctype html><html><body>hi</body></html>' },
    });
    const run = await runCli(['nodes', '--json', '--nodewatch', html.url], fast);
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toBe('NODE_BAD_RESPONSE');
    expect(run.json().error.message).toContain(html.url);
  });

  it('a directory answering JSON that is not a list, or entries of the wrong shape, is NODE_BAD_RESPONSE', async () => {
    for (const body of [
      { nodes: [] },
      [{ endpoint: 42 }],
      'peer',
      [{ endpoint: 'http://a:3000', nodePublicKey: 'zz' }],
    ]) {
      const odd = await serve({ 'GET /api/symbol/nodes/peer': { body } });
      const run = await runCli(['nodes', '--json', '--nodewatch', odd.url], fast);
      expect(run.exitCode).toBe(3);
      expect(run.json().error.code).toBe('NODE_BAD_RESPONSE');
      expect(run.json().error.message).toContain(odd.url);
    }
  });

  it('one odd entry among good ones is left out, not the whole directory', async () => {
    const odd = await serve({
      'GET /api/symbol/nodes/peer': {
        body: [
          { endpoint: 'http://127.0.0.1:9', nodePublicKey: '' },
          { endpoint: 'http://127.0.0.1:10', name: 42 },
          { endpoint: 'http://127.0.0.1:11', name: 'fine' },
        ],
      },
    });
    const run = await runCli(['nodes', '--json', '--nodewatch', odd.url], fast);
    expect(run.json().nodes.map((node: { url: string }) => node.url)).toEqual(['http://127.0.0.1:11']);
  });

  it('an unreachable directory is NODE_UNAVAILABLE (exit 3) naming its URL; no stack trace', async () => {
    const dead = await closedPortUrl();
    const run = await runCli(['nodes', '--nodewatch', dead], fast);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(dead);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['--nodewatch', 'not a url']],
    [['--nodewatch', 'ftp://example.com']],
    [['--max-unlocked-accounts', 'many']],
    [['--max-unlocked-accounts', '-1']],
    [['--probe-timeout', '0']],
    [['--probe-timeout', '1e3']],
    [['--address', 'NOTANADDRESS']],
  ])('garbage %j is exit 2', async (flags) => {
    const run = await runCli(['nodes', '--json', '--node', 'http://127.0.0.1:9', ...flags], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toMatch(/^INVALID_/);
  });

  it('HARVEST_NODEWATCH is read when --nodewatch is not given; an empty directory is an empty list', async () => {
    const empty = await serve({ 'GET /api/symbol/nodes/peer': { body: [] } });
    const run = await runCli(['nodes', '--json'], { ...fast, env: { HARVEST_NODEWATCH: empty.url } });
    expect(run.exitCode).toBe(0);
    expect(run.json()).toEqual({ nodes: [] });
    expect(empty.calls).toEqual(['GET /api/symbol/nodes/peer?limit=0']);
  });

  it('an --address of another network than the candidates is WRONG_NETWORK (exit 2)', async () => {
    const node = await serve(gateway(nodeInfo, 0, 0n, 0x10));
    const testnetAddress = encodeAddress(deriveAddress(parsePublicKey(MAIN), 152));
    const run = await runCli(['nodes', '--json', '--node', node.url, '--address', testnetAddress], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('WRONG_NETWORK');
  });

  it('--node auto on a command that cannot choose is INVALID_INPUT', async () => {
    const run = await runCli(['status', '--json', '--node', 'auto', '--address', ACCOUNT_ADDRESS], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_INPUT');
  });
});

describe('delegate --node auto (stub nodes)', () => {
  const env = { HARVEST_PRIVATE_KEY: '11'.repeat(32), HARVEST_PASSWORD: 'x' };

  it('no usable candidate is NO_USABLE_NODE (exit 3) with each reason, before any password or prompt', async () => {
    const w = await world();
    const run = await runCli(
      ['delegate', '--json', '--node', 'auto', '--node', w.noKey.url, '--node', w.testnet.url, '--yes'],
      { ...fast, env },
    );
    expect(run.exitCode).toBe(3);
    const error = run.json().error;
    expect(error.code).toBe('NO_USABLE_NODE');
    expect(error.message).toContain('NO_TRANSPORT_KEY');
    expect(error.details.nodes).toHaveLength(2);
    expect(w.noKey.calls.some((call) => call.startsWith('PUT'))).toBe(false);
  });

  it('--node auto with --delegate-to is INVALID_INPUT', async () => {
    const run = await runCli(
      ['delegate', '--json', '--node', 'auto', '--delegate-to', 'http://127.0.0.1:9', '--yes'],
      { ...fast, env },
    );
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_INPUT');
  });
});
