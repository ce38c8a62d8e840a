/**
 * What a node's beneficiary earned from one block, and from whose harvesting (docs/commands/rewards.md,
 * `--beneficiary`). In a block statement the Harvest_Fee receipts come in catapult's order (HarvestFeeObserver.cpp):
 * harvester first (its MAIN account: the delegate), then the network sink, then the beneficiary. So the first
 * receipt of type 8515 names the delegate, and the beneficiary's share is its receipt after that one (a beneficiary
 * that harvested the block itself has two receipts: the second is the beneficiary share).
 */
import { equalBytes } from '../bytes.js';
import { wallClockOf } from '../networkTime.js';
import { RECEIPT_TYPE_HARVEST_FEE, type RewardBlock, type RewardReceipt } from './collectBlockRewards.js';

/** The beneficiary share of one block. */
export interface BeneficiaryShare {
  readonly height: bigint;
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly date: string;
  /** The main account that harvested the block. */
  readonly delegateAddress: Uint8Array;
  /** µXYM. */
  readonly amount: bigint;
}

/** What collectBeneficiaryShare needs. */
export interface CollectBeneficiaryShareParameters {
  readonly beneficiary: Uint8Array;
  readonly epochAdjustmentSeconds: number;
  readonly receipts: readonly RewardReceipt[];
  readonly block: RewardBlock;
}

/** The beneficiary share of the block, or undefined when the block paid none to this beneficiary. */
export function collectBeneficiaryShare(
  parameters: CollectBeneficiaryShareParameters,
): BeneficiaryShare | undefined {
  const { beneficiary, block } = parameters;
  if (!equalBytes(block.beneficiaryAddress, beneficiary)) return undefined;
  const fees = parameters.receipts.filter(
    (receipt) => receipt.type === RECEIPT_TYPE_HARVEST_FEE && receipt.targetAddress !== undefined,
  );
  const harvester = fees[0];
  if (harvester?.targetAddress === undefined) return undefined;
  const shares = fees.slice(1).filter((receipt) => equalBytes(receipt.targetAddress!, beneficiary));
  if (shares.length === 0) return undefined;
  const time = wallClockOf(block.timestamp, parameters.epochAdjustmentSeconds).toISOString();
  return {
    height: block.height,
    time,
    date: time.slice(0, 10),
    delegateAddress: harvester.targetAddress,
    amount: shares.reduce((sum, receipt) => sum + (receipt.amount ?? 0n), 0n),
  };
}
