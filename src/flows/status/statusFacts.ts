/**
 * For `status`: the facts read from the chain and the keystore's journal besides the account itself — how long ago
 * the newest delegation request was confirmed, and which announcement of ours is still in flight.
 */
import { equalBytes, parseHex } from '../../core/bytes.js';
import { hasDelegationMarker } from '../../core/crypto/delegationFormat.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { NetworkTime } from '../../core/networkTime.js';
import { TRANSFER_TYPE } from '../../core/transactions/findDelegationTransfers.js';
import { NodeError } from '../../core/errors.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { TransactionEntry } from '../../node/readTransactionEntry.js';

/** Page size of the search for the newest delegation request (REST allows 10 to 100). */
const REQUEST_SEARCH_PAGE_SIZE = 100;

/**
 * Blocks since the newest confirmed delegation request from the main account to the node's transport address
 * (a transfer, top level or embedded, whose message starts with the marker; docs/protocol.md); undefined when
 * there is none, null when the search failed (an optional read: reason REQUEST_AGE_UNKNOWN, not an error).
 */
export async function findRequestAge(
  client: NodeClient,
  mainPublicKey: Uint8Array,
  nodeAddress: Uint8Array,
  chainHeight: bigint,
): Promise<number | undefined | null> {
  let page: Awaited<ReturnType<NodeClient['searchConfirmedTransactions']>>;
  try {
    page = await searchRequests(client, mainPublicKey, nodeAddress);
  } catch (error) {
    if (error instanceof NodeError) return null;
    throw error;
  }
  let newest: bigint | undefined;
  const visit = (entry: TransactionEntry) => {
    const { transaction } = entry;
    for (const inner of transaction.transactions ?? [])
      visit({ ...inner, meta: { ...inner.meta, height: entry.meta.height } });
    const isRequest =
      transaction.type === TRANSFER_TYPE &&
      equalBytes(transaction.signerPublicKey, mainPublicKey) &&
      transaction.recipientAddress !== undefined &&
      equalBytes(transaction.recipientAddress, nodeAddress) &&
      transaction.message !== undefined &&
      hasDelegationMarker(transaction.message);
    if (isRequest && (newest === undefined || entry.meta.height > newest)) newest = entry.meta.height;
  };
  page.data.forEach(visit);
  if (newest === undefined) return undefined;
  return chainHeight > newest ? Number(chainHeight - newest) : 0;
}

/** The newest page of transfers from the main account to the node's transport address. */
function searchRequests(client: NodeClient, mainPublicKey: Uint8Array, nodeAddress: Uint8Array) {
  return client.searchConfirmedTransactions({
    recipientAddress: nodeAddress,
    signerPublicKey: mainPublicKey,
    type: [TRANSFER_TYPE],
    embedded: true,
    order: 'desc',
    pageSize: REQUEST_SEARCH_PAGE_SIZE,
  });
}

/**
 * What our own announcement still in flight is, if any: the newest journal entry signed or announced whose
 * deadline has not passed and which the node does not report as confirmed or failed (a status that cannot be
 * read counts as still in flight).
 */
export async function findPendingKind(
  client: NodeClient,
  keystore: KeystoreFile,
  networkTime: NetworkTime,
): Promise<'delegate' | 'unlink' | undefined> {
  const open = keystore.journal.filter(
    (entry) => (entry.state === 'signed' || entry.state === 'announced') && entry.deadline > networkTime,
  );
  for (const entry of [...open].reverse()) {
    let status: Awaited<ReturnType<NodeClient['getTransactionStatus']>>;
    try {
      status = await client.getTransactionStatus(parseHex(entry.hash, { name: 'journal hash', length: 32 }));
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      status = undefined;
    }
    if (status?.group === 'confirmed' || status?.group === 'failed') continue;
    return entry.kind === 'unlink' ? 'unlink' : 'delegate';
  }
  return undefined;
}
