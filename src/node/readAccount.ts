/**
 * An account as REST writes it in /accounts answers, GET by id and POST of many alike (docs/protocol.md §5;
 * catapult-rest CatapultDb.js, openapi AccountDTO.yml): `{ id, account: { address, publicKey, ... } }`.
 * `importance` is the raw integer importance as a decimal string; `supplementalPublicKeys` sub-objects exist only
 * when linked; `address` is the hex of the 24 raw bytes.
 */
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
  dtoUint64,
  type DtoField,
} from './readDto.js';

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
 * Reads one `{ id, account }` entry.
 * @throws {NodeError} NODE_BAD_RESPONSE naming the field that has the wrong shape
 */
export function readAccount(entry: DtoField): AccountInfo {
  const account = dtoGet(entry, 'account');
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

function readMosaic(field: DtoField): MosaicBalance {
  const idField = dtoGet(field, 'id');
  const idBytes = dtoHex(idField, 8);
  if (idBytes.length !== 8) throw badField(idField, 'a mosaic id');
  return { id: BigInt(`0x${toHex(idBytes)}`), amount: dtoUint64(dtoGet(field, 'amount')) };
}

function optionalUint64(field: DtoField): bigint {
  return dtoHas(field) ? dtoUint64(field) : 0n;
}
