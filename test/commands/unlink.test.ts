/**
 * `harvest unlink --node` in-process against the embedded devnet over real HTTP: delegate → ACTIVE, then unlink
 * makes the node prune the delegate; --all leaves nothing linked; nothing is announced without confirmation or on
 * --dry-run; a broken node is exit 3.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { closedPortUrl } from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';

const PASSWORD_ENV = { HARVEST_PASSWORD: 'unlink test password' };
let devnet: Devnet;
let home: string;

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2, importanceGrouping: 5 });
  home = mkdtempSync(join(tmpdir(), 'harvest-unlink-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
});

const keyFile = (index: number) => devnet.descriptor.accounts[index]!.keyFile;

function cli(
  command: string,
  args: readonly string[],
  options: { home?: string; env?: Record<string, string> } = {},
) {
  return runCli([command, '--json', '--node', devnet.url, '--home', options.home ?? home, ...args], {
    env: options.env ?? PASSWORD_ENV,
  });
}

async function getJson(path: string): Promise<any> {
  return (await fetch(`${devnet.url}${path}`)).json();
}

async function unlocked(): Promise<string[]> {
  return ((await getJson('/node/unlockedaccount')) as { unlockedAccount: string[] }).unlockedAccount;
}

async function links(publicKey: string) {
  const body = await getJson(`/accounts/${publicKey}`);
  return body.account.supplementalPublicKeys as Record<string, { publicKey: string } | undefined>;
}

async function confirmedCount(): Promise<number> {
  return ((await getJson('/transactions/confirmed?pageSize=100')) as { data: unknown[] }).data.length;
}

function harvestersEntries(): number {
  const file = devnet.descriptor.harvestersFile;
  return existsSync(file) ? readFileSync(file).length : 0;
}

async function delegateActive(index: number) {
  const run = await cli('delegate', ['--key-file', keyFile(index), '--yes']);
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(run.json().state).toBe('ACTIVE');
  return run.json() as { remotePublicKey: string; vrfPublicKey: string; mainPublicKey: string };
}

describe('harvest unlink --node (in-process, real devnet over HTTP)', () => {
  it('unlinks the node link: the devnet prunes the delegate, state KEYS_LINKED, journal confirmed', async () => {
    const delegated = await delegateActive(0);
    expect(await unlocked()).toContain(delegated.remotePublicKey);
    expect(harvestersEntries()).toBeGreaterThan(0);

    const run = await cli('unlink', ['--key-file', keyFile(0), '--yes']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const result = run.json();
    expect(result).toMatchObject({
      mainPublicKey: delegated.mainPublicKey,
      nodeUrl: devnet.url,
      // the keys linked after the command: the node link is gone (issue 13 point 4: null is "no key")
      nodePublicKey: null,
      remotePublicKey: delegated.remotePublicKey,
      vrfPublicKey: delegated.vrfPublicKey,
      announced: true,
      state: 'KEYS_LINKED',
      reasons: [],
      plan: [{ kind: 'nodeUnlink', publicKey: devnet.descriptor.nodePublicKey }],
    });
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({
      kind: 'unlink',
      hash: expect.stringMatching(/^[0-9A-F]{64}$/),
    });
    expect(result.transactions[0].fee).toMatch(/^\d+$/);
    expect(result.transactions[0].deadline).toMatch(/^\d+$/);

    const status = await getJson(`/transactionStatus/${result.transactions[0].hash}`);
    expect(status.group).toBe('confirmed');
    expect(await unlocked()).not.toContain(delegated.remotePublicKey);
    expect(harvestersEntries()).toBe(0);
    const after = await links(delegated.mainPublicKey);
    expect(after['node']).toBeUndefined();
    expect(after['linked']?.publicKey).toBe(delegated.remotePublicKey);

    const keystoreFolder = join(home, 'keystore');
    const [name] = readdirSync(keystoreFolder);
    const keystore = JSON.parse(readFileSync(join(keystoreFolder, name!), 'utf8'));
    expect(keystore.journal.at(-1)).toMatchObject({
      kind: 'unlink',
      hash: result.transactions[0].hash,
      state: 'confirmed',
    });

    // Nothing left to unlink by default: exit 0, nothing sent.
    const again = await cli('unlink', ['--key-file', keyFile(0), '--yes']);
    expect(again.exitCode).toBe(0);
    expect(again.json()).toMatchObject({ announced: false, transactions: [], state: 'KEYS_LINKED' });
  });

  it('--all unlinks node, remote and VRF: INACTIVE', async () => {
    const delegated = await delegateActive(1);
    const run = await cli('unlink', ['--key-file', keyFile(1), '--yes', '--all']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const result = run.json();
    expect(result.plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeUnlink',
      'remoteUnlink',
      'vrfUnlink',
    ]);
    expect(result).toMatchObject({
      state: 'INACTIVE',
      remotePublicKey: null,
      vrfPublicKey: null,
      announced: true,
    });
    expect(await unlocked()).not.toContain(delegated.remotePublicKey);
    const after = await links(delegated.mainPublicKey);
    expect(after['node'] ?? after['linked'] ?? after['vrf']).toBeUndefined();

    const nothing = await cli('unlink', ['--key-file', keyFile(1), '--yes', '--all']);
    expect(nothing.exitCode).toBe(0);
    expect(nothing.json()).toMatchObject({ state: 'INACTIVE', announced: false, transactions: [] });
  });

  it('announces nothing without --yes and no terminal (CONFIRMATION_REQUIRED), nor on --dry-run', async () => {
    const delegated = await delegateActive(2);
    const before = await confirmedCount();
    const refused = await cli('unlink', ['--key-file', keyFile(2)]);
    expect(refused.exitCode).toBe(2);
    expect(refused.json().error.code).toBe('CONFIRMATION_REQUIRED');

    const dry = await cli('unlink', ['--key-file', keyFile(2), '--all', '--dry-run']);
    expect(dry.exitCode, dry.stdout + dry.stderr).toBe(0);
    const planned = dry.json();
    // nothing was sent: the state is the account's as it is now, the word `status` gives (still harvesting)
    expect(planned).toMatchObject({ announced: false, state: 'ACTIVE' });
    expect(planned.plan).toHaveLength(3);
    expect(planned.transactions[0].payload).toMatch(/^[0-9A-F]+$/);

    await devnet.nextBlock();
    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
    expect((await getJson(`/transactionStatus/${planned.transactions[0].hash}`)).code).toBe(
      'ResourceNotFound',
    );
    expect(await unlocked()).toContain(delegated.remotePublicKey);
    expect((await links(delegated.mainPublicKey))['node']?.publicKey).toBe(devnet.descriptor.nodePublicKey);
  });

  it('works without a keystore (no journal, none created)', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'harvest-unlink-bare-'));
    try {
      const delegated = await delegateActive(3);
      const run = await cli('unlink', ['--key-file', keyFile(3), '--yes'], { home: bare, env: {} });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.json()).toMatchObject({ state: 'KEYS_LINKED', announced: true });
      expect(await unlocked()).not.toContain(delegated.remotePublicKey);
      expect(existsSync(join(bare, 'keystore'))).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('a node that cannot be reached is exit 3, NODE_*', async () => {
    const url = await closedPortUrl();
    const run = await runCli(
      ['unlink', '--json', '--node', url, '--home', home, '--key-file', keyFile(0), '--yes'],
      {
        env: PASSWORD_ENV,
        sleep: () => Promise.resolve(),
      },
    );
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toMatch(/^NODE_/);
  });
});

describe('harvest unlink: write-ahead journal, pending and resume (manual blocks)', () => {
  it('journals the unlink as signed before announcing, exits 5 while pending, and a re-run settles it', async () => {
    const manual = await startDevnet({ port: 0, blockTimeSeconds: 0, importanceGrouping: 5 });
    const manualHome = mkdtempSync(join(tmpdir(), 'harvest-unlink-manual-'));
    try {
      const key = manual.descriptor.accounts[0]!.keyFile;
      const base = ['--json', '--node', manual.url, '--home', manualHome, '--key-file', key, '--yes'];
      // Every wait mines a block: the delegation confirms and activates without a timer.
      const mining = { env: PASSWORD_ENV, sleep: () => Promise.resolve(void manual.mineBlock()) };
      const delegated = await runCli(['delegate', ...base], mining);
      expect(delegated.exitCode, delegated.stdout + delegated.stderr).toBe(0);
      expect(delegated.json().state).toBe('ACTIVE');

      const keystorePath = join(manualHome, 'keystore', `${delegated.json().mainAddress}.json`);
      const journalAtAnnounce: unknown[] = [];
      const watching = async (input: string | URL | Request, init?: RequestInit) => {
        if (init?.method === 'PUT')
          journalAtAnnounce.push(JSON.parse(readFileSync(keystorePath, 'utf8')).journal.at(-1));
        return fetch(input, init);
      };
      // No block is mined while waiting: still unconfirmed when the 0.3 s run out.
      const pending = await runCli(['unlink', ...base, '--confirmation-timeout', '0.3'], {
        env: PASSWORD_ENV,
        fetch: watching,
      });
      expect(pending.exitCode, pending.stdout + pending.stderr).toBe(5);
      const result = pending.json();
      expect(result).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
      const hash = result.transactions[0].hash;
      expect(journalAtAnnounce).toEqual([expect.objectContaining({ kind: 'unlink', hash, state: 'signed' })]);
      const journal = JSON.parse(readFileSync(keystorePath, 'utf8')).journal;
      expect(journal.at(-1)).toMatchObject({ hash, state: 'announced' });

      manual.mineBlock();
      const resumed = await runCli(['unlink', ...base], {
        env: PASSWORD_ENV,
        sleep: () => Promise.resolve(),
      });
      expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
      expect(resumed.json()).toMatchObject({ state: 'KEYS_LINKED', announced: false, transactions: [] });
      expect(resumed.stderr).toContain(`earlier unlink transaction ${hash}: confirmed`);
      expect(JSON.parse(readFileSync(keystorePath, 'utf8')).journal.at(-1)).toMatchObject({
        hash,
        state: 'confirmed',
      });
    } finally {
      await manual.close();
      rmSync(manualHome, { recursive: true, force: true });
    }
  });
});
