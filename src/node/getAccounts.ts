/**
 * POST /accounts `{"publicKeys": [...]}` (docs/protocol.md §5; catapult-rest accountRoutes.js): many accounts in one
 * exchange, the same lookup as GET /accounts/{publicKey} (accountsByIds) for each. The answer is an array of the
 * accounts the node knows, in no particular order; unknown ones are left out. A read: safe to repeat.
 */
import { toHex } from '../core/bytes.js';
import { NodeError } from '../core/errors.js';
import { readAccount, type AccountInfo } from './readAccount.js';
import { dtoArray, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** Our bound on one request, like a search page (REST's largest page is 100): one answer stays small. */
export const MAX_ACCOUNTS_PER_REQUEST = 100;

/**
 * Reads the accounts of `publicKeys` (at most MAX_ACCOUNTS_PER_REQUEST); undefined when the gateway has no such
 * route (404 or 405: a stub, or a gateway without the batch read) or the body is too large for it (413), so that
 * the caller reads them one by one.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getAccounts(
  transport: NodeTransport,
  publicKeys: readonly Uint8Array[],
): Promise<AccountInfo[] | undefined> {
  let answer: unknown;
  try {
    answer = await requestJson(transport, '/accounts', {
      method: 'POST',
      body: { publicKeys: publicKeys.map(toHex) },
      notFoundAsUndefined: true,
      retry: true,
    });
  } catch (error) {
    // no batch route (405), or a body larger than the gateway takes (413): the caller reads one account at a time
    const status = error instanceof NodeError ? error.details?.['status'] : undefined;
    if (status === 405 || status === 413) return undefined;
    throw error;
  }
  if (answer === undefined) return undefined;
  return dtoArray(dtoRoot('POST /accounts', answer)).map(readAccount);
}
