/**
 * The lowest importance among a node's delegates (docs/protocol.md §2.3): the one a newcomer must beat
 * when the node orders its slots by importance. Used by `harvest node` and node discovery.
 */
import { equalBytes } from '../core/bytes.js';
import { NodeError } from '../core/errors.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { ACCOUNT_TYPE } from '../node/getAccount.js';

const LOOKUP_CONCURRENCY = 4;

/**
 * Each unlocked remote key → its account (a remote account, accountType 2, links back to its main) → the main
 * account's importance. The node's own harvester (main = the node owner) is not a delegate and is skipped.
 * Lookups that fail are skipped: this is an estimate for humans, not a rule.
 */
export async function findLowestDelegateImportance(
  client: Pick<NodeClient, 'getAccount'>,
  remoteKeys: readonly Uint8Array[],
  nodeOwnerPublicKey: Uint8Array,
): Promise<bigint | null> {
  const importances: bigint[] = [];
  const queue = [...remoteKeys];
  const worker = async () => {
    for (let remote = queue.shift(); remote !== undefined; remote = queue.shift()) {
      const importance = await delegateImportance(client, remote, nodeOwnerPublicKey).catch(nullOnNodeError);
      if (importance !== null) importances.push(importance);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, remoteKeys.length) }, worker));
  return importances.length === 0 ? null : importances.reduce((low, value) => (value < low ? value : low));
}

async function delegateImportance(
  client: Pick<NodeClient, 'getAccount'>,
  remotePublicKey: Uint8Array,
  nodeOwnerPublicKey: Uint8Array,
): Promise<bigint | null> {
  const remote = await client.getAccount({ publicKey: remotePublicKey });
  const mainPublicKey = remote?.links.remote;
  if (remote?.accountType !== ACCOUNT_TYPE.remote || mainPublicKey === undefined) return null;
  if (equalBytes(mainPublicKey, nodeOwnerPublicKey)) return null;
  const main = await client.getAccount({ publicKey: mainPublicKey });
  return main === undefined ? null : main.importance;
}

function nullOnNodeError(error: unknown): null {
  if (error instanceof NodeError) return null;
  throw error;
}
