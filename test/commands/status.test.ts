/**
 * `harvest status` end to end in-process: the embedded devnet over real HTTP on 127.0.0.1 (transactions signed by
 * symbol-sdk only), stub servers for broken nodes, and garbage input.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { parseHex } from '../../src/core/bytes.js';
import { serializeKeystore } from '../../src/core/keystore/keystoreFormat.js';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  randomKeyPair,
  transfer,
} from '../devnet/sdkClient.js';
import {
  closedPortUrl,
  restFixture,
  startRestServer,
  type RestServer,
  type Route,
} from '../helpers/restServer.js';
import { noPrompts, runCli } from '../helpers/runCli.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const fast = { sleep: () => Promise.resolve() };

async function devnetAndHome(options: { nodes?: number } = {}) {
  const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, ...options });
  const home = mkdtempSync(join(tmpdir(), 'harvest-status-cli-'));
  cleanups.push(
    () => devnet.close(),
    () => rmSync(home, { recursive: true, force: true }),
  );
  return { devnet, home, facade: facadeOf(devnet) };
}

async function serve(routes: Record<string, Route>): Promise<RestServer> {
  const server = await startRestServer(routes);
  cleanups.push(() => server.close());
  return server;
}

async function delegate(devnet: Devnet, index: number, nodePublicKey = devnet.descriptor.nodePublicKey) {
  const facade = facadeOf(devnet);
  const remote = randomKeyPair();
  const signed = delegationAggregate(
    facade,
    fundedKeyPair(devnet, index),
    nodePublicKey,
    remote,
    randomKeyPair(),
  );
  expect((await announce(devnet.url, signed.body)).status).toBe(202);
  devnet.mineBlock();
  return remote;
}

function writeKeystoreNode(home: string, mainAddress: string, url: string, nodePublicKey: string) {
  mkdirSync(join(home, 'keystore'), { recursive: true });
  writeFileSync(
    join(home, 'keystore', `${mainAddress}.json`),
    serializeKeystore({
      mainAddress,
      networkIdentifier: 152,
      kdf: { n: 16, r: 1, p: 1, salt: new Uint8Array(32), check: new Uint8Array(44) },
      keys: [],
      journal: [],
      node: { url, publicKey: parseHex(nodePublicKey, { name: 'node key', length: 32 }) },
    }),
  );
}

describe('harvest status on the devnet', () => {
  it('prints the --json contract for a fresh funded account: INACTIVE, exit 0', async () => {
    const { devnet, home } = await devnetAndHome();
    const account = devnet.descriptor.accounts[0]!;
    const run = await runCli([
      'status',
      '--json',
      '--node',
      devnet.url,
      '--home',
      home,
      '--address',
      account.address,
    ]);
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(Object.keys(result).sort()).toEqual(
      [
        'balance',
        'importance',
        'linkedNodeUrl',
        'links',
        'mainAddress',
        'nextImportanceRecalculation',
        'nodeUrl',
        'reasons',
        'state',
        'unlocked',
      ].sort(),
    );
    expect(result).toMatchObject({
      state: 'INACTIVE',
      reasons: [],
      mainAddress: account.address,
      links: { remote: null, vrf: null, node: null },
      balance: account.balance,
      importance: expect.stringMatching(/^[1-9]\d*$/),
      unlocked: null,
      nodeUrl: devnet.url,
      nextImportanceRecalculation: { height: '10', estimatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      linkedNodeUrl: null,
    });
  });

  it('ACTIVE after an SDK wallet-style delegation, from --key-file, and from HARVEST_PRIVATE_KEY without echoing it', async () => {
    const { devnet, home } = await devnetAndHome();
    const remote = await delegate(devnet, 2);
    const keyFile = devnet.descriptor.accounts[2]!.keyFile;
    const byFile = await runCli([
      'status',
      '--json',
      '--node',
      devnet.url,
      '--home',
      home,
      '--key-file',
      keyFile,
    ]);
    expect(byFile.exitCode).toBe(0);
    expect(byFile.json()).toMatchObject({
      state: 'ACTIVE',
      unlocked: true,
      links: { remote: remote.publicKey.toString(), node: devnet.descriptor.nodePublicKey },
      linkedNodeUrl: devnet.url,
    });
    const secret = readFileSync(keyFile, 'utf8').trim();
    const byEnv = await runCli(['status', '--node', devnet.url, '--home', home], {
      env: { HARVEST_PRIVATE_KEY: secret },
    });
    expect(byEnv.exitCode).toBe(0);
    expect(byEnv.stdout.split('\n')[0]).toMatch(/^ACTIVE\b/);
    expect(byEnv.stdout).toContain('unlocked        yes');
    expect((byEnv.stdout + byEnv.stderr).toUpperCase()).not.toContain(secret.toUpperCase());
  });

  it('explains ZERO_IMPORTANCE in plain words with the recalculation block', async () => {
    const { devnet, home, facade } = await devnetAndHome();
    const main = randomKeyPair();
    const address = facade.network.publicKeyToAddress(main.publicKey).toString();
    await announce(devnet.url, transfer(facade, fundedKeyPair(devnet, 0), address, 20_000_000_000n).body);
    devnet.mineBlock();
    const signed = delegationAggregate(
      facade,
      main,
      devnet.descriptor.nodePublicKey,
      randomKeyPair(),
      randomKeyPair(),
    );
    await announce(devnet.url, signed.body);
    devnet.mineBlock();
    const run = await runCli([
      'status',
      '--node',
      devnet.url,
      '--home',
      home,
      '--public-key',
      main.publicKey.toString(),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^KEYS_LINKED\b/);
    expect(run.stdout).toMatch(
      /importance is 0 until block 10 \(in about \d+ (s|min|h|d)\): the node would drop a request now/,
    );
  });

  it('UNKNOWN with LINKED_TO_OTHER_NODE when linked to node 1 and asking node 0 without a keystore', async () => {
    const { devnet, home } = await devnetAndHome({ nodes: 2 });
    await delegate(devnet, 3, devnet.nodes[1]!.nodePublicKey);
    const account = devnet.descriptor.accounts[3]!;
    const run = await runCli([
      'status',
      '--json',
      '--node',
      devnet.url,
      '--home',
      home,
      '--address',
      account.address,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      state: 'UNKNOWN',
      reasons: expect.arrayContaining(['LINKED_TO_OTHER_NODE']),
      unlocked: null,
      links: { node: devnet.nodes[1]!.nodePublicKey },
    });
  });

  it('uses the node the keystore remembers when --node is left out', async () => {
    const { devnet, home } = await devnetAndHome({ nodes: 2 });
    const node1 = devnet.nodes[1]!;
    await delegate(devnet, 3, node1.nodePublicKey);
    const account = devnet.descriptor.accounts[3]!;
    writeKeystoreNode(home, account.address, node1.url, node1.nodePublicKey);
    const run = await runCli(['status', '--json', '--home', home, '--public-key', account.publicKey]);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ state: 'ACTIVE', nodeUrl: node1.url, linkedNodeUrl: node1.url });
  });

  it('warns on stderr, once, when the keystore is readable by others (chmod 644), not when it is 0600', async () => {
    const { devnet, home } = await devnetAndHome();
    const account = devnet.descriptor.accounts[5]!;
    writeKeystoreNode(home, account.address, devnet.url, devnet.descriptor.nodePublicKey);
    const path = join(home, 'keystore', `${account.address}.json`);
    chmodSync(path, 0o644);
    const loose = await runCli(['status', '--home', home, '--address', account.address]);
    expect(loose.exitCode).toBe(0);
    const warning = `WARNING: keystore ${path} is readable by others (mode 0644); run: chmod 600 ${path}`;
    expect(loose.stderr.split('\n').filter((line) => line === warning)).toHaveLength(1);
    expect(loose.stdout).not.toContain('WARNING');
    chmodSync(path, 0o600);
    const tight = await runCli(['status', '--home', home, '--address', account.address]);
    expect(tight.exitCode).toBe(0);
    expect(tight.stderr).not.toContain('WARNING');
  });

  it('--watch prints the new status once the state word changes', async () => {
    const { devnet, home } = await devnetAndHome();
    const account = devnet.descriptor.accounts[4]!;
    let delegated = false;
    const run = await runCli(
      ['status', '--json', '--watch', '--node', devnet.url, '--home', home, '--address', account.address],
      {
        // the first wait between polls is when the account delegates (the devnet unlocks at the next block)
        sleep: async () => {
          if (delegated) return;
          delegated = true;
          await delegate(devnet, 4);
        },
      },
    );
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ state: 'ACTIVE', unlocked: true });
  });

  it('--watch gives up after --watch-timeout with the unchanged status, exit 0 and a note', async () => {
    const { devnet, home } = await devnetAndHome();
    let clock = Date.parse('2025-06-01T00:00:00Z');
    const account = devnet.descriptor.accounts[0]!;
    const watched = await runCli(
      [
        'status',
        '--json',
        '--watch',
        '--watch-timeout',
        '3',
        '--node',
        devnet.url,
        '--home',
        home,
        '--address',
        account.address,
      ],
      {
        now: () => new Date(clock),
        sleep: (ms: number) => {
          clock += ms;
          return Promise.resolve();
        },
      },
    );
    expect(watched.exitCode).toBe(0);
    expect(watched.json()).toMatchObject({ state: 'INACTIVE' });
    expect(watched.stderr).toContain('no change within 3 s: still INACTIVE');
  });

  it('--watch on a node that dies: exit 3 with the NODE_* error after --max-failed-polls, never the stale state', async () => {
    const { devnet, home } = await devnetAndHome();
    let clock = Date.parse('2025-06-01T00:00:00Z');
    const account = devnet.descriptor.accounts[0]!;
    let closed = false;
    const watched = await runCli(
      [
        'status',
        '--json',
        '--watch',
        '--max-failed-polls',
        '2',
        '--node',
        devnet.url,
        '--home',
        home,
        '--address',
        account.address,
      ],
      {
        now: () => new Date(clock),
        sleep: async (ms: number) => {
          clock += ms;
          if (!closed) {
            closed = true;
            await devnet.close(); // the node goes away after the first read
          }
        },
      },
    );
    expect(watched.exitCode).toBe(3);
    expect(watched.json().error.code).toMatch(/^NODE_/);
    expect(watched.stdout).not.toContain('INACTIVE');
    expect(watched.stderr).not.toContain('no change');
  });

  it('--watch stopped by SIGINT/SIGTERM: the last status, exit 0, and a note', async () => {
    const { devnet, home } = await devnetAndHome();
    const account = devnet.descriptor.accounts[0]!;
    const controller = new AbortController();
    let sleeps = 0;
    const watched = await runCli(
      ['status', '--json', '--watch', '--node', devnet.url, '--home', home, '--address', account.address],
      {
        interruption: () => controller.signal,
        sleep: (_ms: number, signal?: AbortSignal) => {
          sleeps += 1;
          if (sleeps === 2) controller.abort('SIGINT');
          return signal?.aborted === true ? Promise.reject(new Error('aborted')) : Promise.resolve();
        },
      },
    );
    expect(watched.exitCode).toBe(0);
    expect(watched.json()).toMatchObject({ state: 'INACTIVE' });
    expect(watched.json()).not.toHaveProperty('interrupted');
    expect(watched.stderr).toContain('interrupted: last status INACTIVE');
  });

  it('asks for the address on a terminal', async () => {
    const { devnet, home } = await devnetAndHome();
    const account = devnet.descriptor.accounts[1]!;
    const asked: string[] = [];
    const run = await runCli(['status', '--no-color', '--node', devnet.url, '--home', home], {
      tty: true,
      prompter: {
        ...noPrompts,
        input: (message: string) => {
          asked.push(message);
          return Promise.resolve(account.address);
        },
      },
    });
    expect(run.exitCode).toBe(0);
    expect(asked).toEqual(['account address']);
    expect(run.stdout.split('\n')[0]).toMatch(/^INACTIVE\b/);
  });
});

describe('harvest status input and node failures', () => {
  const NO_HOME = ['--home', join(tmpdir(), 'harvest-status-no-such-home')];
  const address = encodeAddress(deriveAddress(new Uint8Array(32).fill(7), 152));

  it.each([
    ['a bad address', ['--address', 'TAAAA'], 'INVALID_ADDRESS'],
    [
      'an address with a bad checksum',
      ['--address', `${address.slice(0, 38)}${address[38] === 'A' ? 'B' : 'A'}`],
      'INVALID_ADDRESS',
    ],
    ['a bad public key', ['--public-key', 'XYZ'], 'INVALID_KEY'],
    ['two account flags', ['--address', address, '--public-key', '11'.repeat(32)], 'INVALID_INPUT'],
    ['a bad --watch-timeout', ['--address', address, '--watch', '--watch-timeout', 'soon'], 'INVALID_INPUT'],
    ['a missing key file', ['--key-file', '/nonexistent/main.key'], 'INVALID_KEY'],
  ] as const)('refuses %s with exit 2 before any request', async (_name, flags, code) => {
    const server = await serve({});
    const run = await runCli(['status', '--json', '--node', server.url, ...NO_HOME, ...flags], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe(code);
    expect(server.calls).toEqual([]);
  });

  it('refuses an address of another network (WRONG_NETWORK, exit 2)', async () => {
    const { devnet, home } = await devnetAndHome();
    const mainnet = encodeAddress(
      deriveAddress(parseHex(devnet.descriptor.accounts[0]!.publicKey, { name: 'k', length: 32 }), 104),
    );
    const run = await runCli([
      'status',
      '--json',
      '--node',
      devnet.url,
      '--home',
      home,
      '--address',
      mainnet,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('WRONG_NETWORK');
  });

  it('needs an account: INPUT_REQUIRED naming --address without a terminal', async () => {
    const server = await serve({});
    const run = await runCli(['status', '--json', '--node', server.url, ...NO_HOME], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringContaining('--address'),
    });
    expect(server.calls).toEqual([]);
  });

  it('needs a node when neither --node nor the keystore names one (INPUT_REQUIRED)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'harvest-status-cli-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    const run = await runCli(['status', '--json', '--home', home, '--address', address]);
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringContaining('--node'),
    });
  });

  it.each([
    ['a 500', { status: 500, body: { code: 'Internal', message: 'boom' } }, 'NODE_UNAVAILABLE'],
    ['an HTML page', { text: '<html>hello</html>' }, 'NODE_BAD_RESPONSE'],
    ['a hang', { hang: true }, 'NODE_TIMEOUT'],
  ] as const)('turns a node answering %s into exit 3 without a stack', async (_name, reply, code) => {
    const server = await serve({ 'GET /*': reply });
    const run = await runCli(
      ['status', '--json', '--timeout', '0.2', '--node', server.url, ...NO_HOME, '--address', address],
      fast,
    );
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toBe(code);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('turns a dead port into NODE_UNAVAILABLE (exit 3), in human mode too', async () => {
    const url = await closedPortUrl();
    const json = await runCli(['status', '--json', '--node', url, ...NO_HOME, '--address', address], fast);
    expect(json.exitCode).toBe(3);
    expect(json.json().error.code).toBe('NODE_UNAVAILABLE');
    const human = await runCli(['status', '--node', url, ...NO_HOME, '--address', address], fast);
    expect(human.exitCode).toBe(3);
    expect(human.stderr).toContain('cannot reach');
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });

  it('a node whose /node/unlockedaccount fails: NODE_DIAGNOSTICS_UNAVAILABLE, unlocked null, exit 0', async () => {
    const account = restFixture<{ account: { address: string } }>('account.mainnet');
    const server = await serve({
      'GET /node/info': { body: restFixture('nodeInfo.mainnet') },
      'GET /network/properties': { body: restFixture('networkProperties.mainnet') },
      'GET /chain/info': { body: restFixture('chainInfo') },
      'GET /accounts/*': { body: account },
      'GET /transactions/confirmed': { body: { data: [], pagination: { pageNumber: 1, pageSize: 100 } } },
      'GET /node/unlockedaccount': {
        status: 503,
        body: { code: 'ServiceUnavailable', message: 'no diagnostics' },
      },
    });
    const mainAddress = encodeAddress(parseHex(account.account.address, { name: 'address', length: 24 }));
    const run = await runCli(
      [
        'status',
        '--json',
        '--network',
        'mainnet',
        '--node',
        server.url,
        ...NO_HOME,
        '--address',
        mainAddress,
      ],
      fast,
    );
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      state: 'KEYS_LINKED',
      reasons: ['REMOTE_KEY_NOT_IN_KEYSTORE', 'NODE_DIAGNOSTICS_UNAVAILABLE', 'REQUEST_NOT_SENT'],
      unlocked: null,
      balance: '15000000000',
      importance: '123456789',
      linkedNodeUrl: server.url,
      nextImportanceRecalculation: { height: '5270400' },
    });
  });
});

describe('harvest delegate → harvest status agree (our own CLI end to end, devnet making blocks)', () => {
  it('ACTIVE with no reasons after delegate to node 1; found through the keystore with or without --node; KEYS_LINKED after unlink', async () => {
    const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2, nodes: 2 });
    const home = mkdtempSync(join(tmpdir(), 'harvest-status-e2e-'));
    cleanups.push(
      () => devnet.close(),
      () => rmSync(home, { recursive: true, force: true }),
    );
    const node1 = devnet.nodes[1]!;
    const account = devnet.descriptor.accounts[6]!;
    const delegated = await runCli(
      ['delegate', '--json', '--yes', '--home', home, '--node', node1.url, '--key-file', account.keyFile],
      { env: { HARVEST_PASSWORD: 'correct horse battery staple' } },
    );
    expect(delegated.exitCode).toBe(0);
    const result = delegated.json();
    expect(result.state).toBe('ACTIVE');

    // no --node: the keystore remembers node 1; no password is asked (none is in the environment)
    const remembered = await runCli(['status', '--json', '--home', home, '--address', account.address]);
    expect(remembered.exitCode).toBe(0);
    expect(remembered.json()).toEqual({
      state: 'ACTIVE',
      reasons: [],
      mainAddress: account.address,
      links: { remote: result.remotePublicKey, vrf: result.vrfPublicKey, node: node1.nodePublicKey },
      balance: expect.stringMatching(/^\d+$/),
      importance: expect.stringMatching(/^[1-9]\d*$/),
      unlocked: true,
      nodeUrl: node1.url,
      nextImportanceRecalculation: {
        height: expect.stringMatching(/^\d+$/),
        estimatedAt: expect.any(String),
      },
      linkedNodeUrl: node1.url,
    });

    // asking node 0: the account is linked to node 1, whose URL the keystore remembers
    const viaNode0 = await runCli([
      'status',
      '--json',
      '--home',
      home,
      '--node',
      devnet.url,
      '--address',
      account.address,
    ]);
    expect(viaNode0.json()).toMatchObject({ state: 'ACTIVE', nodeUrl: devnet.url, linkedNodeUrl: node1.url });

    // harvest unlink removes the node link only: remote and VRF stay, so the account is KEYS_LINKED (not an operator)
    const unlinked = await runCli(
      ['unlink', '--json', '--yes', '--home', home, '--node', node1.url, '--key-file', account.keyFile],
      { env: { HARVEST_PASSWORD: 'correct horse battery staple' } },
    );
    expect(unlinked.exitCode).toBe(0);
    const after = await runCli(['status', '--json', '--home', home, '--address', account.address]);
    expect(after.json()).toMatchObject({
      state: 'KEYS_LINKED',
      reasons: [],
      links: { remote: result.remotePublicKey, vrf: result.vrfPublicKey, node: null },
      unlocked: null,
    });
  });
});
