import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import { formatTransactionReview } from '../ui/format/sign.js';
import { parseSeconds, requireNodeUrl } from './onlineFlags.js';

/** Flags of `harvest announce`. */
export interface AnnounceOptions {
  readonly allowAny?: boolean;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
}

/** Registers `harvest announce`. */
export function registerAnnounce(program: Command, invocation: Invocation): void {
  program
    .command('announce')
    .summary('announce a signed file (cold signing) and wait')
    .description(
      'Announces the transactions of a file signed by `harvest sign` (or a delegate --json result, or ' +
        '{"payload": …}) through --node, after checking that they are signed for the node\'s network, showing every ' +
        'inner transaction and asking for confirmation (--yes skips). Refuses anything but key links and delegation ' +
        'requests (UNSAFE_TRANSACTION) unless --allow-any, and an expired deadline (TRANSACTION_REJECTED).',
    )
    .argument('<signed>', "the signed file ('-' = standard input)")
    .option('--allow-any', 'announce even transactions that are not key links or delegation requests')
    .option('--dry-run', 'check and show, announce nothing')
    .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
    .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
    .option(
      '--activation-timeout <seconds>',
      'how long to wait for the node to unlock the account (default 600)',
    )
    .action(async (signed: string, options: AnnounceOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await announce(signed, options, ctx), formatDelegateResult);
    });
}

/** Reads the signed file, runs the announce flow; exit 5 while still pending. */
export async function announce(
  path: string,
  options: AnnounceOptions,
  ctx: Context,
): Promise<DelegateResult> {
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const activationTimeoutMs = parseSeconds(options.activationTimeout, '--activation-timeout', 600);
  const { parseAnnounceFile } = await import('../core/transactions/parseAnnounceFile.js');
  const file = parseAnnounceFile(
    new TextDecoder().decode(await ctx.readFile(path, 'signed', 'INVALID_FILE')),
    `signed file ${path}`,
  );
  const nodeUrl = await requireNodeUrl(ctx);
  const { announceSignedFile } = await import('../flows/announceSignedFile.js');
  const { runtime } = ctx;
  const client = await ctx.connectNode(nodeUrl);
  const wait = options.wait !== false;
  const dryRun = options.dryRun === true;
  const result = await announceSignedFile({
    client,
    expectedNetwork: ctx.network,
    file,
    allowAny: options.allowAny === true,
    review: async (descriptions) => {
      const review = formatTransactionReview(descriptions);
      if (dryRun) return ctx.output.note(review);
      if (ctx.yes || !ctx.interactive) ctx.output.note(review);
      await ctx.ask.confirm(
        `${review}\nannounce ${descriptions.length === 1 ? 'this transaction' : `these ${descriptions.length} transactions`} through ${nodeUrl}?`,
      );
    },
    dryRun,
    wait,
    confirmationTimeoutMs,
    activationTimeoutMs,
    now: runtime.now,
    sleep: runtime.sleep,
    onProgress: (text) => ctx.output.progress(text),
    onNote: (text) => ctx.output.note(text),
  });
  if (wait && (result.state === 'CONFIRMATION_PENDING' || result.state === 'ACTIVATION_PENDING')) {
    ctx.setExitCode(ExitCode.Pending);
  }
  return result;
}
