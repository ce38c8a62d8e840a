/**
 * Issue 11 deliverable 3, `onboard --offline` and `--prepare`: several accounts signed (or planned from public keys,
 * then signed with `harvest sign`) with no node, one file each; each signed file announced with `harvest announce`
 * ends ACTIVE on the devnet, with the remote and VRF keys its keystore holds.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/ui/output.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { spawnCli } from '../helpers/spawnCli.js';

const COUNT = 3;
const PREPARED = 2;
const world = useDevnet({ blockTimeSeconds: 0.3, accounts: COUNT + PREPARED }, 'harvest-onboard-offline-');

/** The keystore of `address` under `home` holds both keys the announce result reports linked. */
function expectKeystoreHolds(home: string, address: string, linked: Record<string, string>): void {
  const keystore = JSON.parse(readFileSync(join(home, 'keystore', `${address}.json`), 'utf8'));
  const held = keystore.keys.map((key: { publicKey: string }) => key.publicKey);
  expect(held).toContain(linked['remotePublicKey']);
  expect(held).toContain(linked['vrfPublicKey']);
}

type DevnetAccount = (typeof world.devnet.descriptor.accounts)[number];

/**
 * `harvest onboard --offline` or `--prepare` of `accounts`, spawned: the devnet's network file, an accounts file of
 * one column, a password file, a fresh output folder and home, all named after the mode.
 */
async function onboardBatch(
  mode: 'offline' | 'prepare',
  column: 'key_file' | 'public_key',
  value: (account: DevnetAccount) => string,
  accounts: readonly DevnetAccount[],
) {
  const { devnet, dir } = world;
  const networkFile = join(dir, `devnet-${mode}.json`);
  writeFileSync(networkFile, `${toJson(devnet.descriptor)}\n`);
  const accountsFile = join(dir, `accounts-${mode}.csv`);
  writeFileSync(accountsFile, [column, ...accounts.map(value)].join('\n'));
  const password = join(dir, `password-${mode}`);
  writeFileSync(password, `${mode} batch\n`, { mode: 0o600 });
  const outDir = join(dir, `out-${mode}`);
  mkdirSync(outDir);
  const home = join(dir, `home-${mode}`);
  const run = await spawnCli([
    'onboard',
    '--json',
    `--${mode}`,
    '--network',
    networkFile,
    '--node-public-key',
    devnet.descriptor.nodePublicKey,
    '--accounts',
    accountsFile,
    '--out-dir',
    outDir,
    '--home',
    home,
    '--password-file',
    password,
  ]);
  return { run, outDir, home };
}

describe('onboard --offline (spawned bin/harvest, then announce on the devnet over HTTP)', () => {
  it('signs every account offline, and each signed file announced ends ACTIVE with its keystore keys', async () => {
    const { devnet } = world;
    const accounts = devnet.descriptor.accounts.slice(0, COUNT);
    const { run, outDir, home } = await onboardBatch(
      'offline',
      'key_file',
      (account) => account.keyFile,
      accounts,
    );
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.summary).toEqual({ INACTIVE: COUNT });
    for (const account of accounts) {
      expect(run.stdout + run.stderr).not.toContain(readFileSync(account.keyFile, 'utf8').trim());
    }

    for (const [index, account] of accounts.entries()) {
      const row = result.accounts[index];
      const file = join(outDir, `${account.address}.json`);
      expect(row).toMatchObject({ line: index + 2, mainAddress: account.address, announced: false, file });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'harvest-signed' });

      const announced = await spawnCli(['announce', file, '--json', '--yes', '--node', devnet.url]);
      expect(announced.exitCode, announced.stderr).toBe(0);
      const state = JSON.parse(announced.stdout);
      expect(state).toMatchObject({ state: 'ACTIVE', nodePublicKey: devnet.descriptor.nodePublicKey });
      expect(state.remotePublicKey).toBe(row.remotePublicKey);

      // the keys now linked on chain are the ones this account's keystore holds (written before the file)
      expectKeystoreHolds(home, account.address, state);
      const keystore = JSON.parse(readFileSync(join(home, 'keystore', `${account.address}.json`), 'utf8'));
      // every keystore the batch made opens alone with the password, and records the batch's one salt
      if (index > 0) {
        const first = JSON.parse(
          readFileSync(join(home, 'keystore', `${accounts[0]!.address}.json`), 'utf8'),
        );
        expect(keystore.kdf.salt).toBe(first.kdf.salt); // one salt: one scrypt for the batch
      }
    }
  });

  it('--prepare: plans from public keys only, each signed by `harvest sign`, announced, ends ACTIVE', async () => {
    const { devnet } = world;
    const accounts = devnet.descriptor.accounts.slice(COUNT, COUNT + PREPARED);
    const { run, outDir, home } = await onboardBatch(
      'prepare',
      'public_key',
      (account) => account.publicKey,
      accounts,
    );
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ INACTIVE: PREPARED });

    for (const account of accounts) {
      const plan = join(outDir, `${account.address}.plan.json`);
      expect(statSync(plan).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(plan, 'utf8'))).toMatchObject({ format: 'harvest-unsigned' });
      const signed = join(outDir, `${account.address}.json`);
      const signing = await spawnCli([
        'sign',
        plan,
        '--json',
        '--yes',
        '--key-file',
        account.keyFile,
        '--out',
        signed,
      ]);
      expect(signing.exitCode, signing.stderr).toBe(0);
      const announced = await spawnCli(['announce', signed, '--json', '--yes', '--node', devnet.url]);
      expect(announced.exitCode, announced.stderr).toBe(0);
      const state = JSON.parse(announced.stdout);
      expect(state).toMatchObject({ state: 'ACTIVE', mainAddress: account.address });
      expectKeystoreHolds(home, account.address, state);
    }
  });
});
