/** `harvest status`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('status');
const key = file('main.key', '11'.repeat(32));
const NODE = ['--node', 'http://127.0.0.1:9'];
const ADDRESS = 'TBUIFROBNICATE';

describe('harvest status: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], {}],
    [['--address', ADDRESS], { address: ADDRESS }],
    [['--public-key', 'AB', '--watch'], { publicKey: 'AB', watch: true }],
    [
      ['--key-file', '-', '--watch', '--watch-timeout', '5'],
      { keyFile: '-', watch: true, watchTimeout: '5' },
    ],
    [['--watch', '--max-failed-polls', '3'], { watch: true, maxFailedPolls: '3' }],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['status', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest status: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[...NODE], 'INPUT_REQUIRED', 2],
    [[...NODE, '--address', ADDRESS, '--public-key', 'AB'], 'INVALID_INPUT', 2],
    [[...NODE, '--address', 'not-an-address'], 'INVALID_ADDRESS', 2],
    [[...NODE, '--public-key', 'zz'], 'INVALID_KEY', 2],
    [[...NODE, '--key-file', 'missing.key'], 'INVALID_KEY', 2],
    [[...NODE, '--key-file', key, '--watch-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch-timeout', '86401'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', '0'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', '-1'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', '2.5'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', ''], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', '1e3'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls', '\u0000\u00ff'], 'INVALID_INPUT', 2],
    [[...NODE, '--key-file', key, '--watch', '--max-failed-polls'], 'INVALID_INPUT', 2],
    [['--key-file', key], 'INPUT_REQUIRED', 2],
    [['--node', 'http://', '--key-file', key], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['status', ...argv], code, exitCode, folder);
  });
});
