/**
 * PUT /transactions/cosignature (docs/protocol.md §5): one detached cosignature, as JSON
 * `{ version, signerPublicKey, signature, parentHash }` (version a decimal string, the rest hex). Repeating it is
 * harmless (the node keeps one cosignature per signer), so it is retried.
 */
import { toHex } from '../core/bytes.js';
import type { DetachedCosignature } from '../core/transactions/cosignAggregateHash.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Announces a cosignature of a partial aggregate.
 * @throws {NodeError} NODE_* when the node cannot be reached or refuses the request
 */
export async function announceCosignature(
  transport: NodeTransport,
  cosignature: DetachedCosignature,
): Promise<void> {
  await requestJson(transport, '/transactions/cosignature', {
    method: 'PUT',
    body: {
      version: cosignature.version.toString(),
      signerPublicKey: toHex(cosignature.signerPublicKey),
      signature: toHex(cosignature.signature),
      parentHash: toHex(cosignature.parentHash),
    },
    okStatuses: [200, 202],
    retry: true,
  });
}
