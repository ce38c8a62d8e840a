/**
 * `harvest cosign` as help shows it (docs/commands/cosign.md): summary, description and flags.
 * No heavy import here: the code that runs it is src/commands/cosign.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest cosign`. */
export interface CosignOptions {
  readonly keyFile?: string;
  readonly address?: string;
  readonly hash?: string;
  readonly allowAny?: boolean;
  readonly dryRun?: boolean;
}

/** `harvest cosign`. */
export const cosignDefinition = defineCommand<CosignOptions>({
  name: 'cosign',
  summary: "cosign a multisig account's harvesting set-up waiting for this cosignatory",
  description:
    "Lists the bonded aggregates waiting in the node's partial cache for the cosignatory of --key-file (or " +
    '--address, to list only), rebuilds each one from what the node shows to check its hash, shows every inner ' +
    'transaction, and cosigns after confirmation (--yes skips). Refuses anything but key links and delegation ' +
    'requests of one account (UNSAFE_TRANSACTION) unless --allow-any; --hash cosigns one.',
  unusedGlobals: ['--home', '--progress'],
  configure: (command) =>
    command
      .option(
        '--key-file <path>',
        "the cosignatory's private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option('--address <base32>', "the cosignatory's address: list what waits for it, cosign nothing")
      .option('--hash <hex>', 'cosign only this aggregate (the hash `delegate --multisig` reports)')
      .option('--allow-any', 'cosign even aggregates that hold more than key links and delegation requests')
      .option('--dry-run', 'check and show, cosign nothing'),
});
