/** `harvest devnet`: command lines → flags (with their defaults), and bad values → error and exit code. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder } = scratchFolder('devnet');
const DEFAULTS = {
  port: '3000',
  host: '127.0.0.1',
  blockTime: '1',
  accounts: '10',
  nodes: '1',
  maxUnlockedAccounts: '10',
  importanceGrouping: '10',
  minFeeMultiplier: '100',
};

describe('harvest devnet: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], DEFAULTS],
    [
      ['--port', '0', '--state', 's', '--block-time', '0.5'],
      { ...DEFAULTS, port: '0', state: 's', blockTime: '0.5' },
    ],
    [
      ['--accounts', '3', '--nodes', '2', '--max-unlocked-accounts', '1', '--importance-grouping', '5'],
      { ...DEFAULTS, accounts: '3', nodes: '2', maxUnlockedAccounts: '1', importanceGrouping: '5' },
    ],
    [
      ['--min-fee-multiplier', '0', '--faults', 'error-rate=0.1', '--host', '0.0.0.0'],
      { ...DEFAULTS, minFeeMultiplier: '0', faults: 'error-rate=0.1', host: '0.0.0.0' },
    ],
    [['--multisig', '2-of-3', '--multisig', '1-of-1'], { ...DEFAULTS, multisig: ['2-of-3', '1-of-1'] }],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['devnet', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest devnet: refused values (before any server starts)', () => {
  it.each<[string[], string, number]>([
    [['--port', '70000'], 'INVALID_INPUT', 2],
    [['--port', 'http'], 'INVALID_INPUT', 2],
    [['--block-time', 'abc'], 'INVALID_INPUT', 2],
    [['--block-time', '3601'], 'INVALID_INPUT', 2],
    [['--accounts', '-1'], 'INVALID_INPUT', 2],
    [['--nodes', '0'], 'INVALID_INPUT', 2],
    [['--nodes', '33'], 'INVALID_INPUT', 2],
    [['--max-unlocked-accounts', '1.5'], 'INVALID_INPUT', 2],
    [['--importance-grouping', '0'], 'INVALID_INPUT', 2],
    [['--min-fee-multiplier', 'x'], 'INVALID_INPUT', 2],
    [['--faults', 'garbage'], 'INVALID_INPUT', 2],
    [['--faults', 'error-rate=2'], 'INVALID_INPUT', 2],
    [['--multisig', '4-of-3'], 'INVALID_INPUT', 2],
    [['--multisig', 'x'], 'INVALID_INPUT', 2],
    [['--multisig', '0-of-2'], 'INVALID_INPUT', 2],
    [['--multisig', '2-of-26'], 'INVALID_INPUT', 2],
    [['--multisig', '2-of-3', '--multisig', '2of3'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['devnet', ...argv], code, exitCode, folder);
  });
});
