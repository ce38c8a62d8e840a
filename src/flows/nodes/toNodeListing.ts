/** A ranked candidate in the wire shape of `harvest nodes --json` (docs/commands/nodes.md). */
import { toHex } from '../../core/bytes.js';
import type { RankedNode } from '../../core/nodes/nodeCandidate.js';
import type { NodeListing } from '../../contract/nodes.js';

/** The public fields of one ranked candidate. */
export function toNodeListing(node: RankedNode): NodeListing {
  const { probe } = node;
  return {
    url: probe.url,
    name: probe.name,
    nodePublicKey: probe.nodePublicKey === undefined ? null : toHex(probe.nodePublicKey),
    usable: node.usable,
    reasons: node.reasons,
    unlockedAccounts: probe.unlockedAccounts ?? null,
    lowestDelegateImportance: probe.lowestDelegateImportance ?? null,
    latencyMs: probe.latencyMs ?? null,
    rank: node.rank,
  };
}
