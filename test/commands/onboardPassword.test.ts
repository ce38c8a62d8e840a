import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevnet } from '@symbol-harvest/devnet';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-onboard-pw-');

describe('harvest onboard and the keystore password', () => {
  it('checks the password against every existing keystore before announcing anything (KEYSTORE_LOCKED, exit 2)', async () => {
    const [first, second] = [fixture.devnet.descriptor.accounts[0]!, fixture.devnet.descriptor.accounts[2]!];
    const home = join(fixture.dir, 'home');
    const file = (name: string, rows: string[]) => {
      const path = join(fixture.dir, name);
      writeFileSync(path, ['key_file', ...rows].join('\n'));
      return path;
    };
    const onboard = (accounts: string, password: string) =>
      runCli(
        ['onboard', '--json', '--yes', '--home', home, '--node', fixture.devnet.url, '--accounts', accounts],
        {
          env: { HARVEST_PASSWORD: password },
        },
      );

    const ok = await onboard(file('one.csv', [first.keyFile]), 'right');
    expect(ok.json().summary).toEqual({ ACTIVE: 1 });

    const wrong = await onboard(file('two.csv', [first.keyFile, second.keyFile]), 'wrong');
    expect(wrong.exitCode).toBe(2);
    expect(wrong.json().error.code).toBe('KEYSTORE_LOCKED');
    expect(existsSync(join(home, 'keystore', `${second.address}.json`))).toBe(false);
    const links = (await (await fetch(`${fixture.devnet.url}/accounts/${second.address}`)).json()) as {
      account: { supplementalPublicKeys: Record<string, unknown> };
    };
    expect(links.account.supplementalPublicKeys).toEqual({});
  });
});

describe('harvest onboard, still pending', () => {
  it('exits 5 with the normal result when a node never unlocks the account in time', async () => {
    const full = await startDevnet({ port: 0, blockTimeSeconds: 0.2, maxUnlockedAccounts: 0 });
    try {
      const accounts = join(fixture.dir, 'pending.csv');
      writeFileSync(accounts, ['key_file', full.descriptor.accounts[0]!.keyFile].join('\n'));
      const run = await runCli(
        [
          'onboard',
          '--json',
          '--yes',
          '--home',
          join(fixture.dir, 'pending-home'),
          '--node',
          full.url,
          '--accounts',
          accounts,
          '--activation-timeout',
          '1',
        ],
        { env: { HARVEST_PASSWORD: 'pending' } },
      );
      expect(run.exitCode).toBe(5);
      expect(run.json()).toMatchObject({
        accounts: [
          { state: 'ACTIVATION_PENDING', error: null, hash: expect.stringMatching(/^[0-9A-F]{64}$/) },
        ],
        summary: { ACTIVATION_PENDING: 1 },
      });
    } finally {
      await full.close();
    }
  });
});
