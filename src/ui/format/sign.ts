import { toHex } from '../../core/bytes.js';
import { encodeAddress } from '../../core/address.js';
import type {
  InnerDescription,
  TransactionDescription,
} from '../../core/transactions/describeTransaction.js';
import type { TransactionFile } from '../../core/transactions/transactionFile.js';
import { describeXym } from '../../core/units/describeXym.js';
import { formatXym } from './delegate.js';

/** Every inner transaction of what is about to be signed. */
export function formatTransactionReview(descriptions: readonly TransactionDescription[]): string {
  const lines: string[] = [];
  descriptions.forEach((description, index) => {
    lines.push(
      `transaction ${index + 1}: ${description.typeName}, signer ${toHex(description.signerPublicKey)}, max fee ${formatXym(description.fee)}`,
    );
    description.transactions.forEach((inner, innerIndex) => {
      const target =
        inner.lock !== undefined
          ? formatLock(inner.lock)
          : inner.linkedPublicKey !== undefined
            ? toHex(inner.linkedPublicKey)
            : inner.recipientAddress !== undefined
              ? `to ${encodeAddress(inner.recipientAddress)}${formatMosaics(inner.mosaics ?? [])}`
              : '';
      lines.push(`  ${innerIndex + 1}. ${inner.kind} (${inner.typeName}) ${target}`.trimEnd());
    });
  });
  return lines.join('\n');
}

/**
 * A hash lock's deposit, in XYM: a node takes a hash lock only of the network currency (catapult's hash lock mosaic
 * validator, Failure_LockHash_Invalid_Mosaic_Id), whose id is still shown. It comes back when the aggregate
 * completes, and goes to a harvester if it never does.
 */
function formatLock(lock: NonNullable<InnerDescription['lock']>): string {
  const mosaic = lock.mosaicId.toString(16).toUpperCase().padStart(16, '0');
  const aggregate = lock.aggregateHash.every((byte) => byte === 0)
    ? 'the bonded aggregate (its hash is filled in when signed)'
    : `bonded aggregate ${toHex(lock.aggregateHash)}`;
  return (
    `locks a deposit of ${describeXym(lock.amount)} (currency mosaic ${mosaic}) for ${lock.durationBlocks} blocks ` +
    `for ${aggregate}: it comes back when the aggregate completes, and goes to a harvester if it does not ` +
    'complete in time'
  );
}

/** What a transfer sends, every amount shown (atomic units and mosaic id), so nothing is signed unseen. */
function formatMosaics(mosaics: readonly { readonly mosaicId: bigint; readonly amount: bigint }[]): string {
  if (mosaics.length === 0) return '';
  const sent = mosaics.map(
    (mosaic) => `${mosaic.amount} of mosaic ${mosaic.mosaicId.toString(16).toUpperCase().padStart(16, '0')}`,
  );
  return ` sending ${sent.join(', ')}`;
}

/** Human text of a signed file. */
export function formatSignedFile(file: TransactionFile): string {
  if (file.transactions.length === 0) return 'no transactions';
  return file.transactions
    .map(
      (transaction) =>
        `${transaction.kind}  hash ${transaction.hash ?? '(unsigned)'}\n${transaction.payload}`,
    )
    .join('\n\n');
}
