/**
 * SIGINT/SIGTERM during a one-shot command's wait (docs/cli.md, "Signals"), in-process against the embedded devnet
 * over 127.0.0.1: the runtime's interruption signal is a test AbortController aborted from the sleep of the wait.
 * The command prints its normal result with `"interrupted": true` and exits 130.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevnet } from '@symbol-harvest/devnet';
import type { Sleep } from '../../src/core/ports.js';
import { runCli } from '../helpers/runCli.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function devnetAndHome(options: Parameters<typeof startDevnet>[0]) {
  const devnet = await startDevnet(options);
  const home = mkdtempSync(join(tmpdir(), 'harvest-interrupted-'));
  cleanups.push(
    () => devnet.close(),
    () => rmSync(home, { recursive: true, force: true }),
  );
  return { devnet, home };
}

/** A real (short) sleep that aborts `controller` the first time the command sleeps `pollMs`. */
function interruptAtPoll(controller: AbortController, pollMs: number): Sleep {
  return (ms, signal) => {
    if (ms === pollMs) controller.abort('SIGINT');
    if (signal?.aborted === true) return Promise.reject(new Error('aborted'));
    return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50)));
  };
}

describe('harvest delegate interrupted', () => {
  it('during the activation wait: the result so far, "interrupted": true, exit 130', async () => {
    // a node with no free slot never unlocks the account: the activation wait polls every 200 ms (half a block)
    const { devnet, home } = await devnetAndHome({ port: 0, blockTimeSeconds: 0.2, maxUnlockedAccounts: 0 });
    const account = devnet.descriptor.accounts[0]!;
    const controller = new AbortController();
    const argv = ['delegate', '--yes', '--home', home, '--node', devnet.url, '--key-file', account.keyFile];
    const run = await runCli([...argv, '--json', '--activation-timeout', '600'], {
      env: { HARVEST_PASSWORD: 'interrupted' },
      interruption: () => controller.signal,
      sleep: interruptAtPoll(controller, 200),
    });
    expect(run.exitCode).toBe(130);
    expect(run.json()).toMatchObject({
      state: 'ACTIVATION_PENDING',
      announced: true,
      interrupted: true,
      transactions: [{ kind: 'delegate', hash: expect.stringMatching(/^[0-9A-F]{64}$/) }],
    });
  });

  it('during the confirmation wait: CONFIRMATION_PENDING, the journal entry left open, and the human text says so', async () => {
    // blocks only when asked: the aggregate is never confirmed
    const { devnet, home } = await devnetAndHome({ port: 0, blockTimeSeconds: 0 });
    const account = devnet.descriptor.accounts[1]!;
    const controller = new AbortController();
    const run = await runCli(
      [
        'delegate',
        '--yes',
        '--no-color',
        '--home',
        home,
        '--node',
        devnet.url,
        '--key-file',
        account.keyFile,
      ],
      {
        env: { HARVEST_PASSWORD: 'interrupted' },
        interruption: () => controller.signal,
        sleep: (_ms, signal) => {
          controller.abort('SIGTERM');
          return signal?.aborted === true ? Promise.reject(new Error('aborted')) : Promise.resolve();
        },
      },
    );
    expect(run.exitCode).toBe(130);
    expect(run.stdout).toContain('state CONFIRMATION_PENDING');
    expect(run.stdout).toContain('interrupted before the confirmation');
    expect(run.stdout).toContain('run the same command again to resume it');
    const keystore = JSON.parse(readFileSync(join(home, 'keystore', `${account.address}.json`), 'utf8')) as {
      journal: { state: string }[];
    };
    expect(keystore.journal.map((entry) => entry.state)).toEqual(['announced']);
  });

  it('with --json and no wait cut short, no "interrupted" field and the usual exit', async () => {
    const { devnet, home } = await devnetAndHome({ port: 0, blockTimeSeconds: 0.2 });
    const account = devnet.descriptor.accounts[2]!;
    const run = await runCli(
      ['delegate', '--json', '--yes', '--home', home, '--node', devnet.url, '--key-file', account.keyFile],
      { env: { HARVEST_PASSWORD: 'interrupted' } },
    );
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ state: 'ACTIVE' });
    expect(run.json()).not.toHaveProperty('interrupted');
  });
});

describe('harvest onboard interrupted', () => {
  it('every row as far as it got: the running one pending, the others FAILED with CANCELLED; exit 130', async () => {
    const { devnet, home } = await devnetAndHome({ port: 0, blockTimeSeconds: 0.2, maxUnlockedAccounts: 0 });
    const accounts = join(home, 'accounts.csv');
    const keyFiles = [0, 1, 2].map((index) => devnet.descriptor.accounts[index]!.keyFile);
    writeFileSync(accounts, `key_file\n${keyFiles.join('\n')}\n`);
    const controller = new AbortController();
    const argv = ['onboard', '--yes', '--home', home, '--node', devnet.url, '--accounts', accounts];
    const run = await runCli([...argv, '--concurrency', '1', '--json'], {
      env: { HARVEST_PASSWORD: 'interrupted' },
      interruption: () => controller.signal,
      sleep: interruptAtPoll(controller, 200),
    });
    expect(run.exitCode).toBe(130);
    const result = run.json();
    expect(result.interrupted).toBe(true);
    expect(result.accounts.map((row: { state: string }) => row.state)).toEqual([
      'ACTIVATION_PENDING',
      'FAILED',
      'FAILED',
    ]);
    expect(result.accounts[0]).toMatchObject({ announced: true, error: null });
    expect(result.accounts.slice(1).map((row: { error: { code: string } }) => row.error.code)).toEqual([
      'CANCELLED',
      'CANCELLED',
    ]);
    expect(result.summary).toEqual({ ACTIVATION_PENDING: 1, FAILED: 2 });
  });
});
