/**
 * `harvest keep` as help shows it (docs/commands/keep.md): summary, description and flags.
 * No heavy import here: the code that runs it is src/commands/keep.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest keep`. */
export interface KeepOptions {
  readonly accounts?: string;
  readonly keyFile?: string;
  readonly passwordFile?: string;
  readonly interval?: string;
  readonly grace?: string;
  readonly switchAfter?: string;
  /** Every --fallback-node, in order. */
  readonly fallbackNode?: readonly string[];
  readonly maxUnlockedAccounts?: string;
  readonly maxFeePerDay?: string;
  readonly fee?: string;
  readonly concurrency?: string;
  readonly confirmationTimeout?: string;
  readonly nodewatch?: string;
  readonly probeTimeout?: string;
  readonly dryRun?: boolean;
  readonly once?: boolean;
}

/** --grace default, in blocks. */
export const DEFAULT_GRACE_BLOCKS = 10;
/** --switch-after default, in blocks. */
export const DEFAULT_SWITCH_AFTER_BLOCKS = 30;

/** `harvest keep`. */
export const keepDefinition = defineCommand<KeepOptions>({
  name: 'keep',
  summary: 'keep accounts harvesting: re-send a dropped delegation, move to a fallback node',
  description:
    'A long-running keeper for the accounts of --accounts (as onboard reads it), of --key-file, or of every ' +
    'keystore in --home (watched only: without the main key nothing can be sent). Every block (or --interval) it ' +
    'reads each account as status does; when the node it is delegated to stops listing it for --grace blocks, it ' +
    'sends one new request with the same remote and VRF keys (no new link); when the node is gone or full for ' +
    '--switch-after blocks, it moves the account to the first --fallback-node with room (node link only, keys ' +
    'kept). Never twice for one outage; --max-fee-per-day caps what it spends. One event per account and round ' +
    '(--json: one JSON line each). SIGINT/SIGTERM stop it (exit 0); --once does one round and exits as the ' +
    'other commands do.',
  unusedGlobals: ['--yes'],
  configure: (command) =>
    command
      .option('--accounts <file>', 'the accounts to keep (CSV or JSON lines, as onboard reads it)')
      .option('--key-file <path>', "one account's main private key ('-' = stdin; env HARVEST_PRIVATE_KEY)")
      .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
      .option('--interval <seconds>', 'pause between rounds (default: the block time)')
      .option(
        '--grace <blocks>',
        `blocks a node may go without listing an account before a new request (default ${DEFAULT_GRACE_BLOCKS})`,
      )
      .option(
        '--switch-after <blocks>',
        `blocks a node may be gone or full before moving to a fallback (default ${DEFAULT_SWITCH_AFTER_BLOCKS})`,
      )
      .option(
        '--fallback-node <url>',
        'a node to move to when the delegated node is gone or full; repeat for several, first with room wins; ' +
          '`auto`: the best node discovery finds (as harvest nodes ranks them)',
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      )
      .option(
        '--max-unlocked-accounts <n>',
        "the fallback nodes' delegate slots, if known: a fallback listing that many is full",
      )
      .option(
        '--max-fee-per-day <xym>',
        'the most keep spends on fees in any 24 hours, in XYM (default no limit)',
      )
      .option(
        '--fee <multiplier>',
        'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum)',
      )
      .option('--concurrency <n>', 'accounts read at the same time (default 4)')
      .option('--confirmation-timeout <seconds>', 'how long to wait for each confirmation (default 300)')
      .option(
        '--nodewatch <url>',
        'with --fallback-node auto: the node directory to choose from (env HARVEST_NODEWATCH; default the public one)',
      )
      .option(
        '--probe-timeout <seconds>',
        'with --fallback-node auto: time allowed for each probe request (default 3)',
      )
      .option('--dry-run', 'log what it would send, sign nothing to announce, write nothing')
      .option('--once', 'one round, then exit with the usual codes (for cron)'),
});
