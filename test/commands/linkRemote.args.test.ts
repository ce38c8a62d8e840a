/** `harvest link-remote`: command lines → flags, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder, file } = scratchFolder('link-remote');
const key = file('main.key', '11'.repeat(32));
const OFFLINE = ['--offline', '--network', 'testnet', '--key-file', key];
const ONLINE = ['--node', 'http://127.0.0.1:9', '--key-file', key];

describe('harvest link-remote: argv → flags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], { wait: true }],
    [
      ['--offline', '--config-out', 'h.properties', '--beneficiary', 'TA', '--show-secrets'],
      { offline: true, configOut: 'h.properties', beneficiary: 'TA', showSecrets: true, wait: true },
    ],
    [
      ['--key-file', 'k', '--fee', '10', '--account-state', 's', '--aggregate-version', '3', '--out', 'o'],
      { keyFile: 'k', fee: '10', accountState: 's', aggregateVersion: '3', out: 'o', wait: true },
    ],
    [
      ['--password-file', 'p', '--dry-run', '--no-wait', '--confirmation-timeout', '9'],
      { passwordFile: 'p', dryRun: true, wait: false, confirmationTimeout: '9' },
    ],
  ])('%j', async (argv, options) => {
    const parsed = await parseCli(['link-remote', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual(options);
  });
});

describe('harvest link-remote: refused command lines', () => {
  it.each<[string[], string, number]>([
    [['--node-public-key', 'AB'], 'INVALID_INPUT', 2],
    [['--key-file', key], 'INPUT_REQUIRED', 2],
    [[...OFFLINE, '--fee', '-1'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--multisig', 'TCJF'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--multisig', 'TNOTANADDRESS'], 'INVALID_ADDRESS', 2],
    [[...OFFLINE, '--aggregate-version', 'x'], 'INVALID_INPUT', 2],
    [[...OFFLINE, '--beneficiary', 'not-an-address'], 'INVALID_ADDRESS', 2],
    [[...OFFLINE, '--config-out', '/nonexistent/h.properties'], 'INVALID_FILE', 2],
    [[...OFFLINE, '--out', folder], 'INVALID_FILE', 2],
    [['--offline', '--key-file', key], 'INPUT_REQUIRED', 2],
    [[...ONLINE, '--beneficiary', 'not-an-address'], 'INVALID_ADDRESS', 2],
    [[...ONLINE, '--fee', 'x'], 'INVALID_INPUT', 2],
    [[...ONLINE, '--confirmation-timeout', 'soon'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['link-remote', ...argv], code, exitCode, folder);
  });
});
