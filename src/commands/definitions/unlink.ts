/**
 * `harvest unlink` as help shows it (docs/commands/unlink.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/unlink.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest unlink`. */
export interface UnlinkOptions {
  readonly keyFile?: string;
  readonly all?: boolean;
  readonly fee?: string;
  readonly passwordFile?: string;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
  /** The multisig account to unlink; --key-file is then one of its cosignatories. */
  readonly multisig?: string;
}

/** `harvest unlink`. */
export const unlinkDefinition = defineCommand<UnlinkOptions>({
  name: 'unlink',
  summary: 'stop harvesting: unlink the node link (default), or --all links',
  description:
    'Unlinks the node key the account is linked to, so that the node drops the delegate; --all also unlinks the ' +
    'remote and VRF keys. One aggregate, confirmed (--yes skips), journalled in the keystore when the account ' +
    'has one (no keystore is needed), announced through --node and waited for.',
  configure: (command) =>
    command
      .option(
        '--key-file <path>',
        "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option(
        '--multisig <address>',
        'unlink this multisig account: --key-file is the initiating cosignatory, who pays the fees and a deposit',
      )
      .option('--all', 'also unlink the remote and VRF keys')
      .option(
        '--fee <multiplier>',
        'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum)',
      )
      .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
      .option('--dry-run', 'sign and print, announce nothing')
      .option('--no-wait', 'return once announced, without waiting for confirmation')
      .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)'),
});
