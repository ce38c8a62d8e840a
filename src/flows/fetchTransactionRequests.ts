/** `decrypt-check --tx <hash>`: the delegation requests of one confirmed transaction, read from the node. */
import { toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { collectDelegationInputs } from './collectDelegationInputs.js';
import type { DelegationRequestInput } from './decryptDelegationRequests.js';

/**
 * Fetches a confirmed transaction and returns its delegation transfers (top level or embedded).
 * @throws {InputError} TRANSACTION_NOT_FOUND when the node has no confirmed transaction with this hash;
 *   INVALID_INPUT when it holds no delegation request
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function fetchTransactionRequests(
  client: NodeClient,
  hash: Uint8Array,
): Promise<DelegationRequestInput[]> {
  const entry = await client.getConfirmedTransaction(hash);
  if (entry === undefined) {
    throw new InputError(
      'TRANSACTION_NOT_FOUND',
      `no confirmed transaction ${toHex(hash)} on ${client.url}`,
      {
        hint: 'check the hash; an unconfirmed transaction cannot be checked yet',
      },
    );
  }
  const found = collectDelegationInputs([entry]);
  if (found.length === 0) {
    throw new InputError(
      'INVALID_INPUT',
      `transaction ${toHex(hash)} holds no delegation request (no transfer with the marker)`,
    );
  }
  return found.map(({ input }) => input);
}
