/** `harvest nodes` (docs/commands/nodes.md): candidate nodes, probed, judged and ranked. */
import { parseAddress } from '../core/address.js';
import { discoverNodes } from '../flows/nodes/discoverNodes.js';
import { toNodeListing } from '../flows/nodes/toNodeListing.js';
import type { NodesResult } from '../contract/nodes.js';
import { formatNodes } from '../ui/format/nodes.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { NodesOptions } from './definitions/nodes.js';
import { nodeDiscoveryParameters } from './nodeDiscoveryFlags.js';

/** Discovers and ranks the candidates; always exit 0 when the directory (if any) could be read. */
export async function run({ options }: CommandInput<NodesOptions>, ctx: Context): Promise<CommandOutcome> {
  const account = options.address === undefined ? undefined : { address: parseAddress(options.address) };
  const discovery = await discoverNodes(nodeDiscoveryParameters(options, ctx, ctx.nodeUrls, account));
  const result: NodesResult = { nodes: discovery.nodes.map(toNodeListing) };
  return outcome(result, formatNodes);
}
