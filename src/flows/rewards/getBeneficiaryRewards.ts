/**
 * `harvest rewards --beneficiary` (docs/commands/rewards.md): what a node earned as the beneficiary of its
 * delegates' blocks, per delegate, with the kickback owed to each when a percentage is given.
 */
import {
  collectBeneficiaryShare,
  type BeneficiaryShare,
} from '../../core/rewards/collectBeneficiaryShare.js';
import {
  summarizeBeneficiaryRewards,
  type BeneficiaryRewardsSummary,
} from '../../core/rewards/summarizeBeneficiaryRewards.js';
import { readRewardStatements, type ReadRewardStatementsParameters } from './readRewardStatements.js';

/** What getBeneficiaryRewards needs: the beneficiary is the account read. */
export interface GetBeneficiaryRewardsParameters extends Omit<ReadRewardStatementsParameters, 'account'> {
  readonly beneficiary: Uint8Array;
  /** The kickback percentage in hundredths (12.5 % = 1250). */
  readonly kickbackBasisPoints?: bigint | undefined;
}

/** The --json result and each block's share behind it. */
export interface BeneficiaryRewardsReport {
  readonly result: BeneficiaryRewardsSummary;
  readonly shares: readonly BeneficiaryShare[];
}

/**
 * Reads the beneficiary's harvest fee receipts and attributes each beneficiary share to the block's harvester.
 * @throws {InputError} INVALID_INPUT, WRONG_NETWORK, INVALID_ADDRESS as getHarvestRewards
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getBeneficiaryRewards(
  parameters: GetBeneficiaryRewardsParameters,
): Promise<BeneficiaryRewardsReport> {
  const { network, address, fromHeight, toHeight, statements } = await readRewardStatements({
    ...parameters,
    account: { address: parameters.beneficiary },
  });
  const shares = statements.flatMap(({ statement, block }) => {
    const share = collectBeneficiaryShare({
      beneficiary: address,
      epochAdjustmentSeconds: network.epochAdjustmentSeconds,
      receipts: statement.receipts,
      block,
    });
    return share === undefined ? [] : [share];
  });
  return {
    result: summarizeBeneficiaryRewards({
      beneficiary: address,
      fromHeight,
      toHeight,
      shares,
      kickbackBasisPoints: parameters.kickbackBasisPoints,
    }),
    shares,
  };
}
