/** GET /network/fees/transaction: fee multipliers of recent blocks and the node's minimum (docs/protocol.md §3.6, §5). */
import type { TransactionFees } from '../core/transactions/transactionFees.js';
import { dtoGet, dtoInteger, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Reads /network/fees/transaction.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getTransactionFees(transport: NodeTransport): Promise<TransactionFees> {
  const path = '/network/fees/transaction';
  const root = dtoRoot(path, await requestJson(transport, path));
  const read = (key: string) => dtoInteger(dtoGet(root, key));
  return {
    averageFeeMultiplier: read('averageFeeMultiplier'),
    medianFeeMultiplier: read('medianFeeMultiplier'),
    highestFeeMultiplier: read('highestFeeMultiplier'),
    lowestFeeMultiplier: read('lowestFeeMultiplier'),
    minFeeMultiplier: read('minFeeMultiplier'),
  };
}
