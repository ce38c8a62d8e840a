/**
 * Who harvested a devnet block and what it paid (docs/devnet.md, "Harvesting rewards"): the block's signer and
 * beneficiary, its transaction fees, and the receipts of its block statement, as catapult's HarvestFeeObserver
 * writes them (plugins/coresystem/src/observers/HarvestFeeObserver.cpp). Types and constants only, so that the chain
 * state, the persistence and the REST routes share them without importing each other.
 */

/** model::Receipt_Type_Harvest_Fee: a BalanceChangeReceipt (0x2143). */
export const RECEIPT_TYPE_HARVEST_FEE = 0x2143;
/** model::Receipt_Type_Inflation: an InflationReceipt (0x5143). */
export const RECEIPT_TYPE_INFLATION = 0x5143;
/** chain.harvestBeneficiaryPercentage of the public networks. */
export const HARVEST_BENEFICIARY_PERCENTAGE = 25n;
/** chain.harvestNetworkPercentage of the public networks. */
export const HARVEST_NETWORK_PERCENTAGE = 5n;

/** One receipt of a block statement: a harvest fee (with its target) or the inflation of the block. */
export interface HarvestReceipt {
  readonly type: number;
  /** The account credited (24 raw bytes); absent on the inflation receipt. */
  readonly targetAddress?: Uint8Array | undefined;
  readonly mosaicId: bigint;
  readonly amount: bigint;
}

/** The harvest facts of one block. */
export interface BlockHarvest {
  /** The key that signed the block: a delegate's remote key, or a main key (the node owner, the nemesis). */
  readonly signerPublicKey: Uint8Array;
  /** The node's beneficiary (its owner's address unless set otherwise), 24 raw bytes. */
  readonly beneficiaryAddress: Uint8Array;
  /** Sum of the fees of the block's transactions, µXYM. */
  readonly totalFee: bigint;
  /** The block statement's receipts in catapult's order: harvester, network sink, beneficiary, inflation. */
  readonly receipts: readonly HarvestReceipt[];
}
