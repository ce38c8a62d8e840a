/** `harvest unlink`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('unlink');
const key = file('main.key', '11'.repeat(32));
const NODE = ['--node', 'http://127.0.0.1:9'];

describe('harvest unlink: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], { wait: true }],
    [['--multisig', 'TCJF', '--key-file', 'k'], { multisig: 'TCJF', keyFile: 'k', wait: true }],
    [
      ['--key-file', 'k', '--all', '--fee', 'slow', '--password-file', 'p'],
      { keyFile: 'k', all: true, fee: 'slow', passwordFile: 'p', wait: true },
    ],
    [
      ['--dry-run', '--no-wait', '--confirmation-timeout', '12.5'],
      { dryRun: true, wait: false, confirmationTimeout: '12.5' },
    ],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['unlink', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest unlink: refused command lines', () => {
  it.each<[string[], string, number]>([
    [['--key-file', key], 'INPUT_REQUIRED', 2],
    [[...NODE, '--key-file', key, '--multisig', 'TNOTANADDRESS'], 'INVALID_ADDRESS', 2],
    [[...NODE, '--key-file', key, '--fee', '-1'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--fee', 'free'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--confirmation-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', 'missing.key'], 'INVALID_KEY', 2],
    [[...NODE], 'INPUT_REQUIRED', 2],
    [[...NODE, '--key-file', key, '--all=yes'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['unlink', ...argv], code, exitCode, folder);
  });
});
