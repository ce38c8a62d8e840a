/**
 * The rule on hash locks that `harvest announce` and `harvest sign` apply WHATEVER the flags (`--allow-any`
 * included; docs/commands/announce.md, docs/commands/sign.md): a hash lock locks 10 XYM (plus its fee) for one
 * bonded aggregate, and the deposit goes to a harvester when that aggregate never completes. So a lock is announced
 * only when it names a real hash and the same file brings, right after it, the signed bonded aggregate of that hash;
 * and it is signed only as the first transaction of a multisig plan, where `harvest sign` binds it to the aggregate
 * it signs (signBondedPlan) — never on its own, where it would keep the zero hash of an unsigned plan.
 */
import { equalBytes, toHex } from '../bytes.js';
import { RejectedError } from '../errors.js';
import { describeXym } from '../units/describeXym.js';
import { describeTransaction } from './describeTransaction.js';
import { readHashLock } from './hashLockPayload.js';
import { hashTransaction } from './hashTransaction.js';

const HINT =
  'a hash lock belongs right before the bonded aggregate it names (`delegate --multisig --prepare`, then `harvest sign`)';

/**
 * Every hash lock among the signed `payloads` names a non-zero hash, and the next payload is the bonded aggregate
 * of that hash (hashed with `generationHashSeed`).
 * @throws {RejectedError} UNSAFE_TRANSACTION
 */
export function checkHashLocks(payloads: readonly Uint8Array[], generationHashSeed: Uint8Array): void {
  payloads.forEach((payload, index) => {
    const lock = readHashLock(payload);
    if (lock === undefined) return;
    const label = `transaction ${index + 1}`;
    if (lock.aggregateHash.every((byte) => byte === 0)) {
      throw unsafeLock(
        `${label} is a hash lock naming no aggregate (its hash is 32 zero bytes)`,
        lock.amount,
        {
          hint: 'sign the multisig plan with `harvest sign`: it binds the lock to the aggregate it signs',
        },
      );
    }
    const next = payloads[index + 1];
    const named = toHex(lock.aggregateHash);
    if (next === undefined || !isBondedOf(next, lock.aggregateHash, generationHashSeed)) {
      throw unsafeLock(
        `${label} is a hash lock for the bonded aggregate ${named}, which does not follow it in the file`,
        lock.amount,
      );
    }
  });
}

/**
 * Refuses any hash lock among signed `payloads` that are not a multisig set-up (exactly the lock, then the bonded
 * aggregate it names, both signed by the same cosignatory): the aggregate would not go to the partial cache.
 * @throws {RejectedError} UNSAFE_TRANSACTION
 */
export function refuseHashLockOutsidePair(payloads: readonly Uint8Array[]): void {
  payloads.forEach((payload, index) => {
    const lock = readHashLock(payload);
    if (lock === undefined) return;
    throw unsafeLock(
      `transaction ${index + 1} is a hash lock in a file that is not a multisig set-up (the lock, then the bonded ` +
        'aggregate it names, signed by the same cosignatory, and nothing else)',
      lock.amount,
    );
  });
}

/**
 * Refuses a hash lock among payloads to sign on their own (not as a multisig plan).
 * @throws {RejectedError} UNSAFE_TRANSACTION
 */
export function refuseLoneHashLock(payload: Uint8Array, index: number): void {
  const lock = readHashLock(payload);
  if (lock === undefined) return;
  throw unsafeLock(
    `transaction ${index + 1} is a hash lock outside a multisig plan: it could never name the aggregate it pays for`,
    lock.amount,
  );
}

function isBondedOf(payload: Uint8Array, hash: Uint8Array, seed: Uint8Array): boolean {
  try {
    if (describeTransaction(payload).kind !== 'aggregateBonded') return false;
    return equalBytes(hashTransaction(payload, seed), hash);
  } catch {
    return false;
  }
}

function unsafeLock(
  message: string,
  amount: bigint,
  options: { readonly hint?: string } = {},
): RejectedError {
  return new RejectedError(
    'UNSAFE_TRANSACTION',
    `refusing: ${message}; its ${describeXym(amount)} deposit would go to a harvester (even with --allow-any)`,
    {
      hint: options.hint ?? HINT,
      details: { problems: [message] },
    },
  );
}
