/**
 * GET /transactions/partial/{hash}: one bonded aggregate waiting for cosignatures, with its embedded transactions
 * and the cosignatures so far. Undefined on 404 (never announced, completed, or expired).
 */
import { toHex } from '../core/bytes.js';
import { dtoRoot } from './readDto.js';
import { readPartialAggregate, type PartialAggregate } from './readPartialAggregate.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Reads one partial aggregate by hash.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getPartialTransaction(
  transport: NodeTransport,
  hash: Uint8Array,
): Promise<PartialAggregate | undefined> {
  const answer = await requestJson(transport, `/transactions/partial/${toHex(hash)}`, {
    notFoundAsUndefined: true,
  });
  return answer === undefined
    ? undefined
    : readPartialAggregate(dtoRoot('/transactions/partial/{hash}', answer));
}
