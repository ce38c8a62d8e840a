/** --json result types (see docs/commands/). */

import type { HarvestingReason, HarvestingState } from '../core/harvesting/summarizeHarvesting.js';

/** The --json result of `harvest status` (docs/commands/status.md, plus nextImportanceRecalculation and linkedNodeUrl). */
export interface HarvestingStatus {
  readonly state: HarvestingState;
  readonly reasons: readonly HarvestingReason[];
  readonly mainAddress: string;
  /** Linked public keys (upper-case hex in JSON), null when not linked. */
  readonly links: {
    readonly remote: Uint8Array | null;
    readonly vrf: Uint8Array | null;
    readonly node: Uint8Array | null;
  };
  /** Balance of the harvesting mosaic, in its smallest unit. */
  readonly balance: bigint;
  readonly importance: bigint;
  /** Whether the linked node lists the linked remote key; null when that cannot be known. */
  readonly unlocked: boolean | null;
  /** The node asked. */
  readonly nodeUrl: string;
  /** The next importance recalculation: a multiple of importanceGrouping; estimatedAt from the block time. */
  readonly nextImportanceRecalculation: {
    readonly height: bigint;
    readonly estimatedAt: string | null;
  } | null;
  /** The URL of the node the account is linked to, when it was found (the asked node or the remembered one). */
  readonly linkedNodeUrl: string | null;
}

/** Facts behind the status that the human rendering explains (not part of the JSON contract). */
export interface HarvestingStatusDetails {
  readonly chainHeight: bigint;
  readonly minHarvesterBalance: bigint;
  readonly maxHarvesterBalance: bigint;
  /** What the importances of all accounts add up to (/network/properties), undefined when the node does not say. */
  readonly totalChainImportance?: bigint | undefined;
  /** Block time in ms, undefined when the node does not say (or blocks are made by hand). */
  readonly blockTimeMs: number | undefined;
  /** Blocks since the newest confirmed delegation request to the linked node, if any. */
  readonly requestConfirmedBlocksAgo: number | undefined;
}

/** The status and the facts its explanation needs. */
export interface HarvestingStatusReport {
  readonly status: HarvestingStatus;
  readonly details: HarvestingStatusDetails;
}
