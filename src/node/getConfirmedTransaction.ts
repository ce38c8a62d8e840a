/**
 * GET /transactions/confirmed/{hash}: one confirmed transaction; an aggregate comes with its embedded
 * transactions. Undefined on 404 (unknown, or not confirmed yet).
 */
import { toHex } from '../core/bytes.js';
import { dtoRoot } from './readDto.js';
import { readTransactionEntry, type TransactionEntry } from './readTransactionEntry.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Reads one confirmed transaction by hash.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getConfirmedTransaction(
  transport: NodeTransport,
  hash: Uint8Array,
): Promise<TransactionEntry | undefined> {
  const answer = await requestJson(transport, `/transactions/confirmed/${toHex(hash)}`, {
    notFoundAsUndefined: true,
  });
  return answer === undefined
    ? undefined
    : readTransactionEntry(dtoRoot('/transactions/confirmed/{hash}', answer));
}
