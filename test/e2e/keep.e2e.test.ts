/**
 * `harvest keep` (docs/commands/keep.md), the real bin/harvest against the real devnet on 127.0.0.1: a node restarted
 * with its delegates wiped gets exactly one new request (no new link) and the account is ACTIVE again within
 * --grace + 3 blocks; an account evicted by a stronger delegate moves to the fallback node; a keeper killed with
 * SIGKILL and started again sends nothing twice; --once exits with the usual codes; SIGTERM stops it with exit 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet, type DevnetOptions } from '@symbol-harvest/devnet';
import { closedPortUrl } from '../helpers/restServer.js';
import { BIN, spawnCli } from '../helpers/spawnCli.js';

const env = { HARVEST_PASSWORD: 'keep password' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(options: Omit<DevnetOptions, 'port'>) {
  const devnet = await startDevnet({ blockTimeSeconds: 1, ...options, port: 0 });
  const home = mkdtempSync(join(tmpdir(), 'harvest-keep-'));
  cleanups.push(() => devnet.close());
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  return { devnet, home };
}

/** A `harvest keep` left running, its stdout read line by line. */
interface Keeper {
  readonly child: ChildProcessWithoutNullStreams;
  readonly events: () => any[];
  /** Resolves with the first event (from index `from`) that `match` accepts. */
  next(match: (event: any) => boolean, timeoutMs?: number, from?: number): Promise<any>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** The flags every keeper here starts with: the devnet's first node, the account's key file, the home. */
function accountFlags(nodeUrl: string, keyFile: string, home: string): string[] {
  return ['--node', nodeUrl, '--key-file', keyFile, '--home', home];
}

function startKeeper(args: readonly string[]): Keeper {
  const child = spawn(process.execPath, [BIN, 'keep', '--json', ...args], {
    env: { PATH: process.env['PATH'] ?? '', CI: 'true', ...env },
  });
  let buffer = '';
  let stderr = '';
  const lines: any[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, end)));
      buffer = buffer.slice(end + 1);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  cleanups.push(async () => {
    clearTimeout(guard);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return {
    child,
    events: () => lines,
    exited,
    async next(match, timeoutMs = 30_000, from = 0) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const found = lines.slice(from).find(match);
        if (found !== undefined) return found;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no such event; got ${JSON.stringify(lines)}; stderr ${stderr}`);
    },
  };
}

async function delegate(devnet: Devnet, home: string, index: number, node = 0): Promise<void> {
  const run = await spawnCli(
    [
      'delegate',
      '--json',
      '--node',
      devnet.nodes[node]!.url,
      '--key-file',
      devnet.descriptor.accounts[index]!.keyFile,
      '--home',
      home,
      '--yes',
    ],
    { env, timeoutMs: 60_000 },
  );
  expect(JSON.parse(run.stdout)).toMatchObject({ state: 'ACTIVE' });
}

async function getJson(url: string): Promise<any> {
  return (await fetch(url)).json();
}

async function post(url: string, body: unknown): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** The aggregates the account signed, oldest first. */
async function signedBy(devnet: Devnet, publicKey: string): Promise<any[]> {
  const page = await getJson(
    `${devnet.url}/transactions/confirmed?signerPublicKey=${publicKey}&pageSize=100&order=asc`,
  );
  return page.data;
}

const isRequestOnly = (aggregate: any) =>
  aggregate.transaction.transactions.length === 1 &&
  aggregate.transaction.transactions[0].transaction.type === 0x4154;

describe('harvest keep on the devnet', () => {
  it('after a restart that wiped the delegates: one new request, no new link, ACTIVE within grace + 3 blocks', async () => {
    const { devnet, home } = await world({});
    const account = devnet.descriptor.accounts[0]!;
    await delegate(devnet, home, 0);
    const before = await signedBy(devnet, account.publicKey);

    const keeper = startKeeper([...accountFlags(devnet.url, account.keyFile, home), '--grace', '2']);
    await keeper.next((event) => event.event === 'checked' && event.state === 'ACTIVE');
    const wipedAt = devnet.height();
    expect(await post(`${devnet.url}/devnet/restart`, { wipeHarvesters: true })).toEqual({ restarted: true });

    const sent = await keeper.next((event) => event.event === 'request-sent');
    expect(sent).toMatchObject({ mainAddress: account.address, nodeUrl: devnet.url, reasons: [] });
    expect(BigInt(sent.fee)).toBeGreaterThan(0n);
    const sentAt = keeper.events().indexOf(sent);
    await keeper.next((event) => event.event === 'checked' && event.state === 'ACTIVE', 30_000, sentAt + 1);

    const after = await signedBy(devnet, account.publicKey);
    expect(after).toHaveLength(before.length + 1);
    const request = after.at(-1)!;
    expect(request.meta.hash).toBe(sent.hash);
    const whole = await getJson(`${devnet.url}/transactions/confirmed/${sent.hash}`);
    expect(isRequestOnly(whole)).toBe(true); // exactly one transfer, no key link
    expect(BigInt(request.meta.height) - wipedAt).toBeLessThanOrEqual(2n + 3n);
    const linked = (await getJson(`${devnet.url}/accounts/${account.address}`)).account
      .supplementalPublicKeys;
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).unlockedAccount).toEqual([
      linked.linked.publicKey,
    ]);

    keeper.child.kill('SIGTERM');
    const exit = await keeper.exited;
    expect(exit.code).toBe(0);
    // nothing more was sent while it ran on
    expect(await signedBy(devnet, account.publicKey)).toHaveLength(before.length + 1);
  }, 120_000);

  it('evicted by a stronger delegate: moves to the fallback node, keys kept, ACTIVE there', async () => {
    const { devnet, home } = await world({ nodes: 2, maxUnlockedAccounts: 1 });
    const account = devnet.descriptor.accounts[3]!;
    await delegate(devnet, home, 3);
    const linked = (await getJson(`${devnet.url}/accounts/${account.address}`)).account
      .supplementalPublicKeys;

    const keeper = startKeeper([
      ...accountFlags(devnet.url, account.keyFile, home),
      '--grace',
      '1',
      '--switch-after',
      '3',
      '--fallback-node',
      devnet.nodes[1]!.url,
    ]);
    await keeper.next((event) => event.event === 'checked' && event.state === 'ACTIVE');
    const strong = await post(`${devnet.url}/devnet/delegate`, { importance: '9'.repeat(20) });
    expect(strong).toMatchObject({ unlocked: true, evicted: linked.linked.publicKey });

    // one request to the full node (it cannot win the slot back), then the switch
    await keeper.next((event) => event.event === 'request-sent');
    const switched = await keeper.next((event) => event.event === 'node-switched', 60_000);
    expect(switched).toMatchObject({ mainAddress: account.address, nodeUrl: devnet.nodes[1]!.url });
    await keeper.next(
      (event) =>
        event.event === 'checked' && event.state === 'ACTIVE' && event.nodeUrl === devnet.nodes[1]!.url,
      30_000,
    );
    const now = (await getJson(`${devnet.url}/accounts/${account.address}`)).account.supplementalPublicKeys;
    expect(now.linked.publicKey).toBe(linked.linked.publicKey); // the same remote key
    expect(now.vrf.publicKey).toBe(linked.vrf.publicKey); // and VRF key
    expect(now.node.publicKey).toBe(devnet.nodes[1]!.nodePublicKey);
    expect((await getJson(`${devnet.nodes[1]!.url}/node/unlockedaccount`)).unlockedAccount).toEqual([
      linked.linked.publicKey,
    ]);
  }, 120_000);

  it('--fallback-node auto: node discovery picks the node with room, and the account is ACTIVE there', async () => {
    const { devnet, home } = await world({ nodes: 2, maxUnlockedAccounts: 1 });
    const account = devnet.descriptor.accounts[3]!;
    await delegate(devnet, home, 3);
    const keeper = startKeeper([
      ...accountFlags(devnet.url, account.keyFile, home),
      '--grace',
      '1',
      '--switch-after',
      '2',
      '--fallback-node',
      'auto',
      '--nodewatch',
      devnet.url,
      '--max-unlocked-accounts',
      '1',
    ]);
    await keeper.next((event) => event.event === 'checked' && event.state === 'ACTIVE');
    await post(`${devnet.url}/devnet/delegate`, { importance: '9'.repeat(20) });
    const switched = await keeper.next((event) => event.event === 'node-switched', 60_000);
    expect(switched.nodeUrl).toBe(devnet.nodes[1]!.url);
    await keeper.next(
      (event) =>
        event.event === 'checked' && event.state === 'ACTIVE' && event.nodeUrl === devnet.nodes[1]!.url,
      30_000,
    );
  }, 120_000);

  it('the delegated node gone (its URL dead): after --switch-after, moves to the fallback, which also serves reads', async () => {
    const { devnet, home } = await world({ nodes: 2 });
    const account = devnet.descriptor.accounts[2]!;
    await delegate(devnet, home, 2);
    // the node the keystore remembers no longer answers: a closed port stands for a node that went away
    const keystorePath = join(home, 'keystore', `${account.address}.json`);
    const keystore = JSON.parse(readFileSync(keystorePath, 'utf8'));
    keystore.node.url = await closedPortUrl();
    writeFileSync(keystorePath, JSON.stringify(keystore), { mode: 0o600 });

    const keeper = startKeeper([
      '--node',
      keystore.node.url,
      '--key-file',
      account.keyFile,
      '--home',
      home,
      '--timeout',
      '2',
      '--grace',
      '1',
      '--switch-after',
      '2',
      '--fallback-node',
      devnet.nodes[1]!.url,
    ]);
    const gone = await keeper.next((event) => event.event === 'waiting', 30_000);
    expect(gone).toMatchObject({ state: 'UNKNOWN', reasons: expect.arrayContaining(['NODE_UNREACHABLE']) });
    const switched = await keeper.next((event) => event.event === 'node-switched', 60_000);
    expect(switched.nodeUrl).toBe(devnet.nodes[1]!.url);
    await keeper.next(
      (event) =>
        event.event === 'checked' && event.state === 'ACTIVE' && event.nodeUrl === devnet.nodes[1]!.url,
      30_000,
    );
    expect(keeper.events().filter((event) => event.event === 'request-sent')).toEqual([]);
  }, 120_000);

  it('evicted, and the fallback full too: one request, then waiting with NO_FALLBACK, never a second request', async () => {
    const { devnet, home } = await world({ nodes: 2, maxUnlockedAccounts: 1 });
    const account = devnet.descriptor.accounts[3]!;
    await delegate(devnet, home, 3);
    await post(`${devnet.nodes[1]!.url}/devnet/delegate`, { importance: '9'.repeat(20) });
    const keeper = startKeeper([
      ...accountFlags(devnet.url, account.keyFile, home),
      '--grace',
      '1',
      '--switch-after',
      '2',
      '--fallback-node',
      devnet.nodes[1]!.url,
      '--max-unlocked-accounts',
      '1',
    ]);
    await keeper.next((event) => event.event === 'checked' && event.state === 'ACTIVE');
    await post(`${devnet.url}/devnet/delegate`, { importance: '9'.repeat(20) });
    await keeper.next((event) => event.event === 'request-sent');
    await keeper.next((event) => event.event === 'waiting' && event.reasons.includes('NO_FALLBACK'), 60_000);
    for (let i = 0; i < 4; i++) await devnet.nextBlock();
    expect(keeper.events().filter((event) => event.event === 'request-sent')).toHaveLength(1);
    expect(keeper.events().filter((event) => event.event === 'node-switched')).toEqual([]);
  }, 120_000);

  it('killed with SIGKILL after sending and started again: nothing is sent twice for the same outage', async () => {
    const { devnet, home } = await world({ maxUnlockedAccounts: 1 });
    const account = devnet.descriptor.accounts[3]!;
    await delegate(devnet, home, 3);
    const args = ['--node', devnet.url, '--key-file', account.keyFile, '--home', home, '--grace', '1'];
    const first = startKeeper(args);
    await first.next((event) => event.event === 'checked' && event.state === 'ACTIVE');
    // a stronger delegate takes the only slot: the request keep sends cannot win it back
    await post(`${devnet.url}/devnet/delegate`, { importance: '9'.repeat(20) });
    await first.next((event) => event.event === 'request-sent');
    // one keeper per home: a second one is refused while the first runs
    const second0 = await spawnCli(['keep', '--once', '--json', ...args], { env, timeoutMs: 60_000 });
    expect(second0.exitCode).toBe(2);
    expect(JSON.parse(second0.stdout).error.code).toBe('KEEPER_RUNNING');
    first.child.kill('SIGKILL');
    await first.exited;
    const sent = await signedBy(devnet, account.publicKey);

    const second = startKeeper(args);
    const waiting = await second.next((event) => event.event === 'waiting');
    expect(waiting.reasons).toContain('REQUEST_SENT');
    await devnet.nextBlock();
    await devnet.nextBlock();
    await devnet.nextBlock();
    expect(second.events().filter((event) => event.event === 'request-sent')).toEqual([]);
    expect(await signedBy(devnet, account.publicKey)).toHaveLength(sent.length);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  }, 120_000);

  it('--once: 0 when ACTIVE, 5 while waiting, 3 when the node is down, 2 for a bad flag', async () => {
    const { devnet, home } = await world({});
    const account = devnet.descriptor.accounts[0]!;
    await delegate(devnet, home, 0);
    const once = (...more: string[]) =>
      spawnCli(['keep', '--once', '--json', '--home', home, '--key-file', account.keyFile, ...more], {
        env,
        timeoutMs: 60_000,
      });

    const active = await once('--node', devnet.url);
    expect(active.exitCode).toBe(0);
    expect(JSON.parse(active.stdout)).toMatchObject({ event: 'checked', state: 'ACTIVE' });

    await post(`${devnet.url}/devnet/restart`, { wipeHarvesters: true });
    const waiting = await once('--node', devnet.url, '--grace', '100');
    expect(waiting.exitCode).toBe(5);
    expect(JSON.parse(waiting.stdout)).toMatchObject({
      event: 'waiting',
      reasons: expect.arrayContaining(['GRACE']),
    });

    // the keystores in --home, without a main key: watched only
    const watchOnly = await spawnCli(
      ['keep', '--once', '--json', '--home', home, '--node', devnet.url, '--grace', '0'],
      {
        env,
        timeoutMs: 60_000,
      },
    );
    expect(watchOnly.exitCode).toBe(5);
    expect(JSON.parse(watchOnly.stdout)).toMatchObject({
      event: 'waiting',
      mainAddress: account.address,
      reasons: expect.arrayContaining(['MAIN_KEY_REQUIRED']),
    });

    const dead = await once('--node', await closedPortUrl(), '--timeout', '2');
    expect(dead.exitCode).toBe(3);

    const accounts = join(home, 'accounts.csv');
    writeFileSync(accounts, 'key_file,key_env,node\n' + 'A'.repeat(64) + ',,\n');
    const badFile = await spawnCli(
      ['keep', '--once', '--json', '--home', home, '--node', devnet.url, '--accounts', accounts],
      {
        env,
      },
    );
    expect(badFile.exitCode).toBe(2);
    expect(JSON.parse(badFile.stdout).error.code).toBe('INVALID_FILE');
    expect(badFile.stdout).not.toContain('A'.repeat(64)); // a key where a path belongs is never echoed

    writeFileSync(
      join(home, 'keep-state.json'),
      '{"format": "harvest-keep-state", "version": 1, "outages": [',
    );
    const damaged = await once('--node', devnet.url);
    expect(damaged.exitCode).toBe(2);
    expect(JSON.parse(damaged.stdout).error).toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('keep-state.json'),
    });
    rmSync(join(home, 'keep-state.json'));

    for (const bad of [
      ['--grace', 'soon'],
      ['--switch-after', '0'],
      ['--max-fee-per-day', '-1'],
      ['--max-fee-per-day', '1.0000001'],
      ['--fallback-node', 'node-b'],
      ['--interval', 'x'],
    ]) {
      const run = await once('--node', devnet.url, ...bad);
      expect(run.exitCode, bad.join(' ')).toBe(2);
      expect(JSON.parse(run.stdout).error.code, bad.join(' ')).toBe('INVALID_INPUT');
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  }, 120_000);

  it('--max-fee-per-day and --dry-run never announce', async () => {
    const { devnet, home } = await world({});
    const account = devnet.descriptor.accounts[0]!;
    await delegate(devnet, home, 0);
    await post(`${devnet.url}/devnet/restart`, { wipeHarvesters: true });
    const before = await signedBy(devnet, account.publicKey);
    const once = (...more: string[]) =>
      spawnCli(
        [
          'keep',
          '--once',
          '--json',
          '--node',
          devnet.url,
          '--home',
          home,
          '--key-file',
          account.keyFile,
          '--grace',
          '0',
          ...more,
        ],
        { env, timeoutMs: 60_000 },
      );

    const capped = await once('--max-fee-per-day', '0.000001');
    expect(capped.exitCode).toBe(4);
    expect(JSON.parse(capped.stdout)).toMatchObject({
      event: 'error',
      error: { code: 'FEE_BUDGET_EXCEEDED' },
    });

    const dry = await once('--dry-run');
    expect(dry.exitCode).toBe(5);
    expect(JSON.parse(dry.stdout)).toMatchObject({ event: 'request-sent', dryRun: true });
    expect(await signedBy(devnet, account.publicKey)).toHaveLength(before.length);
  }, 120_000);
});
