/** `harvest node`: command lines → global options, and bad values → error and exit code, with no node. */
import { describe, expect, it } from 'vitest';
import { expectRefused, parseCli, scratchFolder } from '../helpers/argsTable.js';

const { folder } = scratchFolder('node');

describe('harvest node: argv → global options (parsed by their argParser)', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['--node', 'http://127.0.0.1:3000/'], { node: ['http://127.0.0.1:3000'] }],
    [['--node', 'https://node.example:3001//'], { node: ['https://node.example:3001'] }],
    [['--node', ''], { node: [''] }],
    [['--node', 'http://a:3000/', '--node', 'http://b:3000'], { node: ['http://a:3000', 'http://b:3000'] }],
    [['--timeout', '2.5'], { timeout: 2500 }],
    [['--timeout', '3600'], { timeout: 3_600_000 }],
    [['--home', 'h'], { home: '/work/h' }],
    [['--home', '/abs'], { home: '/abs' }],
    [['--network', 'mainnet'], { network: 'mainnet' }],
    [
      ['--json', '--yes', '--verbose', '--no-color', '--no-input'],
      { json: true, yes: true, verbose: true, color: false, input: false },
    ],
  ])('%j', async (argv, globals) => {
    const parsed = await parseCli(['node', ...argv]);
    expect(parsed.exitCode).toBe(0);
    expect(parsed.options).toEqual({});
    expect(parsed.globals).toMatchObject(globals);
  });
});

describe('harvest node: refused command lines', () => {
  it.each<[string[], string, number]>([
    [[], 'INPUT_REQUIRED', 2],
    [['--node', 'ftp://x'], 'INVALID_INPUT', 2],
    [['--node', 'not a url'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--node', 'garbage'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--timeout', 'abc'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--timeout', '0'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--timeout', '3601'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--timeout', '-1'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', '--network', 'moonnet'], 'INVALID_INPUT', 2],
    [['--node', 'http://x', 'extra'], 'INVALID_INPUT', 2],
  ])('%j → %s, exit %i', async (argv, code, exitCode) => {
    await expectRefused(['node', ...argv], code, exitCode, folder);
  });

  it('the --timeout message is the one of docs/cli.md, in the JSON error document', async () => {
    const run = await expectRefused(['node', '--timeout', 'soon'], 'INVALID_INPUT', 2, folder);
    expect(run.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: '--timeout must be a number of seconds between 0 and 3600, got "soon"',
      },
    });
    expect(run.stderr).toBe('');
  });
});
