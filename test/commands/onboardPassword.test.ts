import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevnet } from '@symbol-harvest/devnet';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-onboard-pw-');

describe('harvest onboard and the keystore password', () => {
  it('a keystore under another password fails its row (KEYSTORE_PASSWORD, its line); the others go on (exit 4)', async () => {
    const { accounts } = fixture.devnet.descriptor;
    const [first, second, third] = [accounts[0]!, accounts[2]!, accounts[3]!];
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

    expect((await onboard(file('one.csv', [first.keyFile]), 'right')).json().summary).toEqual({ ACTIVE: 1 });
    // line 3's keystore holds keys under another password, but nothing was announced: it must be opened (an
    // account ACTIVE with its keystore's keys would need no password at all)
    const dryRun = await runCli(
      [
        'delegate',
        '--json',
        '--dry-run',
        '--home',
        home,
        '--node',
        fixture.devnet.url,
        '--key-file',
        second.keyFile,
      ],
      { env: { HARVEST_PASSWORD: 'other' } },
    );
    expect(dryRun.exitCode).toBe(0);

    const run = await onboard(file('three.csv', [first.keyFile, second.keyFile, third.keyFile]), 'right');
    expect(run.exitCode).toBe(4);
    const rows = run.json().accounts;
    expect(rows.map((row: any) => [row.line, row.state, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', null],
      [3, 'FAILED', 'KEYSTORE_PASSWORD'],
      [4, 'ACTIVE', null],
    ]);
    expect(rows[1]).toMatchObject({ mainAddress: second.address, nodeUrl: fixture.devnet.url });
    expect(rows[1].error.message).toMatch(/^line 3: wrong password for keystore /);
    expect(run.json().summary).toEqual({ ACTIVE: 2, FAILED: 1 });
  });

  it('a password that opens no existing keystore creates none (exit 4, nothing announced); an ACTIVE row needs none', async () => {
    const [first, fresh] = [fixture.devnet.descriptor.accounts[0]!, fixture.devnet.descriptor.accounts[4]!];
    const home = join(fixture.dir, 'home-wrong');
    const write = (name: string, rows: string[]) => {
      const path = join(fixture.dir, name);
      writeFileSync(path, ['key_file', ...rows].join('\n'));
      return path;
    };
    const onboard = (accounts: string, password: string) =>
      runCli(
        ['onboard', '--json', '--yes', '--home', home, '--node', fixture.devnet.url, '--accounts', accounts],
        { env: { HARVEST_PASSWORD: password } },
      );
    expect((await onboard(write('w1.csv', [first.keyFile]), 'right')).exitCode).toBe(0);

    // a re-run of the ACTIVE account needs no password: none given, no terminal, still done
    const again = await runCli([
      'onboard',
      '--json',
      '--yes',
      '--home',
      home,
      '--node',
      fixture.devnet.url,
      '--accounts',
      write('w1.csv', [first.keyFile]),
    ]);
    expect(again.exitCode).toBe(0);
    expect(again.json().summary).toEqual({ ACTIVE: 1 });
    expect(again.stderr).toContain('1 account(s) already ACTIVE with their keystore');

    const wrong = await onboard(write('w2.csv', [first.keyFile, fresh.keyFile]), 'wrong');
    expect(wrong.exitCode).toBe(4);
    // line 2 is ACTIVE with its keystore's keys (no password needed); the password, tried on its keystore before
    // line 3 would get one, does not open it
    expect(wrong.json().accounts.map((row: any) => [row.line, row.state, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', null],
      [3, 'FAILED', 'KEYSTORE_PASSWORD'],
    ]);
    expect(existsSync(join(home, 'keystore', `${fresh.address}.json`))).toBe(false);
    const links = (await (await fetch(`${fixture.devnet.url}/accounts/${fresh.address}`)).json()) as {
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
