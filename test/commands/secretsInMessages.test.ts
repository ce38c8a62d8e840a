import { describe, expect, it } from 'vitest';
import { encodeEd25519Pem } from '../../src/core/pem.js';
import { echoPath } from '../../src/core/redact.js';
import { runCli } from '../helpers/runCli.js';

const KEY = '73B20A55C1D4E8F90123456789ABCDEF0123456789ABCDEF0123456789AB4C28';

describe('a secret given where a path belongs is never echoed', () => {
  it.each([
    ['status --key-file <key>', ['status', '--json', '--node', 'http://127.0.0.1:9', '--key-file', KEY]],
    [
      'delegate --key-file 0X<key>',
      ['delegate', '--json', '--node', 'http://127.0.0.1:9', '--key-file', `0X${KEY}`],
    ],
    [
      'decrypt-check --node-key <PEM>',
      [
        'decrypt-check',
        '--json',
        '--node-key',
        encodeEd25519Pem(new Uint8Array(32).fill(7)),
        '--message',
        '00',
      ],
    ],
    ['--node <key>', ['status', '--json', '--node', KEY]],
    ['a second --node <key>', ['node', '--json', '--node', `http://127.0.0.1:9`, '--node', KEY]],
    [
      'delegate --delegate-to <key>',
      ['delegate', '--json', '--node', 'http://127.0.0.1:9', '--delegate-to', KEY],
    ],
    ['onboard --node <key>', ['onboard', '--json', '--accounts', 'accounts.csv', '--node', KEY]],
    [
      'delegate --password-file <password>',
      [
        'delegate',
        '--json',
        '--offline',
        '--network',
        'testnet',
        '--node-public-key',
        'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737',
        '--key-file',
        '-',
        '--password-file',
        'MySecretPassw0rd',
      ],
    ],
  ])('%s', async (_label, args) => {
    const run = await runCli(args, { stdin: KEY });
    expect(run.exitCode).toBe(2);
    const text = run.stdout + run.stderr;
    expect(text).not.toContain(KEY.slice(0, 40));
    expect(text).not.toContain('BEGIN PRIVATE KEY');
    expect(text).not.toContain('MySecretPassw0rd');
    expect(text).toMatch(/value hidden/);
  });

  it('keeps ordinary paths in messages', () => {
    expect(echoPath('keys/main.key')).toBe('keys/main.key');
    expect(echoPath('./node.key.pem')).toBe('./node.key.pem');
    expect(echoPath(KEY)).toMatch(/hidden/);
    expect(echoPath('hunter2')).toMatch(/hidden/);
  });
});
