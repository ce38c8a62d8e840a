/**
 * A transaction as REST writes it in /transactions/confirmed answers (docs/protocol.md §5):
 * `{ id, meta: { height, hash | aggregateHash, index, ... }, transaction: { signerPublicKey, type, ... } }`.
 * Only transfers (recipient, message) and aggregates (their embedded `transactions`) are read in detail.
 */
import {
  dtoAddress,
  dtoArray,
  dtoGet,
  dtoHas,
  dtoHex,
  dtoInteger,
  dtoString,
  dtoUint64,
  type DtoField,
} from './readDto.js';

/** The body of a transaction, narrowed to what delegation checks need. */
export interface TransactionBody {
  readonly type: number;
  readonly version: number;
  readonly network: number;
  readonly signerPublicKey: Uint8Array;
  /** Transfers only: the 24-byte unresolved recipient (an alias has bit 0 of byte 0 set). */
  readonly recipientAddress: Uint8Array | undefined;
  /** Transfers only: the raw message bytes (empty when none). */
  readonly message: Uint8Array | undefined;
  /** Aggregates fetched by hash: their embedded transactions, in order. */
  readonly transactions: readonly TransactionEntry[] | undefined;
}

/** Where a transaction sits in the chain. */
export interface TransactionMeta {
  readonly height: bigint;
  /** Hash of a top-level transaction; undefined for an embedded one. */
  readonly hash: Uint8Array | undefined;
  /** For an embedded transaction: the hash of its aggregate. */
  readonly aggregateHash: Uint8Array | undefined;
  readonly index: number | undefined;
}

/** One entry: meta plus body. */
export interface TransactionEntry {
  readonly id: string | undefined;
  readonly meta: TransactionMeta;
  readonly transaction: TransactionBody;
}

/**
 * Reads one transaction entry.
 * @throws {NodeError} NODE_BAD_RESPONSE naming the field that has the wrong shape
 */
export function readTransactionEntry(field: DtoField): TransactionEntry {
  const meta = dtoGet(field, 'meta');
  const id = dtoGet(field, 'id');
  return {
    id: dtoHas(id) ? dtoString(id) : undefined,
    meta: {
      height: dtoHas(dtoGet(meta, 'height')) ? dtoUint64(dtoGet(meta, 'height')) : 0n,
      hash: optional(dtoGet(meta, 'hash'), (hash) => dtoHex(hash, 32)),
      aggregateHash: optional(dtoGet(meta, 'aggregateHash'), (hash) => dtoHex(hash, 32)),
      index: optional(dtoGet(meta, 'index'), dtoInteger),
    },
    transaction: readBody(dtoGet(field, 'transaction')),
  };
}

function readBody(field: DtoField): TransactionBody {
  return {
    type: dtoInteger(dtoGet(field, 'type')),
    version: dtoInteger(dtoGet(field, 'version')),
    network: dtoInteger(dtoGet(field, 'network')),
    signerPublicKey: dtoHex(dtoGet(field, 'signerPublicKey'), 32),
    recipientAddress: optional(dtoGet(field, 'recipientAddress'), dtoAddress),
    message: optional(dtoGet(field, 'message'), (message) => dtoHex(message)),
    transactions: optional(dtoGet(field, 'transactions'), (list) => dtoArray(list).map(readTransactionEntry)),
  };
}

function optional<T>(field: DtoField, read: (field: DtoField) => T): T | undefined {
  return dtoHas(field) ? read(field) : undefined;
}
