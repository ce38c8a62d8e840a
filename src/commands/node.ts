/** `harvest node` (docs/commands/node.md): inspect a node before trusting it with a delegation. */
import { inspectNode } from '../flows/inspectNode.js';
import { formatNode } from '../ui/format/node.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';

/** Inspects the node of --node, warning on stderr when delegate would refuse its transport key. */
export async function run(
  _input: CommandInput<Record<string, never>>,
  ctx: Context,
): Promise<CommandOutcome> {
  const result = await inspectNode(await ctx.connectNode(), ctx.network);
  if (result.nodePublicKey !== null && !result.transportKeySafe) {
    ctx.output.note('warning: the transport key is not a safe curve point; delegate will refuse this node');
  }
  return outcome(result, formatNode);
}
