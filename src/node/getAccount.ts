/**
 * GET /accounts/{publicKey or base32 address} (docs/protocol.md §5; catapult-rest CatapultDb.js, openapi AccountDTO.yml).
 * `importance` is the raw integer importance as a decimal string; `supplementalPublicKeys` sub-objects exist only
 * when linked; `address` is the hex of the 24 raw bytes.
 */
import { encodeAddress } from '../core/address.js';
import type { AccountLinks } from '../core/harvesting/accountLinks.js';
import { toHex } from '../core/bytes.js';
import {
  badField,
  dtoAddress,
  dtoArray,
  dtoGet,
  dtoHas,
  dtoHex,
  dtoInteger,
  dtoPublicKey,
  dtoRoot,
  dtoUint64,
  type DtoField,
} from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** accountType of REST: 0 unlinked, 1 main, 2 remote, 3 remote-unlinked. */
export const ACCOUNT_TYPE = { unlinked: 0, main: 1, remote: 2, remoteUnlinked: 3 } as const;

/** How an account is named in the request. */
export type AccountId = { readonly address: Uint8Array } | { readonly publicKey: Uint8Array };

/** One mosaic balance. */
export interface MosaicBalance {
  readonly id: bigint;
  readonly amount: bigint;
}

/** The parts of an account we use. */
export interface AccountInfo {
  readonly address: Uint8Array;
  /** Undefined until the account's public key is known to the chain. */
  readonly publicKey: Uint8Array | undefined;
  readonly accountType: number;
  readonly importance: bigint;
  readonly importanceHeight: bigint;
  /** The height at which the chain first saw the account (0 when not given). */
  readonly addressHeight: bigint;
  readonly links: AccountLinks;
  readonly mosaics: readonly MosaicBalance[];
}

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
  const account = dtoGet(dtoRoot('/accounts/{accountId}', answer), 'account');
  const keys = dtoGet(account, 'supplementalPublicKeys');
  const linkOf = (name: string): Uint8Array | undefined => {
    if (!dtoHas(keys)) return undefined;
    const link = dtoGet(keys, name);
    return dtoHas(link) ? dtoPublicKey(dtoGet(link, 'publicKey')) : undefined;
  };
  const publicKeyField = dtoGet(account, 'publicKey');
  const mosaicsField = dtoGet(account, 'mosaics');
  return {
    address: dtoAddress(dtoGet(account, 'address')),
    publicKey: dtoHas(publicKeyField) ? dtoPublicKey(publicKeyField) : undefined,
    accountType: dtoHas(dtoGet(account, 'accountType')) ? dtoInteger(dtoGet(account, 'accountType')) : 0,
    importance: optionalUint64(dtoGet(account, 'importance')),
    importanceHeight: optionalUint64(dtoGet(account, 'importanceHeight')),
    addressHeight: optionalUint64(dtoGet(account, 'addressHeight')),
    links: { remote: linkOf('linked'), vrf: linkOf('vrf'), node: linkOf('node') },
    mosaics: dtoHas(mosaicsField) ? dtoArray(mosaicsField).map(readMosaic) : [],
  };
}

/** The balance of one mosaic (0 when the account holds none). */
export function accountBalance(account: AccountInfo, mosaicId: bigint): bigint {
  return account.mosaics.find((mosaic) => mosaic.id === mosaicId)?.amount ?? 0n;
}

function readMosaic(field: DtoField): MosaicBalance {
  const idField = dtoGet(field, 'id');
  const idBytes = dtoHex(idField, 8);
  if (idBytes.length !== 8) throw badField(idField, 'a mosaic id');
  return { id: BigInt(`0x${toHex(idBytes)}`), amount: dtoUint64(dtoGet(field, 'amount')) };
}

function optionalUint64(field: DtoField): bigint {
  return dtoHas(field) ? dtoUint64(field) : 0n;
}
