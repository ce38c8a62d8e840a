/**
 * `--fee <slow|average|fast|N>` against a node's fee statistics (/network/fees/transaction, docs/protocol.md §3.6).
 * A transaction whose max fee is below size × the node's minFeeMultiplier is dropped without any status, so no
 * choice may go below that minimum:
 *
 *   slow    = minFeeMultiplier
 *   average = max(medianFeeMultiplier, minFeeMultiplier)          (the default)
 *   fast    = max(2 × medianFeeMultiplier, averageFeeMultiplier, minFeeMultiplier)
 *   N       = N, refused when below minFeeMultiplier
 */
import { InputError } from '../errors.js';
import type { FeeLevel } from './parseFeeMultiplier.js';
import type { TransactionFees } from './transactionFees.js';

/** The statistics the choice depends on. */
export type FeeStatistics = Pick<
  TransactionFees,
  'averageFeeMultiplier' | 'medianFeeMultiplier' | 'minFeeMultiplier'
>;

/**
 * The fee multiplier to sign with.
 * @throws {InputError} INVALID_INPUT when N is below the node's minimum (the node would drop the transaction)
 */
export function resolveFeeMultiplier(choice: bigint | FeeLevel | undefined, fees: FeeStatistics): bigint {
  const minimum = BigInt(fees.minFeeMultiplier);
  const median = BigInt(fees.medianFeeMultiplier);
  const max = (...values: bigint[]) => values.reduce((a, b) => (a > b ? a : b));
  if (choice === undefined || choice === 'average') return max(median, minimum);
  if (choice === 'slow') return minimum;
  if (choice === 'fast') return max(2n * median, BigInt(Math.ceil(fees.averageFeeMultiplier)), minimum);
  if (choice < minimum) {
    throw new InputError(
      'INVALID_INPUT',
      `--fee ${choice} is below this node's minimum fee multiplier ${minimum}: the node would drop the transaction`,
      { hint: `use --fee ${minimum} or more (or slow, average, fast)` },
    );
  }
  return choice;
}
