/**
 * `harvest announce` as help shows it (docs/commands/announce.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/announce.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest announce`. */
export interface AnnounceOptions {
  readonly allowAny?: boolean;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
}

/** `harvest announce`. */
export const announceDefinition = defineCommand<AnnounceOptions>({
  name: 'announce',
  summary: 'announce a signed file (cold signing) and wait',
  description:
    'Announces the transactions of a file signed by `harvest sign` (or a delegate --json result, or ' +
    '{"payload": …}) through --node, after checking that they are signed for the node\'s network, showing every ' +
    'inner transaction and asking for confirmation (--yes skips). Refuses anything but key links and delegation ' +
    'requests (UNSAFE_TRANSACTION) unless --allow-any, and an expired deadline (TRANSACTION_REJECTED).',
  unusedGlobals: ['--home'],
  configure: (command) =>
    command
      .argument('<signed>', "the signed file ('-' = standard input)")
      .option('--allow-any', 'announce even transactions that are not key links or delegation requests')
      .option('--dry-run', 'check and show, announce nothing')
      .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
      .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
      .option(
        '--activation-timeout <seconds>',
        'how long to wait for the node to unlock the account (default 600)',
      ),
});
