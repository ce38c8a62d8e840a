/**
 * The middle of the lifecycle for a MULTISIG account (docs/commands/delegate.md, "Multisig accounts"): a multisig
 * account cannot sign, so the plan's inner transactions go into a bonded aggregate whose embedded signer is the
 * multisig account and whose outer signer is the initiating cosignatory; a hash lock signed by the same
 * cosignatory deposits lockedFundsPerAggregate for the aggregate's hash. Then, as signAndStore does for one
 * aggregate: fees and balances checked, the user's confirmation, both signatures, and the WRITE-AHEAD — fresh keys
 * and two journal entries (the lock, then the aggregate marked `announceAs: partial`) in one atomic write, before
 * anything is announced. A re-run settles them oldest first: the lock is never paid twice. With the initiator's
 * public key alone (`delegate --multisig --prepare`) nothing is signed or journalled: the keys are written ahead and
 * both transactions returned unsigned, the lock naming a zero hash (`harvest sign` fills it in).
 *
 *   aggregate fee = (size + 104 × (minApproval − 1)) × multiplier   (room for the cosignatures still to come)
 *   lock duration = blocks of the aggregate's lifetime + 20, at most maxHashLockDuration
 */
import type { MultisigCosts, ResultTransaction } from '../../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { toHex } from '../../core/bytes.js';
import { RejectedError } from '../../core/errors.js';
import { derivePublicKey } from '../../core/keys.js';
import type { JournalEntry, KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { buildAggregate } from '../../core/transactions/buildAggregate.js';
import { buildHashLock } from '../../core/transactions/buildHashLock.js';
import { computeDeadline } from '../../core/transactions/computeDeadline.js';
import { signTransaction } from '../../core/transactions/signTransaction.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { SignedTransaction } from './announceAndWait.js';
import type { SignAndStoreParameters } from './signAndStore.js';

/** Size of one cosignature appended to an aggregate: version(8) signer(32) signature(64). */
const COSIGNATURE_SIZE = 104n;
/** Blocks added to the lock beyond the aggregate's lifetime (blocks come late; the lock must outlive it). */
const LOCK_MARGIN_BLOCKS = 20n;

/** What the multisig path adds to signAndStore's inputs. */
export interface BondedSigning {
  /**
   * The initiating cosignatory: its private key signs; with its public key alone (`delegate --multisig --prepare`)
   * both transactions stay unsigned, the lock naming a zero hash that `harvest sign` fills in (bindHashLock).
   */
  readonly initiator: { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };
  readonly multisigPublicKey: Uint8Array;
  readonly minApproval: number;
  /** The cosignatory's balance of the currency mosaic (µXYM): it pays both fees and the deposit. */
  readonly cosignerBalance: bigint;
  /** The multisig account's balance of the harvesting mosaic, for the eligibility check (it pays nothing). */
  readonly multisigBalance: bigint | undefined;
  readonly lockMosaicId: bigint;
  /** lockedFundsPerAggregate, µXYM. */
  readonly lockAmount: bigint;
  readonly maxLockDurationBlocks: bigint;
  readonly blockTimeMs: number;
  /** How long the aggregate may wait for its cosignatures (its deadline). */
  readonly lifetimeMs: bigint;
}

/** The two signed transactions, the result's view of them, and the costs shown. */
export interface StoredBonded {
  readonly transactions: readonly ResultTransaction[];
  readonly lock: SignedTransaction | undefined;
  readonly aggregate: SignedTransaction | undefined;
  readonly costs: MultisigCosts;
}

/**
 * Builds, checks, confirms, signs and writes ahead the lock and the bonded aggregate.
 * @throws {RejectedError} INSUFFICIENT_BALANCE (the initiator), NOT_ELIGIBLE (the multisig account) — before the confirmation
 * @throws whatever plan.confirm throws (CONFIRMATION_REQUIRED, CANCELLED) — before anything is written
 */
export async function signAndStoreBonded(
  parameters: Omit<SignAndStoreParameters, 'main' | 'balance'> & { readonly bonded: BondedSigning },
): Promise<StoredBonded> {
  const { plan, network, keystore, bonded } = parameters;
  const initiatorPublicKey =
    'privateKey' in bonded.initiator
      ? derivePublicKey(bonded.initiator.privateKey)
      : bonded.initiator.publicKey;
  const now = parameters.networkTime;
  const aggregateDeadline = computeDeadline(now, bonded.lifetimeMs);
  const common = { networkIdentifier: network.identifier, signerPublicKey: initiatorPublicKey };
  const sized = buildAggregate({
    ...common,
    embeddedSignerPublicKey: bonded.multisigPublicKey,
    deadline: aggregateDeadline,
    fee: { multiplier: parameters.feeMultiplier },
    transactions: plan.transactions,
    version: parameters.aggregateVersion,
    bonded: true,
  });
  const cosignaturesToCome = BigInt(Math.max(0, bonded.minApproval - 1));
  const aggregateFee =
    (BigInt(sized.payload.length) + COSIGNATURE_SIZE * cosignaturesToCome) * parameters.feeMultiplier;
  const unsignedAggregate = buildAggregate({
    ...common,
    embeddedSignerPublicKey: bonded.multisigPublicKey,
    deadline: aggregateDeadline,
    fee: { amount: aggregateFee },
    transactions: plan.transactions,
    version: parameters.aggregateVersion,
    bonded: true,
  });
  const lifetimeBlocks = (bonded.lifetimeMs + BigInt(bonded.blockTimeMs) - 1n) / BigInt(bonded.blockTimeMs);
  const lockDurationBlocks = min(lifetimeBlocks + LOCK_MARGIN_BLOCKS, bonded.maxLockDurationBlocks);
  const lockParameters = {
    ...common,
    deadline: computeDeadline(now),
    mosaicId: bonded.lockMosaicId,
    amount: bonded.lockAmount,
    durationBlocks: lockDurationBlocks,
  };
  // the lock's size does not depend on the hash it names: size it with zeros, sign it with the real hash below
  const lockFee = buildHashLock({
    ...lockParameters,
    fee: { multiplier: parameters.feeMultiplier },
    aggregateHash: new Uint8Array(32),
  }).fee;
  const costs: MultisigCosts = {
    multisigAddress: encodeAddress(deriveAddress(bonded.multisigPublicKey, network.identifier)),
    minApproval: bonded.minApproval,
    initiatorAddress: encodeAddress(deriveAddress(initiatorPublicKey, network.identifier)),
    lockFee,
    aggregateFee,
    lockDeposit: bonded.lockAmount,
    lockDurationBlocks,
  };
  checkBalances(bonded, costs, plan.eligibility);
  await plan.confirm(aggregateFee + lockFee, parameters.aggregateVersion, costs);

  if (!('privateKey' in bonded.initiator)) {
    // cold signing: the keys are sealed now (the plan file names them), nothing is journalled (nothing is signed)
    if (keystore !== undefined) {
      const next = plan.writeAhead?.(keystore.file, parameters.now().toISOString()) ?? keystore.file;
      if (next !== keystore.file) await keystore.save(next);
    }
    const unsignedLock = buildHashLock({
      ...lockParameters,
      fee: { amount: lockFee },
      aggregateHash: new Uint8Array(32),
    });
    return {
      transactions: [
        { kind: 'hashLock', payload: unsignedLock.payload, fee: lockFee, deadline: unsignedLock.deadline },
        {
          kind: plan.kind,
          payload: unsignedAggregate.payload,
          fee: aggregateFee,
          deadline: unsignedAggregate.deadline,
        },
      ],
      costs,
      lock: undefined,
      aggregate: undefined,
    };
  }
  const privateKey = bonded.initiator.privateKey;
  const aggregate = signTransaction(unsignedAggregate.payload, privateKey, network.generationHashSeed);
  const unsignedLock = buildHashLock({
    ...lockParameters,
    fee: { amount: lockFee },
    aggregateHash: aggregate.hash,
  });
  const lock = signTransaction(unsignedLock.payload, privateKey, network.generationHashSeed);
  const transactions: ResultTransaction[] = [
    {
      kind: 'hashLock',
      hash: lock.hash,
      payload: lock.payload,
      fee: lockFee,
      deadline: unsignedLock.deadline,
    },
    {
      kind: plan.kind,
      hash: aggregate.hash,
      payload: aggregate.payload,
      fee: aggregateFee,
      deadline: unsignedAggregate.deadline,
    },
  ];
  if (keystore !== undefined) {
    const createdAt = parameters.now().toISOString();
    let next: KeystoreFile = plan.writeAhead?.(keystore.file, createdAt) ?? keystore.file;
    if (parameters.journal) {
      const entry = (kind: string, signed: typeof lock, deadline: bigint): JournalEntry => ({
        kind,
        hash: toHex(signed.hash),
        payload: toHex(signed.payload),
        deadline,
        createdAt,
        state: 'signed',
      });
      next = {
        ...next,
        journal: [
          ...next.journal,
          entry('hashLock', lock, unsignedLock.deadline),
          {
            ...entry(plan.kind, aggregate, unsignedAggregate.deadline),
            ...(plan.requestAtZeroImportance === true ? { requestAtZeroImportance: true as const } : {}),
            announceAs: 'partial',
          },
        ],
      };
    }
    if (next !== keystore.file) await keystore.save(next);
  }
  return {
    transactions,
    costs,
    lock: { hash: lock.hash, payload: lock.payload, deadline: unsignedLock.deadline },
    aggregate: {
      hash: aggregate.hash,
      payload: aggregate.payload,
      deadline: unsignedAggregate.deadline,
      partial: true,
    },
  };
}

function checkBalances(
  bonded: BondedSigning,
  costs: MultisigCosts,
  eligibility: { readonly min: bigint; readonly max: bigint } | undefined,
): void {
  const needed = costs.lockFee + costs.aggregateFee + costs.lockDeposit;
  if (bonded.cosignerBalance < needed) {
    throw new RejectedError(
      'INSUFFICIENT_BALANCE',
      `the initiating cosignatory ${costs.initiatorAddress} holds ${describeXym(bonded.cosignerBalance)}, ` +
        `less than the ${describeXym(needed)} it pays (fees ${describeXym(costs.lockFee + costs.aggregateFee)} ` +
        `and a ${describeXym(costs.lockDeposit)} deposit that comes back)`,
      { hint: 'fund the cosignatory account, or initiate with another cosignatory' },
    );
  }
  const balance = bonded.multisigBalance;
  if (
    eligibility !== undefined &&
    balance !== undefined &&
    (balance < eligibility.min || balance > eligibility.max)
  ) {
    throw new RejectedError(
      'NOT_ELIGIBLE',
      `the multisig account's balance (${describeXym(balance)}) is outside the harvesting range ` +
        `${describeXym(eligibility.min)} to ${describeXym(eligibility.max)}`,
    );
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
