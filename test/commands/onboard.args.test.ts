/** `harvest onboard`: command lines → flags (--node repeatable), and bad values → error and exit code. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('onboard');
const accounts = file('accounts.csv', 'key_file\nmain.key\n');
const NODE = ['--node', 'http://127.0.0.1:9'];

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
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['onboard', ...argv], code, exitCode, folder);
  });
});
