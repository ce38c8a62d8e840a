/** `harvest sign`: command lines → arguments and flags, and bad values → error and exit code. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('sign');
const key = file('main.key', '11'.repeat(32));
const notAPlan = file('plan.json', '{"format":"something else"}');

describe('harvest sign: argv → arguments and flags', () => {
  it.each<[string[], string[], Record<string, unknown>]>([
    [['plan.json'], ['plan.json'], {}],
    [
      ['plan.json', '--key-file', '-', '--out', 'signed.json', '--allow-any'],
      ['plan.json'],
      { keyFile: '-', out: 'signed.json', allowAny: true },
    ],
    [['signed.json', '--cosign'], ['signed.json'], { cosign: true }],
  ])('%j', async (argv, args, options) => {
    const parsed = await parseCli(['sign', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.args).toEqual(args);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest sign: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[], 'INVALID_INPUT', 2],
    [['plan.json', '--key-file'], 'INVALID_INPUT', 2],
    [['missing.json', '--key-file', key], 'INVALID_FILE', 2],
    [[key, '--key-file', key], 'INVALID_FILE', 2],
    [[notAPlan, '--key-file', key], 'INVALID_FILE', 2],
    [[notAPlan, '--key-file', key, '--out', '/nonexistent/signed.json'], 'INVALID_FILE', 2],
    [[notAPlan, '--key-file', key, '--out', folder], 'INVALID_FILE', 2],
    [[notAPlan, '--cosign', '--key-file', key], 'INVALID_FILE', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['sign', ...argv], code, exitCode, folder);
  });
});
