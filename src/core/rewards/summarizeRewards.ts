/**
 * Totals of the shares an account was paid over a range of heights (docs/commands/rewards.md): the whole, each
 * share, the blocks it harvested, per UTC day and per node (the block's beneficiary). Amounts in µXYM.
 */
import { encodeAddress } from '../address.js';
import type { RewardEntry } from './collectBlockRewards.js';

/** The rewards of an account: exactly the `harvest rewards --json` document. */
export interface RewardsSummary {
  readonly address: string;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  readonly total: bigint;
  readonly harvesterShare: bigint;
  readonly beneficiaryShare: bigint;
  /** Blocks the account harvested (got the harvester share of). */
  readonly blocks: number;
  /** One per UTC day with a reward, oldest first. */
  readonly days: readonly { readonly date: string; readonly amount: bigint }[];
  /** One per block beneficiary (node), largest amount first; `blocks` the account harvested through it. */
  readonly nodes: readonly {
    readonly beneficiaryAddress: string;
    readonly amount: bigint;
    readonly blocks: number;
  }[];
}

/** What summarizeRewards needs. */
export interface SummarizeRewardsParameters {
  readonly address: Uint8Array;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  readonly entries: readonly RewardEntry[];
}

/** Adds up the entries. */
export function summarizeRewards(parameters: SummarizeRewardsParameters): RewardsSummary {
  let harvesterShare = 0n;
  let beneficiaryShare = 0n;
  let blocks = 0;
  const days = new Map<string, bigint>();
  const nodes = new Map<string, { amount: bigint; blocks: number }>();
  for (const entry of parameters.entries) {
    const harvested = entry.share === 'harvester';
    if (harvested) {
      harvesterShare += entry.amount;
      blocks += 1;
    } else {
      beneficiaryShare += entry.amount;
    }
    days.set(entry.date, (days.get(entry.date) ?? 0n) + entry.amount);
    const node = encodeAddress(entry.beneficiaryAddress);
    const sum = nodes.get(node) ?? { amount: 0n, blocks: 0 };
    nodes.set(node, { amount: sum.amount + entry.amount, blocks: sum.blocks + (harvested ? 1 : 0) });
  }
  return {
    address: encodeAddress(parameters.address),
    fromHeight: parameters.fromHeight,
    toHeight: parameters.toHeight,
    total: harvesterShare + beneficiaryShare,
    harvesterShare,
    beneficiaryShare,
    blocks,
    days: [...days]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, amount]) => ({ date, amount })),
    nodes: [...nodes]
      .map(([beneficiaryAddress, sum]) => ({ beneficiaryAddress, ...sum }))
      .sort((a, b) =>
        a.amount !== b.amount
          ? a.amount > b.amount
            ? -1
            : 1
          : a.beneficiaryAddress < b.beneficiaryAddress
            ? -1
            : 1,
      ),
  };
}
