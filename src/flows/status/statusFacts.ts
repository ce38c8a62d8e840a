/**
 * For `status`: the facts read from the chain and the keystore's journal besides the account itself — how long ago
 * the newest delegation request was confirmed, and which announcement of ours is still in flight.
 */
import { equalBytes, parseHex } from '../../core/bytes.js';
import { hasDelegationMarker } from '../../core/crypto/delegationMessage.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { NetworkTime } from '../../core/networkTime.js';
import { TRANSFER_TYPE } from '../../core/transactions/findDelegationTransfers.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { TransactionEntry } from '../../node/readTransactionEntry.js';

/** Page size of the search for the newest delegation request (REST allows 10 to 100). */
const REQUEST_SEARCH_PAGE_SIZE = 100;

/**
 * Blocks since the newest confirmed delegation request from the main account to the node's transport address
 * (a transfer, top level or embedded, whose message starts with the marker; docs/protocol.md).
 */
export async function findRequestAge(
  client: NodeClient,
  mainPublicKey: Uint8Array,
  nodeAddress: Uint8Array,
  chainHeight: bigint,
): Promise<number | undefined> {
  const page = await client.searchConfirmedTransactions({
    recipientAddress: nodeAddress,
    signerPublicKey: mainPublicKey,
    type: [TRANSFER_TYPE],
    embedded: true,
    order: 'desc',
    pageSize: REQUEST_SEARCH_PAGE_SIZE,
  });
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

/**
 * What our own announcement still in flight is, if any: the newest journal entry signed or announced whose
 * deadline has not passed and which the node does not report as confirmed or failed.
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
    const status = await client.getTransactionStatus(
      parseHex(entry.hash, { name: 'journal hash', length: 32 }),
    );
    if (status?.group === 'confirmed' || status?.group === 'failed') continue;
    return entry.kind === 'unlink' ? 'unlink' : 'delegate';
  }
  return undefined;
}
