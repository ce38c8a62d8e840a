/**
 * A top-level HashLockTransaction, version 1 (type 0x4148; docs/protocol.md §3.8): the deposit that must be
 * confirmed before a bonded aggregate is accepted into the partial cache.
 *
 *   header(128) | mosaic_id(8) | amount(8) | duration(8, blocks) | hash(32, the bonded aggregate's)   = 184 bytes
 *
 * The deposit (lockedFundsPerAggregate, 10 XYM on the public networks) comes back to the lock's signer when the
 * aggregate completes; an aggregate still incomplete when `duration` blocks have passed leaves it to that block's
 * harvester.
 */
import { Hash256 } from 'symbol-sdk';
import { descriptors, models } from 'symbol-sdk/symbol';
import { InputError } from '../errors.js';
import { buildTopLevelTransaction } from './buildTopLevelTransaction.js';
import type { TopLevelParameters, UnsignedTransaction } from './transactionTypes.js';

/** What one hash lock locks, for how long, and for which aggregate. */
export interface HashLockParameters extends TopLevelParameters {
  /** The network currency's mosaic id (the harvesting mosaic on Symbol). */
  readonly mosaicId: bigint;
  /** µXYM locked: the network's lockedFundsPerAggregate. */
  readonly amount: bigint;
  /** Blocks the lock stays valid; at most the network's maxHashLockDuration. */
  readonly durationBlocks: bigint;
  /** The hash of the signed bonded aggregate it locks for. */
  readonly aggregateHash: Uint8Array;
}

/** The unsigned hash lock (fee = 184 × multiplier unless an amount is given). */
export function buildHashLock(parameters: HashLockParameters): UnsignedTransaction {
  if (parameters.aggregateHash.length !== 32) {
    throw new InputError(
      'INVALID_INPUT',
      `a hash lock names a 32-byte hash, got ${parameters.aggregateHash.length}`,
    );
  }
  if (parameters.durationBlocks <= 0n) {
    throw new InputError('INVALID_INPUT', 'a hash lock must last at least one block');
  }
  const descriptor = new descriptors.HashLockTransactionV1Descriptor(
    new descriptors.UnresolvedMosaicDescriptor(
      new models.UnresolvedMosaicId(parameters.mosaicId),
      new models.Amount(parameters.amount),
    ),
    new models.BlockDuration(parameters.durationBlocks),
    new Hash256(parameters.aggregateHash),
  );
  return buildTopLevelTransaction(descriptor, parameters);
}
