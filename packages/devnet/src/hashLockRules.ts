/**
 * The stateful rules of hash locks (catapult lock hash plugin): a HashLockTransaction locks exactly
 * lockedFundsPerAggregate of the currency for at most maxHashLockDuration blocks, one lock per aggregate hash; a
 * bonded aggregate confirms only with an active lock for its hash, which it uses up, returning the funds to the
 * lock's owner.
 */
import type { AccountOverlay } from './applyTransaction.js';
import type { AccountState } from './chainState.js';
import type { DecodedBody } from './decodeTransaction.js';
import { HashLockCache, LOCK_STATUS } from './hashLocks.js';
import { DEVNET_CURRENCY_MOSAIC_ID, LOCKED_FUNDS_PER_AGGREGATE } from './settings.js';

/** HashLockTransaction: checks, debits the owner and records the lock (on commit). */
export function applyHashLock(
  overlay: AccountOverlay,
  signer: AccountState,
  body: Extract<DecodedBody, { kind: 'hashLock' }>,
): string | undefined {
  const { chain, height } = overlay;
  if (body.duration === 0n || body.duration > chain.maxHashLockDuration)
    return 'Failure_LockHash_Invalid_Duration';
  if (body.mosaic.id !== DEVNET_CURRENCY_MOSAIC_ID) return 'Failure_LockHash_Invalid_Mosaic_Id';
  if (body.mosaic.amount !== LOCKED_FUNDS_PER_AGGREGATE) return 'Failure_LockHash_Invalid_Mosaic_Amount';
  if (chain.hashLocks.get(body.hash) !== undefined) return 'Failure_LockHash_Hash_Already_Exists';
  if (signer.balance < body.mosaic.amount) return 'Failure_Core_Insufficient_Balance';
  signer.balance -= body.mosaic.amount;
  const lock = {
    id: chain.newId(),
    ownerAddress: signer.address,
    mosaicId: body.mosaic.id,
    amount: body.mosaic.amount,
    endHeight: height + body.duration,
    status: LOCK_STATUS.unused,
    expired: false,
    hash: body.hash,
  };
  overlay.onCommit(() => chain.hashLocks.add(lock));
  return undefined;
}

/** A confirming bonded aggregate uses its lock: the lock's funds go back to its owner. */
export function useHashLock(overlay: AccountOverlay, aggregateHash: Uint8Array): string | undefined {
  const lock = overlay.chain.hashLocks.get(aggregateHash);
  if (lock === undefined) return 'Failure_LockHash_Unknown_Hash';
  if (!HashLockCache.isActive(lock, overlay.height)) return 'Failure_LockHash_Inactive_Hash';
  overlay.findOrCreate(lock.ownerAddress).balance += lock.amount;
  overlay.onCommit(() => {
    lock.status = LOCK_STATUS.used;
  });
  return undefined;
}

/**
 * Locks reaching their end height unused expire: their funds go to the block's beneficiary (catapult gives them to
 * the harvester of that block). Returns the expired locks' hashes.
 */
export function expireHashLocks(
  chain: AccountOverlay['chain'],
  height: bigint,
  beneficiary: AccountState,
): Uint8Array[] {
  const expired: Uint8Array[] = [];
  for (const lock of chain.hashLocks.all()) {
    if (lock.status !== LOCK_STATUS.unused || lock.expired || lock.endHeight > height) continue;
    lock.expired = true;
    beneficiary.balance += lock.amount;
    expired.push(lock.hash);
  }
  return expired;
}
