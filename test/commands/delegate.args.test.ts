/** `harvest delegate`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('delegate');
const key = file('main.key', '11'.repeat(32));
const badKey = file('bad.key', 'not a key');
const notJson = file('state.txt', 'not JSON');
const NODE_KEY = toHex(derivePublicKey(new Uint8Array(32).fill(0x22)));
const OFFLINE = ['--offline', '--network', 'testnet', '--key-file', key];
const ONLINE = ['--node', 'http://127.0.0.1:9', '--key-file', key];

describe('harvest delegate: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], { wait: true }],
    [
      ['--offline', '--key-file', 'k', '--node-public-key', 'AB', '--fee', '100', '--aggregate-version', '2'],
      { offline: true, keyFile: 'k', nodePublicKey: 'AB', fee: '100', aggregateVersion: '2', wait: true },
    ],
    [
      ['--prepare', '--out', 'plan.json', '--public-key', 'AB'],
      { prepare: true, out: 'plan.json', publicKey: 'AB', wait: true },
    ],
    [['--prepare', '--address', 'TA'], { prepare: true, address: 'TA', wait: true }],
    [['--multisig', 'TCJF', '--key-file', 'k'], { multisig: 'TCJF', keyFile: 'k', wait: true }],
    [['--delegate-to', 'http://b:3000'], { delegateTo: 'http://b:3000', wait: true }],
    [
      ['--account-state', 's.json', '--password-file', 'p', '--force', '--dry-run', '--resend'],
      { accountState: 's.json', passwordFile: 'p', force: true, dryRun: true, resend: true, wait: true },
    ],
    [
      ['--no-wait', '--confirmation-timeout', '1', '--activation-timeout', '2', '--fee', 'fast'],
      { wait: false, confirmationTimeout: '1', activationTimeout: '2', fee: 'fast' },
    ],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['delegate', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest delegate: refused command lines', () => {
  it.each<[string[], string, number]>([
    [['--frob'], 'INVALID_INPUT', 2],
    [['--key-file', key], 'INPUT_REQUIRED', 2],
    [['--offline', '--key-file', key, '--node-public-key', NODE_KEY], 'INPUT_REQUIRED', 2],
    [[...OFFLINE], 'NODE_KEY_UNKNOWN', 2],
    [[...OFFLINE, '--node-public-key', 'zz'], 'INVALID_KEY', 2],
    [[...OFFLINE, '--node-public-key', '00'.repeat(32)], 'INVALID_KEY', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--fee', '-1'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--fee', 'fast'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--aggregate-version', '4'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--account-state', 'missing.json'], 'INVALID_FILE', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--account-state', notJson], 'INVALID_FILE', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--out', '/nonexistent/plan.json'], 'INVALID_FILE', 2],
    [['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--prepare'], 'INPUT_REQUIRED', 2],
    [
      ['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--key-file', 'missing.key'],
      'INVALID_KEY',
      2,
    ],
    [
      ['--offline', '--network', 'testnet', '--node-public-key', NODE_KEY, '--key-file', badKey],
      'INVALID_KEY',
      2,
    ],
    [[...ONLINE, '--multisig', 'TNOTANADDRESS'], 'INVALID_ADDRESS', 2],
    [[...ONLINE, '--multisig', ''], 'INVALID_ADDRESS', 2],
    [[...OFFLINE, '--node-public-key', NODE_KEY, '--multisig', 'TNOTANADDRESS'], 'INVALID_INPUT', 2],
    [
      [
        '--node',
        'http://127.0.0.1:9',
        '--prepare',
        '--public-key',
        NODE_KEY,
        '--out',
        'p.json',
        '--multisig',
        'TA',
      ],
      'INVALID_ADDRESS', // --prepare takes --multisig (cold signing): the address is read first
      2,
    ],
    [[...ONLINE, '--fee', '-1'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--fee', 'cheap'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--node-public-key', 'zz'], 'INVALID_KEY', 2],
    [[...ONLINE, '--confirmation-timeout', 'abc'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--activation-timeout', '-5'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--timeout', '0'], 'INVALID_INPUT', 2],
    [['--node', 'ftp://x', '--key-file', key], 'INVALID_INPUT', 2],
    [['--node', 'http://127.0.0.1:9', '--node', 'nonsense', '--key-file', key], 'INVALID_INPUT', 2],
    [[...ONLINE, '--delegate-to', 'ftp://x'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--delegate-to', 'not a url'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['delegate', ...argv], code, exitCode, folder);
  });
});
