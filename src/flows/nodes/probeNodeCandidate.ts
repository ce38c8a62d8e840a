/**
 * One candidate probed with the endpoints "light REST" peer nodes also serve (docs/commands/nodes.md, "Probe"):
 * /node/info (network, transport key, version; its time is the latency), then together /chain/info (height) and
 * /node/unlockedaccount (used slots), then each delegate's main account for the lowest importance (full gateways
 * only: a light node does not serve /accounts, and the lowest importance stays unknown).
 */
import { NodeError } from '../../core/errors.js';
import { isSafeTransportKey } from '../../core/harvesting/nodeTransportKey.js';
import type { NodeProbe } from '../../core/nodes/nodeCandidate.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { findLowestDelegateImportance } from '../findLowestDelegateImportance.js';

/** A candidate before probing. */
export interface NodeCandidate {
  readonly url: string;
  /** The directory's name for it ('' for a --node). */
  readonly name: string;
  readonly directoryHealthy: boolean;
}

/** Probes one candidate; a node that cannot be read is a probe with `unreachable` set, never an error. */
export async function probeNodeCandidate(
  candidate: NodeCandidate,
  client: Pick<NodeClient, 'getNodeInfo' | 'getChainInfo' | 'getUnlockedAccounts' | 'getAccount'>,
  elapsedMs: () => number,
): Promise<NodeProbe> {
  const started = elapsedMs();
  let nodeInfo;
  try {
    nodeInfo = await client.getNodeInfo();
  } catch (error) {
    return unreachableProbe(candidate, codeOf(error));
  }
  const latencyMs = Math.max(0, Math.round(elapsedMs() - started));
  const [chain, unlocked] = await Promise.all([
    client.getChainInfo().catch(undefinedOnNodeError),
    client.getUnlockedAccounts().catch(undefinedOnNodeError),
  ]);
  const lowest =
    unlocked === undefined || unlocked.length === 0
      ? null
      : await findLowestDelegateImportance(client, unlocked, nodeInfo.publicKey);
  return {
    url: candidate.url,
    name: candidate.name === '' ? nodeInfo.friendlyName : candidate.name,
    directoryHealthy: candidate.directoryHealthy,
    unreachable: undefined,
    networkIdentifier: nodeInfo.networkIdentifier,
    generationHashSeed: nodeInfo.networkGenerationHashSeed,
    nodePublicKey: nodeInfo.nodePublicKey,
    transportKeySafe: nodeInfo.nodePublicKey !== undefined && isSafeTransportKey(nodeInfo.nodePublicKey),
    version: nodeInfo.version,
    height: chain?.height,
    unlockedAccounts: unlocked?.length,
    lowestDelegateImportance: lowest ?? undefined,
    latencyMs,
  };
}

function unreachableProbe(candidate: NodeCandidate, reason: string): NodeProbe {
  return {
    url: candidate.url,
    name: candidate.name,
    directoryHealthy: candidate.directoryHealthy,
    unreachable: reason,
    networkIdentifier: undefined,
    generationHashSeed: undefined,
    nodePublicKey: undefined,
    transportKeySafe: false,
    version: undefined,
    height: undefined,
    unlockedAccounts: undefined,
    lowestDelegateImportance: undefined,
    latencyMs: undefined,
  };
}

function codeOf(error: unknown): string {
  if (error instanceof NodeError) return error.code;
  throw error;
}

function undefinedOnNodeError(error: unknown): undefined {
  if (error instanceof NodeError) return undefined;
  throw error;
}
