/**
 * GET /node/unlockedaccount: the remote (signing) public keys the node harvests with, its own included
 * (docs/protocol.md §5). Works only when the node has extension.diagnostics and trusts the gateway; callers treat a
 * failure as "cannot tell", not as "not unlocked".
 */
import { dtoArray, dtoGet, dtoHex, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/**
 * Reads /node/unlockedaccount.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getUnlockedAccounts(transport: NodeTransport): Promise<Uint8Array[]> {
  const root = dtoRoot('/node/unlockedaccount', await requestJson(transport, '/node/unlockedaccount'));
  return dtoArray(dtoGet(root, 'unlockedAccount')).map((field) => dtoHex(field, 32));
}
