/**
 * For `status`: the node whose transport key is the account's node link, found (the node asked, or the one the
 * keystore remembers) and asked for its unlocked accounts (docs/states.md: the one test of ACTIVE).
 */
import { equalBytes } from '../../core/bytes.js';
import { HarvestError } from '../../core/errors.js';
import type { LinkedNodeView } from '../../core/harvesting/summarizeHarvesting.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { NodeInfo } from '../../node/getNodeInfo.js';
import { readUnlocked } from '../lifecycle/waitForNode.js';

/** Inputs of askLinkedNode. */
export interface AskLinkedNodeParameters {
  /** The node asked, and what it said of itself. */
  readonly client: NodeClient;
  readonly nodeInfo: NodeInfo;
  /** The account's node link. */
  readonly nodeLink: Uint8Array | undefined;
  /** The node the keystore remembers, if any. */
  readonly remembered: KeystoreFile['node'];
  readonly connect: (url: string) => NodeClient;
}

/** What the linked node says, and its URL when it was found. */
export async function askLinkedNode(
  parameters: AskLinkedNodeParameters,
): Promise<{ view: LinkedNodeView; url: string | null }> {
  const { client, nodeInfo, nodeLink, remembered, connect } = parameters;
  if (nodeLink === undefined) return { view: { kind: 'none' }, url: null };
  if (nodeInfo.nodePublicKey !== undefined && equalBytes(nodeInfo.nodePublicKey, nodeLink)) {
    return { view: { kind: 'asked', unlocked: await readUnlocked(client) }, url: client.url };
  }
  if (remembered?.url === undefined || !equalBytes(remembered.publicKey, nodeLink)) {
    return { view: { kind: 'unknown' }, url: null };
  }
  const other = connect(remembered.url);
  let otherInfo: NodeInfo;
  try {
    otherInfo = await other.getNodeInfo();
  } catch (error) {
    if (error instanceof HarvestError) return { view: { kind: 'unreachable' }, url: other.url };
    throw error;
  }
  // The remembered URL now serves another node (or another network): it cannot speak for the linked one.
  const sameNode =
    (otherInfo.nodePublicKey === undefined || equalBytes(otherInfo.nodePublicKey, nodeLink)) &&
    equalBytes(otherInfo.networkGenerationHashSeed, nodeInfo.networkGenerationHashSeed);
  if (!sameNode) return { view: { kind: 'unknown' }, url: null };
  return { view: { kind: 'asked', unlocked: await readUnlocked(other) }, url: other.url };
}
