/**
 * `harvest delegate` as help shows it (docs/commands/delegate.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/delegate.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest delegate` (and, for the shared ones, `harvest link-remote`). */
export interface DelegateOptions {
  readonly offline?: boolean;
  readonly prepare?: boolean;
  readonly out?: string;
  readonly keyFile?: string;
  readonly publicKey?: string;
  readonly address?: string;
  readonly nodePublicKey?: string;
  /** The node to delegate to (delegate only); default: the first --node. */
  readonly delegateTo?: string;
  readonly fee?: string;
  readonly accountState?: string;
  readonly aggregateVersion?: string;
  readonly passwordFile?: string;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly resend?: boolean;
  /** Keep the remote and VRF keys when switching to another node (the default rotates them). */
  readonly keepKeys?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
  /** --node auto: where the candidates come from and how full nodes are judged (docs/commands/nodes.md). */
  readonly nodewatch?: string;
  readonly maxUnlockedAccounts?: string;
  readonly probeTimeout?: string;
  /** The multisig account to set up; --key-file is then one of its cosignatories (docs/commands/delegate.md). */
  readonly multisig?: string;
}

/** `harvest delegate`. */
export const delegateDefinition = defineCommand<DelegateOptions>({
  name: 'delegate',
  summary: 'link fresh remote and VRF keys and ask a node to harvest for the account',
  description:
    'Builds one aggregate: unlink what must go, link a remote key, a VRF key and the node transport key, and the ' +
    'encrypted delegation request to the node. New keys are stored in the keystore before anything is printed. ' +
    'Offline (--offline) it signs and prints without announcing; --prepare writes an unsigned plan for `harvest sign`.',
  configure: (command) =>
    command
      .option(
        '--offline',
        'no node at all: needs --network and --node-public-key; assumes no links unless --account-state',
      )
      .option('--prepare', 'write an unsigned plan (needs only the public key) to --out, for `harvest sign`')
      .option('--out <file>', 'where --prepare writes the plan (or where the signed result is also written)')
      .option(
        '--key-file <path>',
        "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option(
        '--multisig <address>',
        'set up this multisig account: --key-file is the initiating cosignatory, who pays the fees and a deposit',
      )
      .option(
        '--public-key <hex>',
        "main account public key (with --prepare; with --multisig, the initiating cosignatory's)",
      )
      .option(
        '--address <base32>',
        'main account address, instead of --public-key (with --prepare and --node)',
      )
      .option('--node-public-key <hex>', "the node's transport public key (/node/info nodePublicKey)")
      .option(
        '--delegate-to <url>',
        'the node to delegate to, whose key and unlocked accounts count (default: the first --node)',
      )
      .option(
        '--fee <multiplier>',
        'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum), offline 100',
      )
      .option('--account-state <file>', 'the JSON of GET /accounts/{address}, to plan unlinks offline')
      .option('--aggregate-version <2|3>', 'aggregate version offline (default 3)')
      .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
      .option('--force', 'send the request even when importance is 0')
      .option('--dry-run', 'sign and print, announce nothing')
      .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
      .option('--resend', 'send a fresh request with the stored keys even if one was confirmed before')
      .option(
        '--keep-keys',
        'when switching to another node, keep the remote and VRF keys the previous operator has seen',
      )
      .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
      .option(
        '--activation-timeout <seconds>',
        'how long to wait for the node to unlock the account (default 600)',
      )
      .option(
        '--nodewatch <url>',
        'with --node auto: the node directory to choose from (env HARVEST_NODEWATCH; default the public one)',
      )
      .option(
        '--max-unlocked-accounts <n>',
        "with --node auto: delegate slots assumed per node (default 5, catapult's maxUnlockedAccounts)",
      )
      .option(
        '--probe-timeout <seconds>',
        'with --node auto: time allowed for each probe request (default 3)',
      ),
});
