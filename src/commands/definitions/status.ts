/**
 * `harvest status` as help shows it (docs/commands/status.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/status.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest status`. */
export interface StatusOptions {
  readonly address?: string;
  readonly publicKey?: string;
  readonly keyFile?: string;
  readonly watch?: boolean;
  readonly watchTimeout?: string;
  readonly maxFailedPolls?: string;
}

/** --watch-timeout default, in seconds. */
export const DEFAULT_WATCH_TIMEOUT_SECONDS = 600;

/** `harvest status`. */
export const statusDefinition = defineCommand<StatusOptions>({
  name: 'status',
  summary: 'is the account harvesting? one state word with reasons, links, balance, importance',
  description:
    'Reads the account from the node (--node, or the node the keystore remembers) and the node it is linked ' +
    'to: links, eligibility, whether that node has unlocked the account, the next importance ' +
    'recalculation. Never asks for the keystore password. Every state exits 0; --watch waits for a change.',
  unusedGlobals: ['--yes'],
  configure: (command) =>
    command
      .option('--address <base32>', 'the main account address')
      .option('--public-key <hex>', 'the main account public key')
      .option(
        '--key-file <path>',
        "main account private key, only its public key is used ('-' = stdin; env HARVEST_PRIVATE_KEY)",
      )
      .option('--watch', 'poll every block until the state word changes, then print the new status')
      .option(
        '--watch-timeout <seconds>',
        `stop watching after this long (default ${DEFAULT_WATCH_TIMEOUT_SECONDS})`,
      )
      .option(
        '--max-failed-polls <n>',
        'end the watch with the node error (exit 3) after this many failed reads in a row (default 5)',
      ),
});
