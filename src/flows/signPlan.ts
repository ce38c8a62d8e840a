/**
 * `harvest sign`: the offline half of cold signing.
 *
 *   1. every payload must be one whole transaction of the file's network (identifier byte; for the public networks
 *      the generation hash seed must be theirs), signed by the key given
 *   2. describe every inner transaction and apply the safety rule (UNSAFE_TRANSACTION) unless allowAny; a hash lock
 *      is refused whatever the flags (UNSAFE_TRANSACTION: only a multisig plan's first transaction is one)
 *   3. review(descriptions): the caller shows them and asks for confirmation
 *   4. sign each (on both cores for thousands: sign/signTransactionsInParallel.ts) and return the signed file
 *
 * A multisig plan (a hash lock, then a bonded aggregate) is signed by signBondedPlan.
 */
import { parseHex, toHex, equalBytes } from '../core/bytes.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { InputError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { checkAggregateSafety } from '../core/transactions/checkAggregateSafety.js';
import { refuseLoneHashLock } from '../core/transactions/checkHashLocks.js';
import {
  describeTransaction,
  type TransactionDescription,
} from '../core/transactions/describeTransaction.js';
import type { TransactionFile } from '../core/transactions/transactionFile.js';
import { signTransactionsInParallel } from './sign/signTransactionsInParallel.js';
import { isBondedPlan, signBondedPlan } from './signBondedPlan.js';

/** Inputs of signPlan. */
export interface SignPlanParameters {
  readonly file: TransactionFile;
  readonly privateKey: Uint8Array;
  readonly allowAny: boolean;
  /** Shown every transaction before anything is signed; throws to stop. */
  readonly review: (descriptions: readonly TransactionDescription[]) => Promise<void>;
}

/** The signed file (format harvest-signed). */
export async function signPlan(parameters: SignPlanParameters): Promise<TransactionFile> {
  if (isBondedPlan(parameters.file)) return signBondedPlan(parameters);
  const { file, privateKey } = parameters;
  const seed = parseHex(file.network.generationHashSeed, {
    name: 'generationHashSeed',
    length: 32,
    code: 'INVALID_FILE',
  });
  // A private network may reuse a public identifier (the devnet uses 152 like testnet): the seed decides, and the
  // review names the network so that the signer sees which one it is.
  const publicKey = derivePublicKey(privateKey);
  const descriptions = file.transactions.map((transaction, index) => {
    const description = describeTransaction(
      parseHex(transaction.payload, { name: 'payload', code: 'INVALID_FILE' }),
    );
    if (description.networkIdentifier !== file.network.identifier) {
      throw new InputError(
        'WRONG_NETWORK',
        `transaction ${index + 1} is for network ${description.networkIdentifier}, the plan says ${file.network.identifier}`,
      );
    }
    if (!equalBytes(description.signerPublicKey, publicKey)) {
      throw new InputError(
        'INVALID_KEY',
        `the key given is not the signer of transaction ${index + 1} (${toHex(description.signerPublicKey)})`,
        {
          hint: `use the private key of ${file.mainAddress}`,
        },
      );
    }
    // whatever the flags: a lock is signed only in a multisig plan, where signBondedPlan binds it to the aggregate
    refuseLoneHashLock(parseHex(transaction.payload, { name: 'payload', code: 'INVALID_FILE' }), index);
    if (!parameters.allowAny) checkAggregateSafety(description);
    return description;
  });
  // The header is what the review names ("sign … for X"): it must be the signer the payloads carry.
  const signerAddress = encodeAddress(deriveAddress(publicKey, file.network.identifier));
  if (file.mainAddress !== signerAddress || file.mainPublicKey.toUpperCase() !== toHex(publicKey)) {
    throw new InputError(
      'INVALID_FILE',
      `the plan's header names ${file.mainAddress}, but its transactions are signed by ${signerAddress}`,
    );
  }
  await parameters.review(descriptions);
  // a plan of thousands of transactions (a kickback plan, a script's) is signed on both cores
  const signed = await signTransactionsInParallel(
    file.transactions.map((transaction) => ({
      payload: parseHex(transaction.payload, { name: 'payload' }),
      privateKey,
    })),
    seed,
  );
  const transactions = file.transactions.map((transaction, index) => ({
    ...transaction,
    hash: toHex(signed[index]!.hash),
    payload: toHex(signed[index]!.payload),
  }));
  return { ...file, format: 'harvest-signed', transactions, announced: false };
}
