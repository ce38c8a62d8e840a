/**
 * `harvest sign --cosign <signed.json>` (docs/commands/sign.md, "Cold cosigning"): another cosignatory of the
 * multisig account adds its cosignature to a signed multisig file offline, so that no cosignatory's key has to be
 * online. A cosignature is Ed25519 of the aggregate's hash (cosignAggregateHash); `harvest announce` sends each with
 * PUT /transactions/cosignature once the aggregate is in the partial cache.
 *
 * Before the review: the file is a signed multisig set-up of its network (a hash lock naming the hash of the
 * bonded aggregate that follows, the aggregate's signature verifying with the file's generation hash seed and
 * hashing to the file's `hash`), the cosignatures already in it verify, and — unless allowAny — the aggregate holds
 * only key links and delegation requests signed by the multisig account the header names. Offline nothing says who
 * the account's cosignatories are: `announce` checks that against the chain (NOT_COSIGNATORY).
 */
import { equalBytes, parseHex, toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { checkAggregateSafety } from '../core/transactions/checkAggregateSafety.js';
import { cosignAggregateHash } from '../core/transactions/cosignAggregateHash.js';
import {
  describeTransaction,
  type TransactionDescription,
} from '../core/transactions/describeTransaction.js';
import { readHashLock } from '../core/transactions/hashLockPayload.js';
import { hashTransaction } from '../core/transactions/hashTransaction.js';
import type { FileTransaction, TransactionFile } from '../core/transactions/transactionFile.js';
import { verifyCosignature } from '../core/transactions/verifyCosignature.js';
import { verifyTransactionSignature } from '../core/transactions/verifyTransactionSignature.js';
import { checkBondedHeader, isBondedPlan } from './signBondedPlan.js';

/** Inputs of cosignSignedFile. */
export interface CosignSignedFileParameters {
  readonly file: TransactionFile;
  readonly privateKey: Uint8Array;
  readonly allowAny: boolean;
  /** Shown the bonded aggregate before anything is cosigned; throws to stop. */
  readonly review: (descriptions: readonly TransactionDescription[]) => Promise<void>;
  readonly onNote?: ((text: string) => void) | undefined;
}

/**
 * The file with this key's cosignature added (unchanged when it is already there).
 * @throws {InputError} INVALID_FILE, WRONG_NETWORK, INVALID_KEY (the initiator's key: its signature already counts)
 * @throws {RejectedError} UNSAFE_TRANSACTION unless allowAny
 */
export async function cosignSignedFile(parameters: CosignSignedFileParameters): Promise<TransactionFile> {
  const { file, privateKey } = parameters;
  if (file.format !== 'harvest-signed' || !isBondedPlan(file) || file.transactions.length !== 2) {
    throw new InputError(
      'INVALID_FILE',
      '--cosign takes a signed multisig file (a hash lock, then a bonded aggregate)',
      {
        hint: 'the initiating cosignatory signs the plan first: harvest sign plan.json --key-file <initiator key>',
      },
    );
  }
  const seed = parseHex(file.network.generationHashSeed, {
    name: 'generationHashSeed',
    length: 32,
    code: 'INVALID_FILE',
  });
  const [lockEntry, aggregateEntry] = file.transactions as [FileTransaction, FileTransaction];
  const payload = parseHex(aggregateEntry.payload, { name: 'aggregate payload', code: 'INVALID_FILE' });
  const description = describeTransaction(payload);
  if (description.kind !== 'aggregateBonded') {
    throw new InputError('INVALID_FILE', 'transaction 2 of the multisig file is not a bonded aggregate');
  }
  if (description.networkIdentifier !== file.network.identifier) {
    throw new InputError(
      'WRONG_NETWORK',
      `the aggregate is for network ${description.networkIdentifier}, the file says ${file.network.identifier}`,
    );
  }
  if (!verifyTransactionSignature(payload, seed)) {
    throw new InputError(
      'INVALID_FILE',
      "the aggregate's signature does not verify: it is unsigned or was altered",
    );
  }
  const hash = hashTransaction(payload, seed);
  const lock = readHashLock(parseHex(lockEntry.payload, { name: 'lock payload', code: 'INVALID_FILE' }));
  if (
    aggregateEntry.hash?.toUpperCase() !== toHex(hash) ||
    lock === undefined ||
    !equalBytes(lock.aggregateHash, hash)
  ) {
    throw new InputError('INVALID_FILE', `the file's hashes do not match its aggregate (${toHex(hash)})`);
  }
  checkBondedHeader(file, description);
  const existing = file.cosignatures ?? [];
  existing.forEach((entry, index) => {
    const signer = parseHex(entry.signerPublicKey, {
      name: 'signerPublicKey',
      length: 32,
      code: 'INVALID_FILE',
    });
    const signature = parseHex(entry.signature, { name: 'signature', length: 64, code: 'INVALID_FILE' });
    if (!verifyCosignature(hash, signer, signature)) {
      throw new InputError(
        'INVALID_FILE',
        `cosignature ${index + 1} of the file does not verify for ${toHex(hash)}`,
      );
    }
  });
  const publicKey = derivePublicKey(privateKey);
  if (equalBytes(publicKey, description.signerPublicKey)) {
    throw new InputError(
      'INVALID_KEY',
      "this is the initiating cosignatory's key: its signature already counts",
      {
        hint: 'cosign with the key of another cosignatory of the multisig account',
      },
    );
  }
  if (!parameters.allowAny) checkAggregateSafety(description, { cosigning: true });
  await parameters.review([description]);
  if (existing.some((entry) => entry.signerPublicKey.toUpperCase() === toHex(publicKey))) {
    parameters.onNote?.(`${toHex(publicKey)} has already cosigned this file: nothing added`);
    return file;
  }
  const cosignature = cosignAggregateHash(hash, privateKey);
  return {
    ...file,
    cosignatures: [
      ...existing,
      { signerPublicKey: toHex(cosignature.signerPublicKey), signature: toHex(cosignature.signature) },
    ],
  };
}
