/**
 * `harvest rewards` (docs/commands/rewards.md): what an account earned by harvesting over a range of blocks, every
 * harvest fee receipt for it counted (collectBlockRewards) and added up (summarizeRewards).
 */
import { collectBlockRewards, type RewardEntry } from '../../core/rewards/collectBlockRewards.js';
import { summarizeRewards, type RewardsSummary } from '../../core/rewards/summarizeRewards.js';
import { readRewardStatements, type ReadRewardStatementsParameters } from './readRewardStatements.js';

/** What getHarvestRewards needs. */
export type GetHarvestRewardsParameters = ReadRewardStatementsParameters;

/** The --json result and each share behind it (for --csv). */
export interface HarvestRewardsReport {
  readonly result: RewardsSummary;
  readonly entries: readonly RewardEntry[];
}

/**
 * Reads and adds up the account's harvest fee receipts. An empty range is a zero total.
 * @throws {InputError} INVALID_INPUT when --from is after --to, WRONG_NETWORK, INVALID_ADDRESS for another network's
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getHarvestRewards(
  parameters: GetHarvestRewardsParameters,
): Promise<HarvestRewardsReport> {
  const { network, address, fromHeight, toHeight, statements } = await readRewardStatements(parameters);
  const entries = statements.flatMap(({ statement, block }) =>
    collectBlockRewards({
      address,
      networkIdentifier: network.identifier,
      epochAdjustmentSeconds: network.epochAdjustmentSeconds,
      receipts: statement.receipts,
      block,
    }),
  );
  return { result: summarizeRewards({ address, fromHeight, toHeight, entries }), entries };
}
