/**
 * A node operator's `--node-key` must be the transport key of the `--node` asked: otherwise every request would be
 * searched at, and checked against, another node's address, and the answers would be confidently wrong.
 */
import { equalBytes, toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import type { NodeInfo } from '../node/getNodeInfo.js';

/**
 * Compares the node key's public key with the node's /node/info nodePublicKey (when the node publishes one).
 * @throws {InputError} NODE_KEY_MISMATCH
 */
export function checkNodeKeyMatches(nodeInfo: NodeInfo, nodePublicKey: Uint8Array, url: string): void {
  if (nodeInfo.nodePublicKey === undefined || equalBytes(nodeInfo.nodePublicKey, nodePublicKey)) return;
  throw new InputError(
    'NODE_KEY_MISMATCH',
    `--node-key belongs to transport key ${toHex(nodePublicKey)}, but ${url} uses ${toHex(nodeInfo.nodePublicKey)}`,
    { hint: "give this node's node.key.pem, or the --node whose key it is" },
  );
}
