/**
 * `harvest decrypt-check` run by the direct entry (src/cli/directDecryptCheck.ts, what bin/harvest.js runs) and by
 * the program (main()): the same stdout, stderr and exit code for every command line the direct entry accepts —
 * results, refusals and errors, with and without --json — and nothing run for the ones it leaves to the program.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runDecryptCheckDirectly } from '../../src/cli/directDecryptCheck.js';
import type { Runtime } from '../../src/commands/context/runtime.js';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { encodeEd25519Pem } from '../../src/core/pem.js';
import { scratchFolder } from '../helpers/argsTable.js';
import { noPrompts } from '../helpers/runCli.js';
import { testIo } from '../helpers/testIo.js';

const { folder, file } = scratchFolder('direct-decrypt-check');
const fixed = (byte: number) => (length: number) => new Uint8Array(length).fill(byte);
const nodePrivateKey = fixed(0x11)(32);
const pem = file('node.key.pem', encodeEd25519Pem(nodePrivateKey));
const hexKey = file('node.key', toHex(nodePrivateKey));
const otherKey = file('other.key', '22'.repeat(32));
const badKey = file('bad.key', 'not a key');
const message = encodeDelegationMessage(
  derivePublicKey(nodePrivateKey),
  { remotePrivateKey: fixed(0x22)(32), vrfPrivateKey: fixed(0x33)(32) },
  fixed(0x44),
);
const MESSAGE = toHex(message);
const harvesters = file('harvesters.dat', '');
const network = file('network.json', '{"not":"a network"}');
{
  // harvesters.dat holds raw records: two copies of the message's record
  const { writeFileSync } = await import('node:fs');
  writeFileSync(harvesters, concatBytes(message.subarray(8), message.subarray(8)));
}

/** One run: the world main() and the direct entry see alike (no terminal, no node, no prompts). */
function world(): { io: ReturnType<typeof testIo>; overrides: Partial<Runtime> } {
  const io = testIo();
  return {
    io,
    overrides: {
      io,
      env: { HARVEST_HOME: folder },
      cwd: folder,
      prompter: noPrompts,
      fetch: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')),
      sleep: () => Promise.resolve(),
      interruption: () => new AbortController().signal,
      shutdownSignal: () => new Promise<string>(() => undefined),
    },
  };
}

const withoutStack = (text: string) => text.replace(/^ +at .*\n/gm, '');

const accepted: string[][] = [
  ['--node-key', pem, '--message', MESSAGE],
  ['--node-key', pem, '--message', MESSAGE, '--json'],
  ['--node-key', hexKey, '--message', MESSAGE, '--json', '--show-secrets'],
  ['--node-key', otherKey, '--message', MESSAGE],
  ['--node-key', otherKey, '--message', MESSAGE, '--json'],
  ['--node-key', pem, '--harvesters', harvesters, '--json'],
  ['--node-key', pem, '--harvesters', 'harvesters.dat', '--verbose', '--no-color'],
  ['--node-key', pem, '--json'],
  ['--node-key', pem],
  ['--message', MESSAGE, '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--harvesters', harvesters, '--json'],
  ['--node-key', 'missing.key', '--message', MESSAGE, '--json'],
  ['--node-key', badKey, '--message', MESSAGE],
  ['--node-key', badKey, '--message', MESSAGE, '--json', '--verbose'],
  ['--node-key', '11'.repeat(32), '--message', MESSAGE, '--json'],
  ['--node-key', pem, '--message', 'zz', '--json'],
  ['--node-key', pem, '--message', `${MESSAGE}00`],
  ['--node-key', pem, '--harvesters', 'missing.dat', '--json'],
  ['--node-key', pem, '--payload', 'missing.json', '--json'],
  ['--node-key', pem, '--payload', badKey],
  ['--node-key', pem, '--tx', 'AB', '--json'],
  ['--node-key', pem, '--tx', 'AB'.repeat(32), '--json'],
  ['--node-key', pem, '--tx', 'AB'.repeat(32), '--node', 'http://127.0.0.1:9', '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--node', 'http://127.0.0.1:9', '--timeout', '1', '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--network', 'moonnet', '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--network', 'moonnet'],
  ['--node-key', pem, '--message', MESSAGE, '--network', network, '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--network', 'testnet', '--json'],
  ['--node-key=node.key.pem', `--message=${MESSAGE}`, '--json'],
  [
    '--node-key',
    pem,
    '--message',
    MESSAGE,
    '--yes',
    '--no-input',
    '--progress',
    'plain',
    '--home',
    'h',
    '--json',
  ],
];

const leftToTheProgram: string[][] = [
  ['--node-key', pem, '--message', MESSAGE, '--frob', '--json'],
  ['--node-key', pem, '--message'],
  ['--node-key', pem, '--message', MESSAGE, 'extra', '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--timeout', 'soon', '--json'],
  ['--node-key', pem, '--message', MESSAGE, '--node', 'not a url'],
  ['--node-key', pem, '--message', MESSAGE, '--progress', 'loud', '--json'],
  ['--help'],
];

describe('decrypt-check, direct entry and program alike', () => {
  it.each(accepted.map((argv) => [argv.join(' ').replaceAll(folder, '.'), argv] as const))(
    '%s: same output and exit code',
    async (_label, argv) => {
      const direct = world();
      const directRun = runDecryptCheckDirectly(['decrypt-check', ...argv], direct.overrides);
      expect(directRun).toBeDefined();
      const directExit = await directRun!;
      const program = world();
      const programExit = await main(['decrypt-check', ...argv], program.overrides);
      expect(direct.io.stdoutText()).toBe(program.io.stdoutText());
      // --verbose prints the stack of an error, whose frames name the path it took
      expect(withoutStack(direct.io.stderrText())).toBe(withoutStack(program.io.stderrText()));
      expect(directExit).toBe(programExit);
      expect(direct.io.stdoutText() + direct.io.stderrText()).not.toBe('');
    },
  );

  it('covers results, rejections and refusals (exit 0, 2, 3 and 4, with and without --json)', async () => {
    const exits = new Set<number>();
    for (const argv of accepted) {
      exits.add(await runDecryptCheckDirectly(['decrypt-check', ...argv], world().overrides)!);
    }
    expect([...exits].sort()).toEqual([0, 2, 3, 4]);
  });

  it.each(leftToTheProgram)('%j: left to the program, nothing run', (...argv) => {
    const direct = world();
    expect(runDecryptCheckDirectly(['decrypt-check', ...argv], direct.overrides)).toBeUndefined();
    expect(direct.io.stdoutText() + direct.io.stderrText()).toBe('');
  });
});
