import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import type { Fetch } from '../../src/core/ports.js';
import { runCli } from '../helpers/runCli.js';
import { facadeOf, fundedKeyPair, randomKeyPair, transfer } from '../devnet/sdkClient.js';

const PASSWORD_ENV = { HARVEST_PASSWORD: 'correct horse battery staple' };
let devnet: Devnet;
let home: string;

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2, nodes: 2, importanceGrouping: 5 });
  home = mkdtempSync(join(tmpdir(), 'harvest-home-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
});

const keyFile = (index: number) => devnet.descriptor.accounts[index]!.keyFile;

function delegate(args: readonly string[], options: { home?: string; fetch?: Fetch } = {}) {
  return runCli(['delegate', '--json', '--home', options.home ?? home, ...args], {
    env: PASSWORD_ENV,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

async function unlockedOn(url: string): Promise<string[]> {
  const body = (await (await fetch(`${url}/node/unlockedaccount`)).json()) as { unlockedAccount: string[] };
  return body.unlockedAccount;
}

async function confirmedCount(): Promise<number> {
  const body = (await (await fetch(`${devnet.url}/transactions/confirmed?pageSize=100`)).json()) as {
    data: unknown[];
  };
  return body.data.length;
}

describe('harvest delegate --node (in-process, real devnet over HTTP)', () => {
  it('delegates to ACTIVE in one aggregate, then a re-run announces nothing', async () => {
    const first = await delegate(['--node', devnet.url, '--key-file', keyFile(0), '--yes']);
    expect(first.exitCode).toBe(0);
    const result = first.json();
    expect(result).toMatchObject({ announced: true, state: 'ACTIVE', nodeUrl: devnet.url });
    expect(result.plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect(await unlockedOn(devnet.url)).toContain(result.remotePublicKey);

    const before = await confirmedCount();
    const again = await delegate(['--node', devnet.url, '--key-file', keyFile(0), '--yes']);
    expect(again.exitCode).toBe(0);
    expect(again.json()).toMatchObject({ announced: false, state: 'ACTIVE', transactions: [] });
    expect(again.json().remotePublicKey).toBe(result.remotePublicKey);
    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
  });

  it('switching to the second node rotates the remote and VRF keys (the old operator saw them) in one aggregate', async () => {
    const first = (await delegate(['--node', devnet.url, '--key-file', keyFile(1), '--yes'])).json();
    expect(first.state).toBe('ACTIVE');
    const node1 = devnet.nodes[1]!;
    const run = await delegate(['--node', node1.url, '--key-file', keyFile(1), '--yes']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const second = run.json();
    expect(second.plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeUnlink',
      'nodeLink',
      'remoteUnlink',
      'remoteLink',
      'vrfUnlink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect(second.transactions).toHaveLength(1);
    expect(second).toMatchObject({ state: 'ACTIVE', nodePublicKey: node1.nodePublicKey });
    expect(second.remotePublicKey).not.toBe(first.remotePublicKey);
    expect(second.vrfPublicKey).not.toBe(first.vrfPublicKey);
    expect(await unlockedOn(node1.url)).toContain(second.remotePublicKey);
    await devnet.nextBlock();
    expect(await unlockedOn(devnet.url)).not.toContain(first.remotePublicKey); // the old node pruned it
  });

  it('--keep-keys: a switch relinks only the node key and reuses the held keys', async () => {
    const first = (await delegate(['--node', devnet.url, '--key-file', keyFile(9), '--yes'])).json();
    expect(first.state).toBe('ACTIVE');
    const node1 = devnet.nodes[1]!;
    const run = await delegate(['--node', node1.url, '--key-file', keyFile(9), '--yes', '--keep-keys']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const second = run.json();
    expect(second.plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeUnlink',
      'nodeLink',
      'delegationRequest',
    ]);
    expect(second).toMatchObject({
      state: 'ACTIVE',
      nodePublicKey: node1.nodePublicKey,
      remotePublicKey: first.remotePublicKey,
      vrfPublicKey: first.vrfPublicKey,
    });
  });

  it('announces nothing with --dry-run, and nothing without --yes when nobody can confirm', async () => {
    const before = await confirmedCount();
    const dry = await delegate(['--node', devnet.url, '--key-file', keyFile(3), '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.json()).toMatchObject({ announced: false, state: 'INACTIVE' });
    expect(dry.json().transactions[0].hash).toMatch(/^[0-9A-F]{64}$/);

    const unconfirmed = await delegate(['--node', devnet.url, '--key-file', keyFile(3)]);
    expect(unconfirmed.exitCode).toBe(2);
    expect(unconfirmed.json().error.code).toBe('CONFIRMATION_REQUIRED');

    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
    const status = await fetch(`${devnet.url}/transactionStatus/${dry.json().transactions[0].hash}`);
    expect(status.status).toBe(404);
    // a later real run does not resume the dry run's payload: it plans and announces its own
    const real = await delegate(['--node', devnet.url, '--key-file', keyFile(3), '--yes']);
    expect(real.json().state).toBe('ACTIVE');
    expect(real.json().transactions[0].hash).not.toBe(dry.json().transactions[0].hash);
  });

  it.each([
    [
      '--node-public-key of another node',
      () => ['--node-public-key', devnet.nodes[1]!.nodePublicKey],
      'NODE_KEY_MISMATCH',
      2,
    ],
    ['a fee below the node minimum', () => ['--fee', '10'], 'INVALID_INPUT', 2],
    ['a testnet requirement on the devnet', () => ['--network', 'testnet'], 'WRONG_NETWORK', 2],
    ['an unsafe --node-public-key', () => ['--node-public-key', '01' + '00'.repeat(31)], 'INVALID_KEY', 2],
  ])('refuses %s with %s before announcing anything', async (_label, extra, code, exitCode) => {
    const run = await delegate(['--node', devnet.url, '--key-file', keyFile(6), '--yes', ...extra()]);
    expect(run.exitCode).toBe(exitCode);
    expect(run.json().error.code).toBe(code);
  });

  it('keeps the new keys encrypted in the keystore, mode 0600, before anything is announced', async () => {
    const run = await delegate(['--node', devnet.url, '--key-file', keyFile(7), '--yes']);
    const { mainAddress, remotePublicKey } = run.json();
    const path = join(home, 'keystore', `${mainAddress}.json`);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(remotePublicKey);
    const { statSync } = await import('node:fs');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const keystore = JSON.parse(text);
    expect(keystore.journal.map((entry: { state: string }) => entry.state)).toEqual(['confirmed']);
    expect(keystore.keys.map((key: { status: string }) => key.status)).toEqual(['linked', 'linked']);
  });
});

describe('harvest delegate --node, when the chain refuses', () => {
  it("reports TRANSACTION_REJECTED with the node's code, and marks the journal entry failed", async () => {
    // Blocks only when the test mines them, so both runs plan from "no links" and land in one block.
    const manual = await startDevnet({ port: 0, blockTimeSeconds: 0 });
    const homes = [mkdtempSync(join(tmpdir(), 'harvest-a-')), mkdtempSync(join(tmpdir(), 'harvest-b-'))];
    try {
      const key = manual.descriptor.accounts[0]!.keyFile;
      const args = ['delegate', '--json', '--node', manual.url, '--key-file', key, '--yes'];
      const first = await runCli([...args, '--home', homes[0]!, '--no-wait'], { env: PASSWORD_ENV });
      expect(first.json()).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
      const seen = { announced: false };
      const watching: Fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'PUT') seen.announced = true;
        return response;
      };
      const second = runCli([...args, '--home', homes[1]!], { env: PASSWORD_ENV, fetch: watching });
      for (let i = 0; i < 200 && !seen.announced; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen.announced).toBe(true);
      manual.mineBlock();
      const rejected = await second;
      expect(rejected.exitCode).toBe(4);
      expect(rejected.json().error).toMatchObject({
        code: 'TRANSACTION_REJECTED',
        details: { status: expect.stringMatching(/^Failure_.*Link_Already_Exists$/) },
      });
      expect(rejected.stdout + rejected.stderr).not.toMatch(/\n\s+at /);
      const address = first.json().mainAddress as string;
      const journal = JSON.parse(
        readFileSync(join(homes[1]!, 'keystore', `${address}.json`), 'utf8'),
      ).journal;
      expect(journal.map((entry: { state: string }) => entry.state)).toEqual(['failed']);
    } finally {
      await manual.close();
      for (const folder of homes) rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('harvest delegate --node, with importance 0', () => {
  /** A devnet whose blocks come only when mined here, and a freshly funded account (importance 0 until height 10). */
  async function zeroImportanceWorld() {
    // Blocks only when mined here, so the importance recalculation (every 10 blocks) comes exactly when wanted.
    const manual = await startDevnet({ port: 0, blockTimeSeconds: 0, importanceGrouping: 10 });
    // mine right after each announcement, and every 250 ms while the command waits (for activation)
    const flags = { announced: false, done: false };
    const watching: Fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'PUT') flags.announced = true;
      return response;
    };
    const mineWhile = async <T>(work: Promise<T>): Promise<T> => {
      flags.done = false;
      void work.finally(() => (flags.done = true));
      for (let tick = 0; !(flags.done as boolean); tick++) {
        if (flags.announced || tick % 25 === 24) {
          flags.announced = false;
          manual.mineBlock();
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return work;
    };
    const facade = facadeOf(manual);
    const fresh = randomKeyPair();
    const freshAddress = facade.network.publicKeyToAddress(fresh.publicKey).toString();
    const funding = transfer(facade, fundedKeyPair(manual, 5), freshAddress, 20_000_000_000n);
    await fetch(`${manual.url}/transactions`, {
      method: 'PUT',
      body: funding.body,
      headers: { 'content-type': 'application/json' },
    });
    manual.mineBlock();
    const freshHome = mkdtempSync(join(tmpdir(), 'harvest-home-'));
    const freshKeyFile = join(freshHome, 'fresh.key');
    writeFileSync(freshKeyFile, fresh.privateKey.toString(), { mode: 0o600 });
    const cli = (command: string, extra: string[]) =>
      runCli(
        [command, '--json', '--home', freshHome, '--node', manual.url, '--key-file', freshKeyFile, ...extra],
        {
          env: PASSWORD_ENV,
          fetch: watching,
        },
      );
    const run = (extra: string[]) => cli('delegate', ['--yes', ...extra]);
    const close = async () => {
      await manual.close();
      rmSync(freshHome, { recursive: true, force: true });
    };
    return { manual, mineWhile, run, cli, close };
  }

  it('links the keys but holds the request back, and --resend completes it after the recalculation', async () => {
    const { manual, mineWhile, run, close } = await zeroImportanceWorld();
    try {
      const first = await mineWhile(run([]));
      expect(manual.height()).toBeLessThan(10n);
      expect(first.exitCode).toBe(0);
      expect(first.json()).toMatchObject({
        state: 'KEYS_LINKED',
        reasons: ['ZERO_IMPORTANCE'],
        announced: true,
      });
      expect(first.json().plan.map((entry: { kind: string }) => entry.kind)).toEqual([
        'nodeLink',
        'remoteLink',
        'vrfLink',
      ]);
      expect(first.stderr).toMatch(/importance is 0: the request is not sent now .* height 10/);

      const again = await run([]);
      expect(again.json()).toMatchObject({ state: 'KEYS_LINKED', announced: false, transactions: [] });

      while (manual.height() < 11n) manual.mineBlock();
      const resend = await mineWhile(run(['--resend']));
      expect(resend.exitCode).toBe(0);
      expect(resend.json().plan.map((entry: { kind: string }) => entry.kind)).toEqual(['delegationRequest']);
      expect(resend.json()).toMatchObject({ state: 'ACTIVE', remotePublicKey: first.json().remotePublicKey });
    } finally {
      await close();
    }
  });

  it('--force at importance 0: REQUEST_SENT_AT_ZERO_IMPORTANCE (the node dropped it), no activation wait; a plain re-run resends once importance is positive', async () => {
    const { manual, mineWhile, run, cli, close } = await zeroImportanceWorld();
    try {
      const forced = await mineWhile(run(['--force', '--activation-timeout', '600']));
      expect(manual.height()).toBeLessThan(10n);
      expect(forced.exitCode, forced.stdout + forced.stderr).toBe(0);
      expect(forced.json()).toMatchObject({
        state: 'KEYS_LINKED',
        reasons: ['ZERO_IMPORTANCE', 'REQUEST_SENT_AT_ZERO_IMPORTANCE'],
        announced: true,
      });
      expect(forced.json().plan.at(-1).kind).toBe('delegationRequest');
      expect(forced.json().reasons).not.toContain('NODE_FULL_LIKELY');

      while (manual.height() < 11n) manual.mineBlock();
      const status = await cli('status', []);
      expect(status.json()).toMatchObject({
        state: 'KEYS_LINKED',
        reasons: ['REQUEST_SENT_AT_ZERO_IMPORTANCE'],
      });

      // the operator's view: the request is on chain, the account has importance now, and the node dropped it
      const requests = await runCli([
        'requests',
        '--json',
        '--node',
        manual.url,
        '--node-key',
        manual.nodes[0]!.nodeKeyFile,
      ]);
      expect(requests.exitCode, requests.stdout + requests.stderr).toBe(0);
      const forcedRequest = requests
        .json()
        .requests.find(
          (request: { remotePublicKey: string }) => request.remotePublicKey === forced.json().remotePublicKey,
        );
      expect(forcedRequest).toMatchObject({
        verdict: 'REJECTED',
        reasons: ['REQUEST_SENT_AT_ZERO_IMPORTANCE'],
      });

      const plain = await mineWhile(run([]));
      expect(plain.exitCode, plain.stdout + plain.stderr).toBe(0);
      expect(plain.json().plan.map((entry: { kind: string }) => entry.kind)).toEqual(['delegationRequest']);
      expect(plain.json()).toMatchObject({ state: 'ACTIVE', remotePublicKey: forced.json().remotePublicKey });
    } finally {
      await close();
    }
  });
});
