/**
 * What one block paid an account, from the block's statement and header (docs/commands/rewards.md). catapult's
 * HarvestFeeObserver (plugins/coresystem/src/observers/HarvestFeeObserver.cpp) writes one Harvest_Fee receipt
 * (type 0x2143 = 8515) per share, in this order: harvester (always), network sink, beneficiary (only when the block
 * signer's address is not the beneficiary); the harvester's receipt names its MAIN account (a remote signer forwards
 * to it). The gateway's filters match whole statements, so only receipts of that type AND for the account count, and
 * every one of them counts: an account can get both shares of one block.
 *
 * Which share a receipt is, without trusting today's account links (a remote key may have been unlinked since): by
 * position, as the observer writes them. The statement's FIRST harvest-fee receipt is the harvester's share (it is
 * always written, first); any later one for the account is the beneficiary's. So a block the account harvested as
 * its own node's beneficiary counts as harvested even when the beneficiary share rounds to nothing and has no
 * receipt.
 */
import { equalBytes } from '../bytes.js';
import { wallClockOf } from '../networkTime.js';

/** model::Receipt_Type_Harvest_Fee. */
export const RECEIPT_TYPE_HARVEST_FEE = 0x2143;

/** The block facts a reward needs. */
export interface RewardBlock {
  readonly height: bigint;
  /** ms since the network epoch. */
  readonly timestamp: bigint;
  readonly signerPublicKey: Uint8Array;
  readonly beneficiaryAddress: Uint8Array;
}

/** A receipt as the statement holds it. */
export interface RewardReceipt {
  readonly type: number;
  readonly targetAddress: Uint8Array | undefined;
  readonly amount: bigint | undefined;
}

/** One share paid to the account. */
export interface RewardEntry {
  readonly height: bigint;
  /** The block's time, ISO 8601 UTC. */
  readonly time: string;
  /** Its UTC date, YYYY-MM-DD. */
  readonly date: string;
  readonly share: 'harvester' | 'beneficiary';
  /** µXYM. */
  readonly amount: bigint;
  readonly beneficiaryAddress: Uint8Array;
  readonly signerPublicKey: Uint8Array;
}

/** What collectBlockRewards needs besides the block. */
export interface CollectBlockRewardsParameters {
  readonly address: Uint8Array;
  readonly networkIdentifier: number;
  readonly epochAdjustmentSeconds: number;
  readonly receipts: readonly RewardReceipt[];
  readonly block: RewardBlock;
}

/** The shares of one block paid to `address`, in receipt order. */
export function collectBlockRewards(parameters: CollectBlockRewardsParameters): RewardEntry[] {
  const { address, block } = parameters;
  const mine = parameters.receipts.filter(
    (receipt) =>
      receipt.type === RECEIPT_TYPE_HARVEST_FEE &&
      receipt.targetAddress !== undefined &&
      equalBytes(receipt.targetAddress, address),
  );
  const harvesterReceipt = parameters.receipts.find((receipt) => receipt.type === RECEIPT_TYPE_HARVEST_FEE);
  const time = wallClockOf(block.timestamp, parameters.epochAdjustmentSeconds).toISOString();
  return mine.map((receipt) => ({
    height: block.height,
    time,
    date: time.slice(0, 10),
    share: receipt === harvesterReceipt ? 'harvester' : 'beneficiary',
    amount: receipt.amount ?? 0n,
    beneficiaryAddress: block.beneficiaryAddress,
    signerPublicKey: block.signerPublicKey,
  }));
}
