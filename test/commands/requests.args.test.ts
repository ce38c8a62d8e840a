/** `harvest requests`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('requests');
const nodeKey = file('node.key', '11'.repeat(32));
const NODE = ['--node', 'http://127.0.0.1:9'];

describe('harvest requests: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['--node-key', 'node.key.pem'], { nodeKey: 'node.key.pem' }],
    [
      ['--node-key', '-', '--show-secrets', '--watch', '--watch-timeout', '60'],
      { nodeKey: '-', showSecrets: true, watch: true, watchTimeout: '60' },
    ],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['requests', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest requests: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[...NODE], 'INPUT_REQUIRED', 2],
    [['--node-key', nodeKey], 'INPUT_REQUIRED', 2],
    [[...NODE, '--node-key', 'missing.key'], 'INVALID_KEY', 2],
    [[...NODE, '--node-key', file('bad.key', 'xyz')], 'INVALID_KEY', 2],
    [[...NODE, '--node-key', nodeKey, '--watch', '--watch-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...NODE, '--node-key', nodeKey, '--watch', '--watch-timeout', '-1'], 'INVALID_INPUT', 2],
    [['--node', 'ftp://x', '--node-key', nodeKey], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['requests', ...argv], code, exitCode, folder);
  });
});
