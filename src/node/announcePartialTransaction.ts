/**
 * PUT /transactions/partial: hands a signed bonded aggregate to the node's partial cache (docs/protocol.md §5). The
 * node takes it only when a hash lock for its hash is CONFIRMED (else the status is Failure_LockHash_Unknown_Hash).
 * Retried like PUT /transactions: the hash identifies it.
 */
import { toHex } from '../core/bytes.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Announces a signed bonded aggregate.
 * @throws {NodeError} NODE_* when the node cannot be reached or refuses the request
 */
export async function announcePartialTransaction(
  transport: NodeTransport,
  payload: Uint8Array,
): Promise<void> {
  await requestJson(transport, '/transactions/partial', {
    method: 'PUT',
    body: { payload: toHex(payload) },
    okStatuses: [200, 202],
    retry: true,
  });
}
