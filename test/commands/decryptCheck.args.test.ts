/** `harvest decrypt-check`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('decrypt-check');
const nodeKey = file('node.key', '11'.repeat(32));
const badKey = file('bad.key', 'not a key');
const MESSAGE = `FE2A8061577301E2${'00'.repeat(124)}`;

describe('harvest decrypt-check: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['--node-key', 'node.key.pem', '--message', 'FE'], { nodeKey: 'node.key.pem', message: 'FE' }],
    [['--node-key', '-', '--harvesters', 'h.dat'], { nodeKey: '-', harvesters: 'h.dat' }],
    [['--payload', 'p.json', '--show-secrets'], { payload: 'p.json', showSecrets: true }],
    [['--tx', 'AB'], { tx: 'AB' }],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['decrypt-check', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest decrypt-check: refused command lines', () => {
  it.each<[string[], string, number]>([
    [['--node-key', nodeKey], 'INPUT_REQUIRED', 2],
    [['--message', MESSAGE], 'INPUT_REQUIRED', 2],
    [['--node-key', nodeKey, '--message', MESSAGE, '--harvesters', 'h.dat'], 'INVALID_INPUT', 2],
    [['--node-key'], 'INVALID_INPUT', 2],
    [['--node-key', 'missing.key', '--message', MESSAGE], 'INVALID_KEY', 2],
    [['--node-key', badKey, '--message', MESSAGE], 'INVALID_KEY', 2],
    [['--node-key', nodeKey, '--message', 'zz'], 'INVALID_MESSAGE', 2],
    [['--node-key', nodeKey, '--message', '00'.repeat(132)], 'INVALID_MESSAGE', 2],
    [['--node-key', nodeKey, '--message', `${MESSAGE}00`], 'INVALID_MESSAGE', 2],
    [['--node-key', nodeKey, '--harvesters', 'missing.dat'], 'INVALID_FILE', 2],
    [['--node-key', nodeKey, '--payload', 'missing.json'], 'INVALID_PAYLOAD', 2],
    [['--node-key', nodeKey, '--payload', badKey], 'INVALID_PAYLOAD', 2],
    [['--node-key', nodeKey, '--tx', 'AB'], 'INVALID_INPUT', 2],
    [['--node-key', nodeKey, '--tx', 'AB'.repeat(32)], 'INPUT_REQUIRED', 2],
    [['--node-key', nodeKey, '--message', MESSAGE, '--node', 'not a url'], 'INVALID_INPUT', 2],
    [['--node-key', nodeKey, '--message', MESSAGE, '--network', 'moonnet'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['decrypt-check', ...argv], code, exitCode, folder);
  });

  it('never echoes a key-looking path in the message', async () => {
    const run = await expectRefused(
      ['decrypt-check', '--node-key', '11'.repeat(32), '--message', MESSAGE],
      'INVALID_KEY',
      2,
      folder,
    );
    expect(run.stdout).not.toContain('11'.repeat(32));
  });
});
