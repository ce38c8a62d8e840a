/** A node's fee statistics (/network/fees/transaction, docs/protocol.md §3.6): multipliers in µXYM per byte. */
export interface TransactionFees {
  readonly averageFeeMultiplier: number;
  readonly medianFeeMultiplier: number;
  readonly highestFeeMultiplier: number;
  readonly lowestFeeMultiplier: number;
  /** Below this the node drops a transaction without any status. */
  readonly minFeeMultiplier: number;
}
