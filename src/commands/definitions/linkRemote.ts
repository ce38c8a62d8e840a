/**
 * `harvest link-remote` as help shows it (docs/commands/link-remote.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/linkRemote.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';
import type { DelegateOptions } from './delegate.js';

/** Flags of `harvest link-remote`. */
export interface LinkRemoteOptions extends DelegateOptions {
  readonly configOut?: string;
  readonly beneficiary?: string;
  readonly showSecrets?: boolean;
}

/** `harvest link-remote`. */
export const linkRemoteDefinition = defineCommand<LinkRemoteOptions>({
  name: 'link-remote',
  summary:
    "remote harvesting for a node's own account: link remote and VRF keys, write the harvesting settings",
  description:
    'Links a fresh remote key and VRF key to the account (unlinking old ones first) and writes ' +
    'harvesterSigningPrivateKey, harvesterVrfPrivateKey, enableAutoHarvesting and beneficiaryAddress to ' +
    '--config-out (mode 0600), for config-harvesting.properties. Keys are stored in the keystore first.',
  configure: (command) =>
    command
      .option('--offline', 'no node at all: needs --network; assumes no links unless --account-state')
      .option('--config-out <path>', 'where to write the [harvesting] settings (mode 0600)')
      .option('--beneficiary <address>', 'beneficiaryAddress (default: the main account)')
      .option(
        '--multisig <address>',
        'link keys of this multisig account: --key-file is the initiating cosignatory, who pays the fees and a deposit',
      )
      .option(
        '--key-file <path>',
        "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option(
        '--fee <multiplier>',
        'slow|average|fast or a multiplier N (fee = size × N µXYM); offline default 100',
      )
      .option('--account-state <file>', 'the JSON of GET /accounts/{address}, to plan unlinks offline')
      .option('--aggregate-version <2|3>', 'aggregate version offline (default 3)')
      .option('--out <file>', 'also write the signed transactions there (for `harvest announce`)')
      .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
      .option('--show-secrets', 'also print the remote and VRF private keys')
      .option('--dry-run', 'sign and print, announce nothing')
      .option('--no-wait', 'return once announced, without waiting for confirmation')
      .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)'),
});
