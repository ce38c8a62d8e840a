/**
 * GET /accounts/{publicKey or base32 address} (docs/protocol.md §5; catapult-rest accountRoutes.js): one account,
 * read by readAccount.
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import { readAccount, type AccountInfo } from './readAccount.js';
import { dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

export type { AccountInfo, MosaicBalance } from './readAccount.js';

/** accountType of REST: 0 unlinked, 1 main, 2 remote, 3 remote-unlinked. */
export const ACCOUNT_TYPE = { unlinked: 0, main: 1, remote: 2, remoteUnlinked: 3 } as const;

/** How an account is named in the request. */
export type AccountId = { readonly address: Uint8Array } | { readonly publicKey: Uint8Array };

/**
 * Reads one account; undefined when the node does not know it (404): for a public key, that also means the
 * account has never announced its key.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getAccount(transport: NodeTransport, id: AccountId): Promise<AccountInfo | undefined> {
  const idText = 'address' in id ? encodeAddress(id.address) : toHex(id.publicKey);
  const path = `/accounts/${idText}`;
  const answer = await requestJson(transport, path, { notFoundAsUndefined: true });
  if (answer === undefined) return undefined;
  return readAccount(dtoRoot('/accounts/{accountId}', answer));
}

/** The balance of one mosaic (0 when the account holds none). */
export function accountBalance(account: AccountInfo, mosaicId: bigint): bigint {
  return account.mosaics.find((mosaic) => mosaic.id === mosaicId)?.amount ?? 0n;
}
