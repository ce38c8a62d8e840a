/**
 * PUT /transactions: hands a signed payload to the node (docs/protocol.md §5). 202 means "pushed to the network", not
 * "accepted": the caller follows /transactionStatus. Repeating it is safe (the hash identifies the transaction),
 * so network errors and 5xx are retried (docs/commands/delegate.md step 7).
 */
import { toHex } from '../core/bytes.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Announces a signed transaction payload.
 * @throws {NodeError} NODE_* when the node cannot be reached or refuses the request
 */
export async function announceTransaction(transport: NodeTransport, payload: Uint8Array): Promise<void> {
  await requestJson(transport, '/transactions', {
    method: 'PUT',
    body: { payload: toHex(payload) },
    okStatuses: [200, 202],
    retry: true,
  });
}
