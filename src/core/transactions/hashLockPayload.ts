/**
 * Reading and completing an unsigned HashLockTransaction (docs/protocol.md §3.8) for cold signing of a multisig
 * set-up (docs/commands/sign.md, "Multisig plans"). The lock names the SIGNED bonded aggregate's hash, which exists
 * only once the initiating cosignatory has signed the aggregate: `delegate --multisig --prepare` writes the lock with
 * a zero hash, and `harvest sign` puts the hash in before signing the lock.
 *
 *   header(128) | mosaic_id(8) | amount(8) | duration(8) | hash(32)    = 184 bytes; the hash is the last field
 */
import { SymbolTransactionFactory as TransactionFactory, models } from 'symbol-sdk/symbol';
import { InputError } from '../errors.js';

/** What a hash lock locks, for how long, and for which aggregate. */
export interface HashLockFields {
  readonly signerPublicKey: Uint8Array;
  readonly mosaicId: bigint;
  readonly amount: bigint;
  readonly durationBlocks: bigint;
  readonly aggregateHash: Uint8Array;
}

/** The lock's fields, or undefined when the payload is not a hash lock (or not a transaction at all). */
export function readHashLock(payload: Uint8Array): HashLockFields | undefined {
  const lock = deserializeLock(payload);
  if (lock === undefined) return undefined;
  return {
    signerPublicKey: lock.signerPublicKey.bytes,
    mosaicId: BigInt(lock.mosaic.mosaicId.value),
    amount: BigInt(lock.mosaic.amount.value),
    durationBlocks: BigInt(lock.duration.value),
    aggregateHash: lock.hash.bytes,
  };
}

/**
 * The same unsigned lock naming `aggregateHash` (its fee, deadline and everything else unchanged).
 * @throws {InputError} INVALID_PAYLOAD when the payload is not a hash lock
 */
export function bindHashLock(payload: Uint8Array, aggregateHash: Uint8Array): Uint8Array {
  const lock = deserializeLock(payload);
  if (lock === undefined) throw new InputError('INVALID_PAYLOAD', 'the payload is not a hash lock');
  if (aggregateHash.length !== 32) {
    throw new InputError('INVALID_INPUT', `a hash lock names a 32-byte hash, got ${aggregateHash.length}`);
  }
  lock.hash = new models.Hash256(new Uint8Array(aggregateHash));
  return lock.serialize();
}

function deserializeLock(payload: Uint8Array): models.HashLockTransactionV1 | undefined {
  try {
    const transaction = TransactionFactory.deserialize(payload);
    if (transaction.size !== payload.length) return undefined;
    return transaction instanceof models.HashLockTransactionV1 ? transaction : undefined;
  } catch {
    return undefined; // not a whole transaction: describeTransaction says why where it matters
  }
}
