/**
 * `harvest node`: what an account holder should know before trusting a node with a delegation (docs/commands/node.md):
 * its network, its transport key and whether it is safe to encrypt to, whether its harvesting slots can be seen
 * and how full they are, the lowest importance among its delegates (the one a new delegate must beat when the
 * node prioritises by importance, docs/protocol.md §2.3), its fees and the aggregate version its chain expects.
 */
import { toHex } from '../core/bytes.js';
import { isSafeTransportKey } from '../core/harvesting/nodeTransportKey.js';
import { NodeError } from '../core/errors.js';
import { knownPublicNetwork, type NetworkParameters } from '../core/network.js';
import { checkNetwork } from '../node/checkNetwork.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { InspectNodeResult } from '../contract/nodeInspection.js';
import { findLowestDelegateImportance } from './findLowestDelegateImportance.js';
export type { InspectNodeResult } from '../contract/nodeInspection.js';

/**
 * Reads the node and summarises it.
 * @throws {InputError} WRONG_NETWORK when `expected` is given and the node is on another network
 * @throws {NodeError} NODE_* when the node's main endpoints cannot be read
 */
export async function inspectNode(
  client: NodeClient,
  expected: NetworkParameters | undefined,
): Promise<InspectNodeResult> {
  const { network, nodeInfo } = await checkNetwork(client, expected);
  const [properties, fees, chain, unlocked] = await Promise.all([
    client.getNetworkProperties(),
    client.getTransactionFees(),
    client.getChainInfo(),
    client.getUnlockedAccounts().catch(nullOnNodeError),
  ]);
  const forkHeight = properties.forkHeights.uniqueAggregateTransactionHash;
  const lowestDelegateImportance =
    unlocked === null ? null : await findLowestDelegateImportance(client, unlocked, nodeInfo.publicKey);
  return {
    nodeUrl: client.url,
    network: network.name,
    networkIdentifier: network.identifier,
    generationHashSeed: toHex(network.generationHashSeed),
    privateNetwork: knownPublicNetwork(network) === undefined,
    nodePublicKey: nodeInfo.nodePublicKey === undefined ? null : toHex(nodeInfo.nodePublicKey),
    mainPublicKey: toHex(nodeInfo.publicKey),
    friendlyName: nodeInfo.friendlyName,
    version: formatServerVersion(nodeInfo.version),
    roles: nodeInfo.roles,
    chainHeight: chain.height,
    transportKeySafe: nodeInfo.nodePublicKey !== undefined && isSafeTransportKey(nodeInfo.nodePublicKey),
    harvesting: {
      unlockedAccounts: unlocked === null ? null : unlocked.length,
      maxUnlockedAccounts: null,
      lowestDelegateImportance,
    },
    fees,
    aggregateVersion: forkHeight !== undefined && chain.height >= forkHeight ? 3 : 2,
  };
}

/** 16777993 = 0x01000309 → "1.0.3.9" (one byte per part, catapult's version encoding). */
function formatServerVersion(version: number): string {
  return [24, 16, 8, 0].map((shift) => String((version >>> shift) & 0xff)).join('.');
}

function nullOnNodeError(error: unknown): null {
  if (error instanceof NodeError) return null;
  throw error;
}
