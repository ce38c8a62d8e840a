/**
 * What a node's beneficiary earned over a range, per delegate whose blocks paid it, with the kickback owed to each
 * when a percentage is given (docs/commands/rewards.md, `--beneficiary`). Amounts in µXYM; a kickback is rounded
 * down to the µXYM.
 */
import { encodeAddress } from '../address.js';
import type { BeneficiaryShare } from './collectBeneficiaryShare.js';

/** One delegate's blocks on the node. */
export interface DelegateRewards {
  readonly address: string;
  /** The beneficiary share of its blocks. */
  readonly amount: bigint;
  readonly blocks: number;
  /** amount × kickbackPercent / 100, when a percentage was given. */
  readonly kickback?: bigint;
}

/** The `harvest rewards --beneficiary --json` document. */
export interface BeneficiaryRewardsSummary {
  readonly beneficiaryAddress: string;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  readonly total: bigint;
  readonly blocks: number;
  /** Given as a decimal string (up to 2 decimals), when given. */
  readonly kickbackPercent?: string;
  readonly kickbackTotal?: bigint;
  /** Largest amount first. */
  readonly delegates: readonly DelegateRewards[];
}

/** What summarizeBeneficiaryRewards needs. */
export interface SummarizeBeneficiaryRewardsParameters {
  readonly beneficiary: Uint8Array;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  readonly shares: readonly BeneficiaryShare[];
  /** The percentage in hundredths (12.5 % = 1250), when a kickback is asked for. */
  readonly kickbackBasisPoints?: bigint | undefined;
}

/** Adds up the shares per delegate. */
export function summarizeBeneficiaryRewards(
  parameters: SummarizeBeneficiaryRewardsParameters,
): BeneficiaryRewardsSummary {
  const byDelegate = new Map<string, { amount: bigint; blocks: number }>();
  let total = 0n;
  for (const share of parameters.shares) {
    const key = encodeAddress(share.delegateAddress);
    const sum = byDelegate.get(key) ?? { amount: 0n, blocks: 0 };
    byDelegate.set(key, { amount: sum.amount + share.amount, blocks: sum.blocks + 1 });
    total += share.amount;
  }
  const points = parameters.kickbackBasisPoints;
  const delegates = [...byDelegate]
    .map(([address, sum]) => ({
      address,
      ...sum,
      ...(points === undefined ? {} : { kickback: (sum.amount * points) / 10_000n }),
    }))
    .sort((a, b) =>
      a.amount !== b.amount ? (a.amount > b.amount ? -1 : 1) : a.address < b.address ? -1 : 1,
    );
  return {
    beneficiaryAddress: encodeAddress(parameters.beneficiary),
    fromHeight: parameters.fromHeight,
    toHeight: parameters.toHeight,
    total,
    blocks: parameters.shares.length,
    ...(points === undefined
      ? {}
      : {
          kickbackPercent: `${points / 100n}.${(points % 100n).toString().padStart(2, '0')}`,
          kickbackTotal: delegates.reduce((sum, delegate) => sum + (delegate.kickback ?? 0n), 0n),
        }),
    delegates,
  };
}
