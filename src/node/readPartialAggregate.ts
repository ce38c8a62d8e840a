/**
 * A bonded aggregate as REST writes it in /transactions/partial/{hash} (docs/protocol.md §5): every header field
 * that its hash covers, its embedded transactions (key links and transfers in detail, others by type), and the
 * cosignatures gathered so far. Read in full so that `harvest cosign` can rebuild the aggregate and check that
 * the hash it signs is the hash of what it shows.
 */
import {
  badField,
  dtoAddress,
  dtoArray,
  dtoGet,
  dtoHas,
  dtoHex,
  dtoInteger,
  dtoUint64,
  type DtoField,
} from './readDto.js';
import { toHex } from '../core/bytes.js';

/** One embedded transaction; the optional fields are read for the types that have them. */
export interface PartialInner {
  readonly type: number;
  readonly version: number;
  readonly network: number;
  readonly signerPublicKey: Uint8Array;
  /** Key links: the key linked or unlinked. */
  readonly linkedPublicKey?: Uint8Array;
  /** Key links: 1 link, 0 unlink. */
  readonly linkAction?: number;
  /** Transfers. */
  readonly recipientAddress?: Uint8Array;
  readonly message?: Uint8Array;
  readonly mosaics?: readonly { readonly id: bigint; readonly amount: bigint }[];
}

/** One cosignature as the node reports it. */
export interface PartialCosignature {
  readonly version: bigint;
  readonly signerPublicKey: Uint8Array;
  readonly signature: Uint8Array;
}

/** A bonded aggregate waiting for cosignatures. */
export interface PartialAggregate {
  /** The hash the node says it has (checked by rebuilding before anyone signs it). */
  readonly hash: Uint8Array;
  readonly type: number;
  readonly version: number;
  readonly network: number;
  readonly signerPublicKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly maxFee: bigint;
  readonly deadline: bigint;
  readonly transactionsHash: Uint8Array;
  readonly transactions: readonly PartialInner[];
  readonly cosignatures: readonly PartialCosignature[];
}

const KEY_LINK_TYPES = new Set([0x414c, 0x4243, 0x424c]);
const TRANSFER_TYPE = 0x4154;

/**
 * Reads one partial entry `{ meta: { hash }, transaction: {...} }`.
 * @throws {NodeError} NODE_BAD_RESPONSE naming the field that has the wrong shape
 */
export function readPartialAggregate(field: DtoField): PartialAggregate {
  const body = dtoGet(field, 'transaction');
  const cosignatures = dtoGet(body, 'cosignatures');
  return {
    hash: dtoHex(dtoGet(dtoGet(field, 'meta'), 'hash'), 32),
    type: dtoInteger(dtoGet(body, 'type')),
    version: dtoInteger(dtoGet(body, 'version')),
    network: dtoInteger(dtoGet(body, 'network')),
    signerPublicKey: dtoHex(dtoGet(body, 'signerPublicKey'), 32),
    signature: dtoHex(dtoGet(body, 'signature'), 64),
    maxFee: dtoUint64(dtoGet(body, 'maxFee')),
    deadline: dtoUint64(dtoGet(body, 'deadline')),
    transactionsHash: dtoHex(dtoGet(body, 'transactionsHash'), 32),
    transactions: dtoArray(dtoGet(body, 'transactions')).map((entry) =>
      readInner(dtoGet(entry, 'transaction')),
    ),
    cosignatures: dtoHas(cosignatures) ? dtoArray(cosignatures).map(readCosignature) : [],
  };
}

function readInner(field: DtoField): PartialInner {
  const common = {
    type: dtoInteger(dtoGet(field, 'type')),
    version: dtoInteger(dtoGet(field, 'version')),
    network: dtoInteger(dtoGet(field, 'network')),
    signerPublicKey: dtoHex(dtoGet(field, 'signerPublicKey'), 32),
  };
  if (KEY_LINK_TYPES.has(common.type)) {
    const actionField = dtoGet(field, 'linkAction');
    const linkAction = dtoInteger(actionField);
    if (linkAction > 1) throw badField(actionField, 'a link action (0 or 1)');
    return { ...common, linkedPublicKey: dtoHex(dtoGet(field, 'linkedPublicKey'), 32), linkAction };
  }
  if (common.type === TRANSFER_TYPE) {
    const message = dtoGet(field, 'message');
    const mosaics = dtoGet(field, 'mosaics');
    return {
      ...common,
      recipientAddress: dtoAddress(dtoGet(field, 'recipientAddress')),
      message: dtoHas(message) ? dtoHex(message) : new Uint8Array(0),
      mosaics: dtoHas(mosaics)
        ? dtoArray(mosaics).map((mosaic) => ({
            id: BigInt(`0x${toHex(dtoHex(dtoGet(mosaic, 'id'), 8))}`),
            amount: dtoUint64(dtoGet(mosaic, 'amount')),
          }))
        : [],
    };
  }
  return common;
}

function readCosignature(field: DtoField): PartialCosignature {
  return {
    version: dtoHas(dtoGet(field, 'version')) ? dtoUint64(dtoGet(field, 'version')) : 0n,
    signerPublicKey: dtoHex(dtoGet(field, 'signerPublicKey'), 32),
    signature: dtoHex(dtoGet(field, 'signature'), 64),
  };
}
