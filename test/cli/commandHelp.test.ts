/** `harvest <command> --help`: the global flags that apply to the command, and devnet's numbers and faults. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

/** The long flags listed under "Global Options:" of a command's help. */
async function globalsOf(command: string): Promise<string[]> {
  const run = await runCli([command, '--help']);
  expect(run.exitCode).toBe(0);
  const section = run.stdout.split('Global Options:\n')[1] ?? '';
  const block = section.split('\n\n')[0] ?? '';
  return [...block.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]!);
}

describe('harvest <command> --help: global options', () => {
  // the global flags each command's help lists, in the program's order; onboard's own --node (repeatable) is
  // listed among its options, not again here
  it.each<[string, string]>([
    ['delegate', '--json --yes --node --network --home --timeout --verbose --progress --no-color --no-input'],
    [
      'link-remote',
      '--json --yes --node --network --home --timeout --verbose --progress --no-color --no-input',
    ],
    ['unlink', '--json --yes --node --network --home --timeout --verbose --progress --no-color --no-input'],
    ['status', '--json --node --network --home --timeout --verbose --progress --no-color --no-input'],
    ['announce', '--json --yes --node --network --timeout --verbose --progress --no-color --no-input'],
    ['sign', '--json --yes --network --verbose --no-color --no-input'],
    ['node', '--json --node --network --timeout --verbose --no-color'],
    ['nodes', '--json --node --network --timeout --verbose --progress --no-color'],
    ['requests', '--json --node --network --timeout --verbose --progress --no-color'],
    ['rewards', '--json --node --network --timeout --verbose --progress --no-color'],
    ['decrypt-check', '--json --node --network --timeout --verbose --no-color'],
    ['cosign', '--json --yes --node --network --timeout --verbose --no-color --no-input'],
    ['onboard', '--json --yes --network --home --timeout --verbose --progress --no-color --no-input'],
    ['devnet', '--json --verbose --no-color'],
  ])('%s lists %s', async (command, globals) => {
    expect(await globalsOf(command)).toEqual(globals.split(' '));
  });

  it('never lists --version among the global options of a command', async () => {
    const run = await runCli(['status', '--help']);
    expect(run.stdout).not.toMatch(/--version/);
  });
});

describe('harvest devnet --help', () => {
  it('shows numeric defaults as numbers, not strings', async () => {
    const run = await runCli(['devnet', '--help']);
    expect(run.stdout).toMatch(/\(default:\s+3000\)/);
    expect(run.stdout).toMatch(/\(default:\s+10\)/);
    expect(run.stdout).toMatch(/\(default:\s+100\)/);
    expect(run.stdout).not.toMatch(/\(default: "\d+"\)/);
  });

  it('lists the repeatable --multisig flag', async () => {
    const run = await runCli(['devnet', '--help']);
    expect(run.stdout).toMatch(/--multisig <m-of-n>\s+a funded multisig account/);
  });

  it('describes every key of --faults', async () => {
    const run = await runCli(['devnet', '--help']);
    for (const key of ['error-rate=<0..1>', 'latency-ms=<ms>', 'drop-announce-rate=<0..1>']) {
      expect(run.stdout).toContain(key);
    }
  });
});
