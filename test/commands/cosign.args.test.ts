/** `harvest cosign`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('cosign');
const key = file('cosigner.key', '33'.repeat(32));
const badKey = file('bad.key', 'not a key');
const NODE = ['--node', 'http://127.0.0.1:9'];
const ADDRESS = 'TAYGYSDNBIJVTGNZNJTX7IHGBGNA77NX2A2DG2I';

describe('harvest cosign: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], {}],
    [['--key-file', 'k', '--hash', 'AB', '--allow-any'], { keyFile: 'k', hash: 'AB', allowAny: true }],
    [['--address', 'TA', '--dry-run'], { address: 'TA', dryRun: true }],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['cosign', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest cosign: refused command lines', () => {
  it.each<[string[], string, number]>([
    [['extra'], 'INVALID_INPUT', 2],
    [['--frob'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--hash', 'zz'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--hash', 'AB'.repeat(31)], 'INVALID_INPUT', 2],
    [[...NODE, '--address', 'TNOTANADDRESS'], 'INVALID_ADDRESS', 2],
    [[...NODE, '--address', ADDRESS, '--key-file', key], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', 'missing.key'], 'INVALID_KEY', 2],
    [[...NODE, '--key-file', badKey], 'INVALID_KEY', 2],
    [['--key-file', key], 'INPUT_REQUIRED', 2],
    [['--node', 'ftp://x', '--key-file', key], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--timeout', 'abc'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['cosign', ...argv], code, exitCode, folder);
  });
});
