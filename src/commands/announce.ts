/** `harvest announce` (docs/commands/announce.md): announce a signed file through --node and wait. */
import { parseAnnounceFile } from '../core/transactions/parseAnnounceFile.js';
import { announceSignedFile } from '../flows/announceSignedFile.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import { formatTransactionReview } from '../ui/format/sign.js';
import { flowPorts } from './flowPorts.js';
import { interruptedExit, markInterrupted } from './interrupted.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { AnnounceOptions } from './definitions/announce.js';
import { parseSeconds, requireNodeUrl } from './onlineFlags.js';

/** Reads the signed file and runs the announce flow; pending while still unconfirmed or inactive. */
export async function run(
  { args, options }: CommandInput<AnnounceOptions>,
  ctx: Context,
): Promise<CommandOutcome> {
  const path = args[0]!;
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const activationTimeoutMs = parseSeconds(options.activationTimeout, '--activation-timeout', 600);
  const file = parseAnnounceFile(
    new TextDecoder().decode(await ctx.readFile(path, 'signed', 'INVALID_FILE')),
    `signed file ${path}`,
  );
  const nodeUrl = await requireNodeUrl(ctx);
  // the node's own list says when it unlocked the account: that node alone answers it (docs/cli.md, "Several nodes")
  const client = await ctx.connectNode(nodeUrl, nodeUrl);
  const wait = options.wait !== false;
  const dryRun = options.dryRun === true;
  const announced = await announceSignedFile({
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
    ...flowPorts(ctx),
  });
  const result = markInterrupted(ctx, announced);
  const pending = result.state === 'CONFIRMATION_PENDING' || result.state === 'ACTIVATION_PENDING';
  return outcome(
    result,
    formatDelegateResult,
    interruptedExit(result, wait && pending ? { exit: 'pending' } : {}),
  );
}
