/**
 * Issue 9 point 1, the acceptance run: on a devnet that answers 30 % of all requests (GET and PUT alike) with 503,
 * delays every answer by 150 ms and drops half of the announcements it took, every `delegate` ends ACTIVE with
 * exactly one aggregate on chain per account (no fee paid twice), and `status` answers every time
 * (docs/cli.md, "Retries"). The built binary runs against an in-process devnet over 127.0.0.1.
 *
 * Ten accounts (the node's ten delegate slots), run five at a time so that the whole test stays near a minute on
 * two cores; blocks every 0.5 s so that "two block times" (the re-announcement) is short. Then `onboard` of twenty
 * accounts on a devnet of twenty slots with the same faults.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { spawnCli, type SpawnedRun } from '../helpers/spawnCli.js';

const ACCOUNTS = 10;
const AT_ONCE = 5;
const env = { HARVEST_PASSWORD: 'faults e2e' };
let devnet: Devnet;
let home: string;

beforeAll(async () => {
  devnet = await startDevnet({
    port: 0,
    blockTimeSeconds: 0.5,
    accounts: ACCOUNTS,
    faults: { errorRate: 0.3, latencyMs: 150, dropAnnounceRate: 0.5 },
  });
  home = mkdtempSync(join(tmpdir(), 'harvest-faults-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs `task` on every item, `limit` at a time, results in input order. */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map(task))));
  }
  return results;
}

/** A GET through the faults: 503s are asked again (a bounded number of times). */
async function readThroughFaults(url: string): Promise<unknown> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(url);
    if (response.status === 200) return response.json();
    await response.body?.cancel();
  }
  throw new Error('the devnet answered 503 a hundred times in a row');
}

/** The confirmed transactions the account signed (top level). */
async function confirmedSignedBy(publicKey: string): Promise<number> {
  const page = await readThroughFaults(
    `${devnet.url}/transactions/confirmed?signerPublicKey=${publicKey}&pageSize=100`,
  );
  return (page as { data: unknown[] }).data.length;
}

function describeRun(run: SpawnedRun): string {
  return `exit ${String(run.exitCode)}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
}

describe('delegate and status on a devnet with faults (503s on GET and PUT, latency, dropped announcements)', () => {
  it(`delegates ${ACCOUNTS} accounts to ACTIVE, one aggregate each, and status answers every run`, async () => {
    const accounts = devnet.descriptor.accounts.slice(0, ACCOUNTS);
    const runs = await inBatches(accounts, AT_ONCE, (account) =>
      spawnCli(
        ['delegate', '--json', '--yes', '--node', devnet.url, '--key-file', account.keyFile, '--home', home],
        { env, timeoutMs: 120_000 },
      ),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.exitCode, describeRun(run)).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        mainAddress: accounts[index]!.address,
        state: 'ACTIVE',
        announced: true,
      });
      expect(run.stdout + run.stderr).not.toMatch(/\bat .+\.js:\d+/); // never a stack trace
    }
    for (const run of runs) {
      const { mainPublicKey } = JSON.parse(run.stdout) as { mainPublicKey: string };
      expect(await confirmedSignedBy(mainPublicKey)).toBe(1); // one aggregate: the fee paid once
    }

    const statuses = await inBatches(accounts, AT_ONCE, (account) =>
      spawnCli(['status', '--json', '--node', devnet.url, '--address', account.address, '--home', home], {
        env,
        timeoutMs: 60_000,
      }),
    );
    for (const run of statuses) {
      expect(run.exitCode, describeRun(run)).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ state: 'ACTIVE', unlocked: true });
    }
  }, 240_000);

  it('onboards 20 accounts to ACTIVE, one aggregate each', async () => {
    const big = await startDevnet({
      port: 0,
      blockTimeSeconds: 0.5,
      accounts: 20,
      maxUnlockedAccounts: 20,
      faults: { errorRate: 0.3, latencyMs: 150, dropAnnounceRate: 0.5 },
    });
    const work = mkdtempSync(join(tmpdir(), 'harvest-faults-onboard-'));
    try {
      const file = join(work, 'accounts.csv');
      writeFileSync(
        file,
        ['key_file', ...big.descriptor.accounts.map((account) => account.keyFile)].join('\n') + '\n',
      );
      const run = await spawnCli(
        ['onboard', '--json', '--yes', '--accounts', file, '--node', big.url, '--home', work],
        { env, timeoutMs: 200_000 },
      );
      expect(run.exitCode, describeRun(run)).toBe(0);
      const result = JSON.parse(run.stdout) as { accounts: { state: string }[]; summary: unknown };
      expect(result.summary).toEqual({ ACTIVE: 20 });
      expect(result.accounts.every((row) => row.state === 'ACTIVE')).toBe(true);
      for (const account of big.descriptor.accounts) {
        const response = await readThroughFaults(
          `${big.url}/transactions/confirmed?signerPublicKey=${account.publicKey}&pageSize=100`,
        );
        expect((response as { data: unknown[] }).data).toHaveLength(1);
      }
    } finally {
      await big.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 240_000);
});
