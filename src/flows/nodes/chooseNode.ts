/**
 * `--node auto` (docs/commands/nodes.md, "Choosing a node"): discovery, then the best usable candidate, with a
 * sentence saying why. Callers: delegate, onboard, and any flow that needs a node to fall back on.
 */
import { NodeError } from '../../core/errors.js';
import type { RankedNode } from '../../core/nodes/nodeCandidate.js';
import type { NodeChoice } from '../../contract/nodes.js';
import { discoverNodes, type DiscoverNodesParameters, type NodeDiscovery } from './discoverNodes.js';
import { toNodeListing } from './toNodeListing.js';

/** The chosen node and everything discovery saw. */
export interface ChosenNode {
  readonly choice: NodeChoice;
  readonly discovery: NodeDiscovery;
}

/**
 * Discovers the candidates and picks the first in rank.
 * @throws {NodeError} NO_USABLE_NODE when no candidate can take the account (details.nodes: each with its reasons)
 * @throws {NodeError} NODE_* when the directory cannot be read
 */
export async function chooseNode(
  parameters: DiscoverNodesParameters & { readonly maxUnlockedAccounts: number },
): Promise<ChosenNode> {
  const discovery = await discoverNodes(parameters);
  const best = discovery.nodes.find((node) => node.usable);
  if (best === undefined) {
    const excluded = discovery.nodes.map((node) => `${node.probe.url} (${node.reasons.join(', ')})`);
    throw new NodeError(
      'NO_USABLE_NODE',
      discovery.nodes.length === 0
        ? 'no candidate node to choose from'
        : `none of ${discovery.nodes.length} candidate nodes can take the account: ${excluded.slice(0, 5).join('; ')}${excluded.length > 5 ? '; …' : ''}`,
      {
        details: { nodes: discovery.nodes.map((node) => ({ url: node.probe.url, reasons: node.reasons })) },
        hint: 'run `harvest nodes` to see every candidate, or pass other nodes with --node',
      },
    );
  }
  const listing = toNodeListing(best);
  const usable = discovery.nodes.filter((node) => node.usable).length;
  return {
    discovery,
    choice: {
      url: listing.url,
      name: listing.name,
      nodePublicKey: listing.nodePublicKey,
      why: describeChoice(best, parameters.maxUnlockedAccounts, usable, discovery.nodes.length),
      candidates: discovery.nodes.length,
      usable,
    },
  };
}

function describeChoice(node: RankedNode, slots: number, usable: number, candidates: number): string {
  const used = node.probe.unlockedAccounts ?? 0;
  const room =
    node.room === 'free'
      ? `a free slot (${used} of ${slots} assumed slots used)`
      : node.room === 'beats'
        ? `full (${used} of ${slots} assumed slots) but the account outranks its weakest delegate`
        : `full (${used} of ${slots} assumed slots), its weakest delegate unknown`;
  return `best of ${usable} usable among ${candidates} candidates: transport key safe, ${room}, ${node.probe.latencyMs ?? '?'} ms`;
}
