/**
 * The direct decrypt-check entry reads its command line without commander (src/cli/decryptCheckCommandLine.ts).
 * Whatever it accepts, commander must accept too and hand decrypt-check the same arguments, flags and global
 * options; whatever it gives up on is read by the program, so the two paths can only differ if this check fails.
 * Checked on a table of command lines and on several thousand drawn from a vocabulary of flags and values.
 */
import { describe, expect, it } from 'vitest';
import { decryptCheckCommandLine } from '../../src/cli/decryptCheckCommandLine.js';
import { runHarvest } from '../../src/cli/main.js';
import { createProcessRuntime } from '../../src/cli/processRuntime.js';
import type { ParsedCommandLine } from '../../src/cli/runCommand.js';
import type { Runtime } from '../../src/commands/context/runtime.js';
import { noPrompts } from '../helpers/runCli.js';
import { testIo } from '../helpers/testIo.js';

const CWD = '/work';

/** What commander hands to decrypt-check for `argv`, or undefined when the program refuses the command line. */
async function commanderReads(argv: readonly string[]): Promise<ParsedCommandLine | undefined> {
  const runtime: Runtime = {
    ...createProcessRuntime(),
    io: testIo(),
    env: {},
    prompter: noPrompts,
    cwd: CWD,
  };
  let parsed: ParsedCommandLine | undefined;
  const exitCode = await runHarvest(argv, runtime, (entry, command) => {
    expect(entry.definition.name).toBe('decrypt-check');
    parsed = {
      args: command.processedArgs as string[],
      options: entry.definition.readOptions(command),
      globals: command.optsWithGlobals(),
    };
    return Promise.resolve(0);
  });
  return exitCode === 0 ? parsed : undefined;
}

/** The parse as plain data with its keys in order, so that a missing and an undefined option differ. */
const canonical = (parsed: ParsedCommandLine) =>
  JSON.stringify(parsed, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

/** Checks one command line: accepted here means accepted by commander with the same parse. */
async function expectAgreement(argv: readonly string[]): Promise<'accepted' | 'left to the program'> {
  const direct = decryptCheckCommandLine(argv, CWD);
  if (direct === undefined) return 'left to the program';
  const program = await commanderReads(argv);
  expect(program, JSON.stringify(argv)).toBeDefined();
  expect(canonical(direct), JSON.stringify(argv)).toBe(canonical(program!));
  return 'accepted';
}

const MESSAGE = `FE2A8061577301E2${'00'.repeat(124)}`;

describe('decrypt-check command line without commander', () => {
  it.each<[string[]]>([
    [['decrypt-check', '--node-key', 'node.key.pem', '--message', MESSAGE, '--json']],
    [['decrypt-check', '--json', '--node-key=node.key.pem', `--message=${MESSAGE}`]],
    [['decrypt-check', '--node-key', '-', '--harvesters', 'harvesters.dat', '--show-secrets']],
    [['decrypt-check', '--payload', 'p.json', '--verbose', '--no-color']],
    [['decrypt-check', '--tx', 'AB', '--node', 'http://127.0.0.1:3000/', '--node', 'https://b:3001']],
    [['decrypt-check', '--node', '', '--message', '']],
    [['decrypt-check', '--node=', '--message=', '--timeout', '2.5']],
    [['decrypt-check', '--timeout=30', '--network', 'mainnet', '--network=testnet']],
    [['decrypt-check', '--network', 'net.json', '--message', 'a', '--message', 'b']],
    [['decrypt-check', '--message', 'decrypt-check', '--node-key', 'help']],
    [['decrypt-check', '--message=-x', '--node-key=--json']],
    [['decrypt-check']],
    [['decrypt-check', '--yes', '-y', '--no-input', '--home', 'h', '--home=../x', '--progress', 'plain']],
    [['decrypt-check', '--progress=none', '--progress', 'auto', '--home', '/abs/olute']],
  ])('accepts %j as commander does', async (argv) => {
    expect(await expectAgreement(argv)).toBe('accepted');
  });

  it.each<[string[]]>([
    [[]],
    [['status']],
    [['--json', 'decrypt-check', '--message', MESSAGE]],
    [['decrypt-check', '--help']],
    [['decrypt-check', '-h']],
    [['decrypt-check', 'help']],
    [['decrypt-check', 'extra']],
    [['decrypt-check', '--']],
    [['decrypt-check', '--frob']],
    [['decrypt-check', '--node-key']],
    [['decrypt-check', '--message', '--json']],
    [['decrypt-check', '--node-key', '-x']],
    [['decrypt-check', '--json=1']],
    [['decrypt-check', '--color']],
    [['decrypt-check', '-yv']],
    [['decrypt-check', '-V']],
    [['decrypt-check', '--yes=1']],
    [['decrypt-check', '--home']],
    [['decrypt-check', '--progress', 'loud']],
    [['decrypt-check', '--progress=']],
    [['decrypt-check', '--input']],
    [['decrypt-check', '--version']],
    [['decrypt-check', '--timeout', 'soon']],
    [['decrypt-check', '--timeout=0']],
    [['decrypt-check', '--node', 'not a url']],
    [['decrypt-check', '--node=ftp://example.org']],
    [['decrypt-check', '--Message', MESSAGE]],
    [['decrypt-check', '--mess', MESSAGE]],
  ])('leaves %j to the program', (argv) => {
    expect(decryptCheckCommandLine(argv, CWD)).toBeUndefined();
  });

  it('agrees with commander on every command line drawn from flags and values, good and bad', async () => {
    const words = [
      '--node-key',
      '--message',
      '--harvesters',
      '--payload',
      '--tx',
      '--show-secrets',
      '--json',
      '--verbose',
      '--no-color',
      '--node',
      '--network',
      '--timeout',
      '--yes',
      '--home',
      '--progress',
      '--no-input',
      '--help',
      '-h',
      '-y',
      '--',
      '--frob',
      '--json=1',
      '--message=FE',
      '--node=http://n:3000',
      '--timeout=5',
      '--timeout=x',
      '--progress=plain',
      '--home=h',
      'plain',
      'none',
      'FE',
      '',
      '-',
      '-1',
      '5',
      '0.5',
      'soon',
      'http://127.0.0.1:3000',
      'not a url',
      'mainnet',
      'moonnet',
      'node.key.pem',
      'decrypt-check',
      'help',
      'status',
    ];
    // a fixed linear congruential sequence: the same command lines on every run
    let seed = 11;
    const next = (bound: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % bound;
    };
    const tally = { accepted: 0, 'left to the program': 0 };
    for (let round = 0; round < 3000; round++) {
      const argv = ['decrypt-check'];
      for (let length = next(7); length > 0; length--) argv.push(words[next(words.length)]!);
      tally[await expectAgreement(argv)] += 1;
    }
    expect(tally.accepted).toBeGreaterThan(300);
    expect(tally['left to the program']).toBeGreaterThan(300);
  });
});
