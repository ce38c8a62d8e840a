import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import type { InspectNodeResult } from '../flows/inspectNode.js';
import { formatNode } from '../ui/format/node.js';

/** Registers `harvest node`. */
export function registerNode(program: Command, invocation: Invocation): void {
  program
    .command('node')
    .summary('inspect a node before trusting it with a delegation')
    .description(
      'Reads the node given with --node (or HARVEST_NODE): its network, its transport key and whether it is safe, ' +
        'whether its harvesting slots can be seen and how full they are, the lowest importance among its ' +
        'delegates, its fees and the aggregate version its chain expects.',
    )
    .action(async (_options: unknown, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      const result = await inspect(ctx);
      if (result.nodePublicKey !== null && !result.transportKeySafe) {
        ctx.output.note(
          'warning: the transport key is not a safe curve point; delegate will refuse this node',
        );
      }
      ctx.output.result(result, formatNode);
    });
}

/** Inspects the node of --node. */
export async function inspect(ctx: Context): Promise<InspectNodeResult> {
  const { inspectNode } = await import('../flows/inspectNode.js');
  const client = await ctx.connectNode();
  return inspectNode(client, ctx.network);
}
