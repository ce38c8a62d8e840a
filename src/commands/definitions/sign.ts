/**
 * `harvest sign` as help shows it (docs/commands/sign.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/sign.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest sign`. */
export interface SignOptions {
  readonly keyFile?: string;
  readonly out?: string;
  readonly allowAny?: boolean;
  /** Add this cosignatory's cosignature to a signed multisig file (docs/commands/sign.md, "Cold cosigning"). */
  readonly cosign?: boolean;
}

/** `harvest sign`. */
export const signDefinition = defineCommand<SignOptions>({
  name: 'sign',
  summary: 'sign a prepared plan offline (cold signing)',
  description:
    'Shows every inner transaction of a plan written by `harvest delegate --prepare`, asks for confirmation ' +
    '(--yes skips), signs it with the main key and writes the signed file for `harvest announce`. Refuses ' +
    'anything but key links and delegation requests (UNSAFE_TRANSACTION) unless --allow-any.',
  unusedGlobals: ['--node', '--timeout', '--home', '--progress'],
  configure: (command) =>
    command
      .argument('<plan>', 'the unsigned plan file')
      .option(
        '--key-file <path>',
        "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option('--out <file>', 'where to write the signed file (mode 0600)')
      .option('--allow-any', 'sign even transactions that are not key links or delegation requests')
      .option(
        '--cosign',
        "add this cosignatory's cosignature to a signed multisig file (the argument), for `harvest announce`",
      ),
});
