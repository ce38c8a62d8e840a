/** The --json result of `harvest rewards` (docs/commands/rewards.md): amounts in µXYM, heights as decimal strings. */
export type { RewardsSummary as RewardsResult } from '../core/rewards/summarizeRewards.js';
/** The --json result of `harvest rewards --beneficiary`. */
export type { BeneficiaryRewardsSummary as BeneficiaryRewardsResult } from '../core/rewards/summarizeBeneficiaryRewards.js';
