/**
 * Issue 11 deliverable 3, `onboard --offline`: several accounts signed with no node, one signed file each; each file
 * announced with `harvest announce` ends ACTIVE on the devnet, with the remote and VRF keys its keystore holds.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/ui/output.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { spawnCli } from '../helpers/spawnCli.js';

const COUNT = 3;
const world = useDevnet({ blockTimeSeconds: 0.3, accounts: COUNT }, 'harvest-onboard-offline-');

describe('onboard --offline (spawned bin/harvest, then announce on the devnet over HTTP)', () => {
  it('signs every account offline, and each signed file announced ends ACTIVE with its keystore keys', async () => {
    const { devnet, dir } = world;
    const accounts = devnet.descriptor.accounts.slice(0, COUNT);
    const networkFile = join(dir, 'devnet.json');
    writeFileSync(networkFile, `${toJson(devnet.descriptor)}\n`);
    const accountsFile = join(dir, 'accounts.csv');
    writeFileSync(accountsFile, ['key_file', ...accounts.map((account) => account.keyFile)].join('\n'));
    const password = join(dir, 'password');
    writeFileSync(password, 'offline batch\n', { mode: 0o600 });
    const outDir = join(dir, 'signed');
    mkdirSync(outDir);
    const home = join(dir, 'home');

    const run = await spawnCli([
      'onboard',
      '--json',
      '--offline',
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
    expect(run.exitCode, run.stderr).toBe(0);
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
      const keystore = JSON.parse(readFileSync(join(home, 'keystore', `${account.address}.json`), 'utf8'));
      const held = keystore.keys.map((key: { publicKey: string }) => key.publicKey);
      expect(held).toContain(state.remotePublicKey);
      expect(held).toContain(state.vrfPublicKey);
      // every keystore the batch made opens alone with the password, and records the batch's one salt
      if (index > 0) {
        const first = JSON.parse(
          readFileSync(join(home, 'keystore', `${accounts[0]!.address}.json`), 'utf8'),
        );
        expect(keystore.kdf.salt).toBe(first.kdf.salt); // one salt: one scrypt for the batch
      }
    }
  });
});
