import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../src/core/ports.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const env = { HARVEST_PASSWORD: 'resume' };
const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-resume-');

/**
 * fetch that dies on PUT /transactions, as a crash or a lost connection right at the announcement would. The runs
 * that use it pass --no-wait: a run that waits goes on after a failed announcement (it announces again while it
 * waits), so only a run that does not wait stops there, as a crash would. The node refuses the connection, so the
 * client gives up after its two short retries.
 */
const crashOnAnnounce: Fetch = (input, init) =>
  init?.method === 'PUT'
    ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))
    : fetch(input, init);

function keystoreOf(address: string) {
  const path = join(fixture.dir, 'keystore', `${address}.json`);
  return { path, read: () => JSON.parse(readFileSync(path, 'utf8')) };
}

async function confirmedFrom(publicKey: string): Promise<number> {
  const response = await fetch(
    `${fixture.devnet.url}/transactions/confirmed?signerPublicKey=${publicKey}&pageSize=100`,
  );
  return ((await response.json()) as { data: unknown[] }).data.length;
}

describe('harvest delegate after an interruption', () => {
  it('resumes the written-ahead transaction instead of planning a new one', async () => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const args = [
      'delegate',
      '--json',
      '--home',
      fixture.dir,
      '--node',
      fixture.devnet.url,
      '--key-file',
      account.keyFile,
      '--yes',
    ];
    const crashed = await runCli([...args, '--no-wait'], { env, fetch: crashOnAnnounce });
    expect(crashed.exitCode).toBe(3);
    const keystore = keystoreOf(account.address);
    const written = keystore.read();
    expect(written.journal).toEqual([expect.objectContaining({ state: 'signed', kind: 'delegate' })]);
    expect(written.keys).toHaveLength(2); // the keys were stored before the announcement was tried

    const resumed = await runCli(args, { env });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stderr).toMatch(
      new RegExp(`earlier delegate transaction ${written.journal[0].hash}: resuming`),
    );
    expect(resumed.json()).toMatchObject({ state: 'ACTIVE', announced: false, transactions: [] });
    expect(keystore.read().journal.map((entry: { state: string }) => entry.state)).toEqual(['confirmed']);
    const publicKey = (resumed.json() as { mainPublicKey: string }).mainPublicKey;
    expect(await confirmedFrom(publicKey)).toBe(1); // one aggregate on chain, not two
  });

  it('asks again before announcing what an earlier run signed, and never announces on --dry-run', async () => {
    const account = fixture.devnet.descriptor.accounts[2]!;
    const base = [
      'delegate',
      '--json',
      '--home',
      fixture.dir,
      '--node',
      fixture.devnet.url,
      '--key-file',
      account.keyFile,
    ];
    await runCli([...base, '--yes', '--no-wait'], { env, fetch: crashOnAnnounce });
    const keystore = keystoreOf(account.address);
    const hash = keystore.read().journal[0].hash as string;
    const seen = async () => (await fetch(`${fixture.devnet.url}/transactionStatus/${hash}`)).status;

    const dry = await runCli([...base, '--dry-run'], { env });
    expect(dry.exitCode).toBe(0);
    expect(dry.json()).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: false });
    expect(dry.json().transactions).toEqual([expect.objectContaining({ kind: 'delegate', hash })]);
    expect(dry.json().remotePublicKey).toMatch(/^[0-9A-F]{64}$/);
    const unconfirmed = await runCli(base, { env });
    expect(unconfirmed.exitCode).toBe(2);
    expect(unconfirmed.json().error.code).toBe('CONFIRMATION_REQUIRED');
    await fixture.devnet.nextBlock();
    expect(await seen()).toBe(404);
    expect(keystore.read().journal[0].state).toBe('signed');

    const resumed = await runCli([...base, '--yes'], { env });
    expect(resumed.json()).toMatchObject({ state: 'ACTIVE' });
    expect(await seen()).toBe(200);
  });

  it('drops an entry whose deadline passed unconfirmed, and plans again', async () => {
    const account = fixture.devnet.descriptor.accounts[1]!;
    const args = [
      'delegate',
      '--json',
      '--home',
      fixture.dir,
      '--node',
      fixture.devnet.url,
      '--key-file',
      account.keyFile,
      '--yes',
    ];
    await runCli([...args, '--no-wait'], { env, fetch: crashOnAnnounce });
    const keystore = keystoreOf(account.address);
    const file = keystore.read();
    file.journal[0].deadline = '1'; // long expired
    writeFileSync(keystore.path, JSON.stringify(file));

    const run = await runCli(args, { env });
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ state: 'ACTIVE', announced: true });
    expect(keystore.read().journal.map((entry: { state: string }) => entry.state)).toEqual([
      'failed',
      'confirmed',
    ]);
  });
});
