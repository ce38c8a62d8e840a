/** `harvest announce`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('announce');
const notJson = file('not-json.txt', 'this is not a signed file');
const NODE = ['--node', 'http://127.0.0.1:9'];

describe('harvest announce: argv → arguments and flags', () => {
  it.each<[string[], string[], Record<string, unknown>]>([
    [['signed.json'], ['signed.json'], { wait: true }],
    [['-', '--allow-any', '--dry-run'], ['-'], { allowAny: true, dryRun: true, wait: true }],
    [['signed.json', '--no-wait'], ['signed.json'], { wait: false }],
    [
      ['signed.json', '--confirmation-timeout', '30', '--activation-timeout', '0.5'],
      ['signed.json'],
      { wait: true, confirmationTimeout: '30', activationTimeout: '0.5' },
    ],
  ])('%j', async (argv, args, options) => {
    const parsed = await parseCli(['announce', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.args).toEqual(args);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest announce: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[], 'INVALID_INPUT', 2],
    [['a.json', 'b.json'], 'INVALID_INPUT', 2],
    [['a.json', '--allow-any=yes'], 'INVALID_INPUT', 2],
    [['missing.json', ...NODE], 'INVALID_FILE', 2],
    [[notJson, ...NODE], 'INVALID_PAYLOAD', 2],
    [[notJson, ...NODE, '--confirmation-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[notJson, ...NODE, '--confirmation-timeout', '-1'], 'INVALID_INPUT', 2],
    [[notJson, ...NODE, '--activation-timeout', '1e3'], 'INVALID_INPUT', 2],
    [[notJson, '--node', 'ftp://x'], 'INVALID_INPUT', 2],
    [[notJson, ...NODE, '--timeout', 'abc'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['announce', ...argv], code, exitCode, folder);
  });
});
