/**
 * The middle of the lifecycle (docs/ARCHITECTURE.md, "The transaction lifecycle"): one aggregate from the plan, its
 * fee checked against the balance, the user's confirmation, the signature, and the WRITE-AHEAD: fresh keys and the
 * journal entry reach the disk (atomically, fsync'd) before the signed transaction leaves this function, so that no
 * key that may end up linked on chain can be lost by a crash after this point. Announces nothing.
 */
import type { ResultTransaction } from '../../contract/setupResult.js';
import { toHex } from '../../core/bytes.js';
import { RejectedError } from '../../core/errors.js';
import { derivePublicKey } from '../../core/keys.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { NetworkParameters } from '../../core/network.js';
import type { NetworkTime } from '../../core/networkTime.js';
import type { Clock } from '../../core/ports.js';
import { buildAggregate } from '../../core/transactions/buildAggregate.js';
import { computeDeadline } from '../../core/transactions/computeDeadline.js';
import { signTransaction } from '../../core/transactions/signTransaction.js';
import type { AggregateVersion } from '../../core/transactions/transactionTypes.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import type { SignedTransaction } from './announceAndWait.js';
import type { MainKey, TransactionPlan } from './plan.js';
import { describeXym } from '../../core/units/describeXym.js';

/** Inputs of signAndStore. */
export interface SignAndStoreParameters {
  readonly plan: TransactionPlan;
  readonly network: NetworkParameters;
  readonly main: MainKey;
  readonly networkTime: NetworkTime;
  readonly aggregateVersion: AggregateVersion;
  readonly feeMultiplier: bigint;
  /** The account's balance of the harvesting mosaic, when known (µXYM). */
  readonly balance: bigint | undefined;
  /** The account's keystore; undefined when it has none (unlink needs no stored key). */
  readonly keystore: KeystoreSession | undefined;
  /**
   * Record the signed transaction in the journal. False for --dry-run and offline signing: a payload the user did not
   * confirm for announcing here must never be announced by a later run's resume.
   */
  readonly journal: boolean;
  readonly now: Clock;
}

/** The result's transaction, and the signed one to announce (undefined while unsigned). */
export interface StoredTransaction {
  readonly transaction: ResultTransaction;
  readonly signed: SignedTransaction | undefined;
}

/**
 * Builds, checks, confirms, signs and writes ahead.
 * @throws {RejectedError} INSUFFICIENT_BALANCE, NOT_ELIGIBLE — before the confirmation
 * @throws whatever plan.confirm throws (CONFIRMATION_REQUIRED, CANCELLED) — before anything is written
 */
export async function signAndStore(parameters: SignAndStoreParameters): Promise<StoredTransaction> {
  const { plan, main, network, keystore } = parameters;
  const signerPublicKey = 'privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey;
  const unsigned = buildAggregate({
    networkIdentifier: network.identifier,
    signerPublicKey,
    deadline: computeDeadline(parameters.networkTime),
    fee: { multiplier: parameters.feeMultiplier },
    transactions: plan.transactions,
    version: parameters.aggregateVersion,
  });
  checkBalance(parameters.balance, unsigned.fee, plan.eligibility);
  await plan.confirm(unsigned.fee, parameters.aggregateVersion);

  const signed =
    'privateKey' in main
      ? signTransaction(unsigned.payload, main.privateKey, network.generationHashSeed)
      : undefined;
  const transaction: ResultTransaction = {
    kind: plan.kind,
    ...(signed === undefined ? {} : { hash: signed.hash }),
    payload: signed?.payload ?? unsigned.payload,
    fee: unsigned.fee,
    deadline: unsigned.deadline,
  };
  if (keystore !== undefined) {
    const createdAt = parameters.now().toISOString();
    let next: KeystoreFile = plan.writeAhead?.(keystore.file, createdAt) ?? keystore.file;
    if (signed !== undefined && parameters.journal) {
      next = {
        ...next,
        journal: [
          ...next.journal,
          {
            kind: plan.kind,
            hash: toHex(signed.hash),
            payload: toHex(signed.payload),
            deadline: unsigned.deadline,
            createdAt,
            state: 'signed',
            ...(plan.requestAtZeroImportance === true ? { requestAtZeroImportance: true as const } : {}),
          },
        ],
      };
    }
    if (next !== keystore.file) await keystore.save(next);
  }
  return {
    transaction,
    signed:
      signed === undefined
        ? undefined
        : { hash: signed.hash, payload: signed.payload, deadline: unsigned.deadline },
  };
}

function checkBalance(
  balance: bigint | undefined,
  fee: bigint,
  eligibility: TransactionPlan['eligibility'],
): void {
  if (balance === undefined) return;
  if (balance < fee) {
    throw new RejectedError(
      'INSUFFICIENT_BALANCE',
      `balance ${describeXym(balance)} does not cover the fee of ${describeXym(fee)}`,
    );
  }
  if (eligibility !== undefined && (balance - fee < eligibility.min || balance - fee > eligibility.max)) {
    throw new RejectedError(
      'NOT_ELIGIBLE',
      `balance after the fee (${describeXym(balance - fee)}) is outside the harvesting range ` +
        `${describeXym(eligibility.min)} to ${describeXym(eligibility.max)}`,
    );
  }
}
