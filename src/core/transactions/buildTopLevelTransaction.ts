/**
 * The step all top-level builders share: descriptor + signer + deadline + fee → serialised, unsigned bytes.
 * We call the factory with an explicit deadline instead of the facade's createTransactionFromTypedDescriptor,
 * which reads the local clock (docs/protocol.md §3.7).
 */
import { PublicKey } from 'symbol-sdk';
import { models } from 'symbol-sdk/symbol';
import { InputError } from '../errors.js';
import { createTransactionFactory } from './createTransactionFactory.js';
import type { TopLevelParameters, UnsignedTransaction } from './transactionTypes.js';

const MAX_UINT64 = (1n << 64n) - 1n;

/** Serialises a typed descriptor as a top-level transaction with zero signature. */
export function buildTopLevelTransaction(
  descriptor: { toMap(): object },
  parameters: TopLevelParameters,
): UnsignedTransaction {
  const facade = createTransactionFactory(parameters.networkIdentifier);
  const transaction = facade.transactionFactory.create({
    ...descriptor.toMap(),
    signerPublicKey: new PublicKey(parameters.signerPublicKey),
    deadline: checkUint64(parameters.deadline, 'deadline'),
  });
  // The fee field has a fixed size, so the size read before setting it is final.
  const fee =
    'amount' in parameters.fee
      ? parameters.fee.amount
      : BigInt(transaction.size) * checkUint64(parameters.fee.multiplier, 'fee multiplier');
  transaction.fee = new models.Amount(checkUint64(fee, 'fee'));
  return { payload: transaction.serialize(), fee, deadline: parameters.deadline };
}

function checkUint64(value: bigint, name: string): bigint {
  if (value < 0n || value > MAX_UINT64) {
    throw new InputError('INVALID_INPUT', `${name} must be between 0 and 2^64 - 1, got ${value}`);
  }
  return value;
}
