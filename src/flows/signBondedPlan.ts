/**
 * `harvest sign` of a multisig plan (`delegate --multisig --prepare`; docs/commands/sign.md, "Multisig plans"): the
 * initiating cosignatory signs, offline, both transactions of the set-up:
 *
 *   transactions[0]  hash lock, hash = 32 zero bytes   ─┐ the lock names the SIGNED aggregate's hash, so the
 *   transactions[1]  bonded aggregate (unsigned)        │ aggregate is signed first, its hash put into the lock
 *                                                        ┘ (bindHashLock), then the lock is signed
 *
 * Checked before the review: both for the file's network, both signed by the key given (the initiator), the lock
 * unbound (zero hash) and of the currency shown; unless allowAny, the aggregate holds only key links and delegation
 * requests signed by the multisig account the file names (checkAggregateSafety, as `harvest cosign` does).
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, parseHex, toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { checkAggregateSafety } from '../core/transactions/checkAggregateSafety.js';
import {
  describeTransaction,
  type TransactionDescription,
} from '../core/transactions/describeTransaction.js';
import { bindHashLock, readHashLock } from '../core/transactions/hashLockPayload.js';
import { signTransaction } from '../core/transactions/signTransaction.js';
import type { FileTransaction, TransactionFile } from '../core/transactions/transactionFile.js';

/** Inputs of signBondedPlan (signPlan's: signPlan dispatches here, so this file cannot import it). */
export interface SignBondedPlanParameters {
  readonly file: TransactionFile;
  readonly privateKey: Uint8Array;
  readonly allowAny: boolean;
  /** Shown both transactions before anything is signed; throws to stop. */
  readonly review: (descriptions: readonly TransactionDescription[]) => Promise<void>;
}

/** True when the plan is a multisig set-up (a hash lock first): signBondedPlan signs it. */
export function isBondedPlan(file: TransactionFile): boolean {
  return file.transactions[0]?.kind === 'hashLock';
}

/**
 * The signed file: the lock (bound to the aggregate's hash) and the aggregate, both signed by the initiator.
 * @throws {InputError} INVALID_FILE, WRONG_NETWORK, INVALID_KEY, INVALID_PAYLOAD
 * @throws {RejectedError} UNSAFE_TRANSACTION unless allowAny
 */
export async function signBondedPlan(parameters: SignBondedPlanParameters): Promise<TransactionFile> {
  const { file, privateKey } = parameters;
  const seed = parseHex(file.network.generationHashSeed, {
    name: 'generationHashSeed',
    length: 32,
    code: 'INVALID_FILE',
  });
  if (file.transactions.length !== 2) {
    throw new InputError(
      'INVALID_FILE',
      `a multisig plan holds a hash lock and a bonded aggregate, not ${file.transactions.length} transactions`,
    );
  }
  const [lockEntry, aggregateEntry] = file.transactions as [FileTransaction, FileTransaction];
  const lockPayload = parseHex(lockEntry.payload, { name: 'lock payload', code: 'INVALID_FILE' });
  const aggregatePayload = parseHex(aggregateEntry.payload, {
    name: 'aggregate payload',
    code: 'INVALID_FILE',
  });
  const lockDescription = describeTransaction(lockPayload);
  const aggregateDescription = describeTransaction(aggregatePayload);
  const lock = readHashLock(lockPayload);
  if (lock === undefined)
    throw new InputError('INVALID_FILE', 'transaction 1 of the multisig plan is not a hash lock');
  if (aggregateDescription.kind !== 'aggregateBonded') {
    throw new InputError('INVALID_FILE', 'transaction 2 of the multisig plan is not a bonded aggregate');
  }
  if (!lock.aggregateHash.every((byte) => byte === 0)) {
    throw new InputError(
      'INVALID_FILE',
      'the hash lock of the plan already names an aggregate: it is not a plan',
    );
  }
  const publicKey = derivePublicKey(privateKey);
  [lockDescription, aggregateDescription].forEach((description, index) => {
    if (description.networkIdentifier !== file.network.identifier) {
      throw new InputError(
        'WRONG_NETWORK',
        `transaction ${index + 1} is for network ${description.networkIdentifier}, the plan says ${file.network.identifier}`,
      );
    }
    if (!equalBytes(description.signerPublicKey, publicKey)) {
      throw new InputError(
        'INVALID_KEY',
        `the key given is not the initiating cosignatory of the plan (${toHex(description.signerPublicKey)})`,
        {
          hint: 'sign with the key of the cosignatory whose public key `delegate --multisig --prepare` was given',
        },
      );
    }
  });
  checkBondedHeader(file, aggregateDescription);
  if (!parameters.allowAny) checkAggregateSafety(aggregateDescription, { cosigning: true });
  await parameters.review([lockDescription, aggregateDescription]);

  const aggregate = signTransaction(aggregatePayload, privateKey, seed);
  const signedLock = signTransaction(bindHashLock(lockPayload, aggregate.hash), privateKey, seed);
  const multisig = file['multisig'];
  return {
    ...file,
    format: 'harvest-signed',
    transactions: [
      { ...lockEntry, hash: toHex(signedLock.hash), payload: toHex(signedLock.payload) },
      { ...aggregateEntry, hash: toHex(aggregate.hash), payload: toHex(aggregate.payload) },
    ],
    ...(typeof multisig === 'object' && multisig !== null
      ? { multisig: { ...multisig, lockHash: toHex(signedLock.hash), aggregateHash: toHex(aggregate.hash) } }
      : {}),
    announced: false,
  };
}

/** The header names the multisig account the review shows ("… for X"): it must be the inner transactions' signer. */
export function checkBondedHeader(file: TransactionFile, aggregate: TransactionDescription): void {
  const inner = aggregate.transactions[0];
  if (inner === undefined) throw new InputError('INVALID_FILE', 'the bonded aggregate of the plan is empty');
  const innerAddress = encodeAddress(deriveAddress(inner.signerPublicKey, file.network.identifier));
  if (
    file.mainAddress !== innerAddress ||
    file.mainPublicKey.toUpperCase() !== toHex(inner.signerPublicKey)
  ) {
    throw new InputError(
      'INVALID_FILE',
      `the plan's header names ${file.mainAddress}, but its aggregate sets up ${innerAddress}`,
    );
  }
}
