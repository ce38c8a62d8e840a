/** `harvest onboard`: command lines → flags (--node repeatable), and bad values → error and exit code. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('onboard');
const accounts = file('accounts.csv', 'key_file\nmain.key\n');
const NODE = ['--node', 'http://127.0.0.1:9'];
const NODE_KEY = toHex(derivePublicKey(new Uint8Array(32).fill(0x22)));
const key = file('main.key', `${'11'.repeat(32)}\n`);
const withNode = file('node.csv', `key_file,node\n${key},http://127.0.0.1:9\n`);
const OFFLINE = ['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--accounts', accounts];

describe('harvest onboard: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['--accounts', 'a.csv'], { accounts: 'a.csv', wait: true, nodeUrls: [] }],
    [
      ['--accounts', 'a.csv', '--node', 'http://a:1/', '--node', 'http://b:2'],
      { accounts: 'a.csv', wait: true, nodeUrls: ['http://a:1/', 'http://b:2'] },
    ],
    [
      ['--node', 'http://a:1', 'onboard', '--node', 'http://b:2'].slice(3),
      { wait: true, nodeUrls: ['http://b:2'] },
    ],
    [
      ['--concurrency', '2', '--max-unlocked-accounts', '0', '--password-file', 'p', '--fee', '1'],
      { concurrency: '2', maxUnlockedAccounts: '0', passwordFile: 'p', fee: '1', wait: true, nodeUrls: [] },
    ],
    [
      ['--no-wait', '--confirmation-timeout', '3', '--activation-timeout', '4'],
      { wait: false, confirmationTimeout: '3', activationTimeout: '4', nodeUrls: [] },
    ],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['onboard', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });

  it('reads the --offline flags', async () => {
    const argv = ['--offline', '--node-public-key', 'AB', '--out-dir', 'signed', '--aggregate-version', '2'];
    const parsed = await parseCli(['onboard', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual({
      offline: true,
      nodePublicKey: 'AB',
      outDir: 'signed',
      aggregateVersion: '2',
      wait: true,
      nodeUrls: [],
    });
  });

  it('collects a --node given before the command too', async () => {
    const parsed = await parseCli(['--node', 'http://a:1', 'onboard', '--node', 'http://b:2']);
    expect(parsed.options).toMatchObject({ nodeUrls: ['http://a:1', 'http://b:2'] });
  });
});

describe('harvest onboard: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[...NODE], 'INPUT_REQUIRED', 2],
    [[...NODE, '--accounts', accounts, '--concurrency', '0'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--concurrency', 'many'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--max-unlocked-accounts', '-1'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--fee', '-1'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--confirmation-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--activation-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', 'missing.csv'], 'INVALID_FILE', 2],
    [[...NODE, '--accounts', file('empty.csv', '')], 'INVALID_FILE', 2],
    [['--node', 'ftp://x', '--accounts', accounts], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--out-dir', folder], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--node-public-key', NODE_KEY], 'INVALID_INPUT', 2],
    [[...NODE, '--accounts', accounts, '--aggregate-version', '2'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['onboard', ...argv], code, exitCode, folder);
  });
});

describe('harvest onboard --offline: refused command lines (no node is ever asked)', () => {
  it.each<[string[], string, number]>([
    [
      ['--offline', '--node-public-key', NODE_KEY, '--accounts', accounts, '--out-dir', folder],
      'INPUT_REQUIRED',
      2,
    ],
    [
      ['--offline', '--network', 'testnet', '--accounts', accounts, '--out-dir', folder],
      'NODE_KEY_UNKNOWN',
      2,
    ],
    [['--offline', '--network', 'testnet', '--node-public-key', 'zz', '--out-dir', folder], 'INVALID_KEY', 2],
    [['--offline', '--network', 'testnet', '--node-public-key', '00'.repeat(32)], 'INVALID_KEY', 2],
    [[...OFFLINE], 'INPUT_REQUIRED', 2],
    [[...OFFLINE, '--out-dir', join(folder, 'missing')], 'INVALID_FILE', 2],
    [[...OFFLINE, '--out-dir', accounts], 'INVALID_FILE', 2],
    [[...OFFLINE, '--out-dir', folder, '--fee', 'fast'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--out-dir', folder, '--aggregate-version', '4'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--out-dir', folder, '--concurrency', '0'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--out-dir', folder, ...NODE], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--out-dir', folder, '--no-wait'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--out-dir', folder, '--activation-timeout', '5'], 'INVALID_INPUT', 2],
    [
      ['--prepare', '--network', 'testnet', '--node-public-key', NODE_KEY, '--accounts', accounts],
      'INPUT_REQUIRED',
      2,
    ],
    [
      ['--prepare', '--network', 'testnet', '--accounts', accounts, '--out-dir', folder],
      'NODE_KEY_UNKNOWN',
      2,
    ],
    [
      ['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--out-dir', folder],
      'INPUT_REQUIRED',
      2,
    ],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['onboard', ...argv], code, exitCode, folder);
  });

  it('--prepare refuses a row naming a private key (key_file), before reading it', async () => {
    const argv = ['--prepare', '--network', 'testnet', '--node-public-key', NODE_KEY, '--accounts', accounts];
    const run = await expectRefused(['onboard', ...argv, '--out-dir', folder], 'INVALID_FILE', 2, folder);
    expect(run.json()).toMatchObject({
      error: { message: expect.stringContaining('but --prepare takes public keys only') },
    });
    expect(existsSync(join(folder, 'keystore'))).toBe(false);
  });

  it('refuses a row naming its own node, naming the line, before any keystore is made', async () => {
    const argv = ['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--accounts', withNode];
    const run = await expectRefused(['onboard', ...argv, '--out-dir', folder], 'INVALID_FILE', 2, folder);
    expect(run.json()).toMatchObject({
      error: { message: expect.stringContaining('line 2 names its own node') },
    });
    expect(existsSync(join(folder, 'keystore'))).toBe(false);
  });
});
