/**
 * GET /transactions/partial?address=|signerPublicKey= (docs/protocol.md §5): the hashes of the bonded aggregates
 * waiting in the node's partial cache that involve an account (as signer, embedded signer or cosignatory) or that
 * one key signed. Only the hashes are read: the search may omit embedded transactions, so each one is fetched by
 * hash (getPartialTransaction) before it is shown.
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import { dtoArray, dtoGet, dtoHex, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** Whose partial transactions to list. */
export type PartialFilter = { readonly address: Uint8Array } | { readonly signerPublicKey: Uint8Array };

/**
 * The hashes of the first page (100) of matching partial transactions.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function searchPartialTransactions(
  transport: NodeTransport,
  filter: PartialFilter,
): Promise<Uint8Array[]> {
  const query = new URLSearchParams(
    'address' in filter
      ? { address: encodeAddress(filter.address) }
      : { signerPublicKey: toHex(filter.signerPublicKey) },
  );
  query.set('pageSize', '100');
  const root = dtoRoot(
    '/transactions/partial',
    await requestJson(transport, `/transactions/partial?${query.toString()}`),
  );
  return dtoArray(dtoGet(root, 'data')).map((entry) => dtoHex(dtoGet(dtoGet(entry, 'meta'), 'hash'), 32));
}
