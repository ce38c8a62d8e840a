/**
 * The hash lock cache (catapult's lock hash plugin): 10 XYM locked by a HashLockTransaction for the hash of a bonded
 * aggregate. The lock is active while height < endHeight. When the aggregate confirms, the lock is used and its
 * funds go back to its owner; when it reaches endHeight unused, its funds go to that block's beneficiary.
 */
import { toHex } from './bytes.js';

/** catapult `state::LockStatus`. */
export const LOCK_STATUS = { unused: 0, used: 1 } as const;

/** One hash lock. */
export interface HashLock {
  /** A MongoDB-style document id, as REST returns it. */
  readonly id: string;
  readonly ownerAddress: Uint8Array;
  readonly mosaicId: bigint;
  readonly amount: bigint;
  readonly endHeight: bigint;
  /** 0 unused, 1 used (the aggregate confirmed). */
  status: number;
  /** True once the lock passed endHeight unused and its funds went to a harvester (not shown by REST). */
  expired: boolean;
  readonly hash: Uint8Array;
}

/** The hash locks of the chain, by the aggregate hash they guard. */
export class HashLockCache {
  private readonly locks = new Map<string, HashLock>();

  /** The lock of an aggregate hash. */
  get(hash: Uint8Array): HashLock | undefined {
    return this.locks.get(toHex(hash));
  }

  /** Adds a lock (the caller checked that none exists for the hash). */
  add(lock: HashLock): void {
    this.locks.set(toHex(lock.hash), lock);
  }

  /** True when the lock can still be used at `height` (catapult `IsActive`). */
  static isActive(lock: HashLock, height: bigint): boolean {
    return lock.status === LOCK_STATUS.unused && !lock.expired && height < lock.endHeight;
  }

  /** Every lock, in creation order. */
  all(): HashLock[] {
    return [...this.locks.values()];
  }
}
