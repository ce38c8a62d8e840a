/**
 * The --json result of every command that changes an account's links through one aggregate: `delegate`,
 * `link-remote`, `unlink` and `announce` (docs/commands/delegate.md, "Result"). Flows build it, `ui` renders it and
 * the JSON writer prints it; keys, hashes and payloads are bytes here and become upper-case hex only there.
 */
import type { NodeChoice } from './nodes.js';
import type { HarvestingReason, HarvestingState } from '../core/harvesting/summarizeHarvesting.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';

/** One inner transaction of the plan, as shown to the user. */
export interface PlannedTransaction {
  /** nodeLink, remoteUnlink, delegationRequest, … */
  readonly kind: string;
  /**
   * The linked or unlinked key; for a delegation request the node's transport key. Null when neither applies, e.g. a
   * transfer to another address seen by `announce` (docs/cli.md: null is "no key" everywhere).
   */
  readonly publicKey: Uint8Array | null;
  /** For a transfer to any other address (seen by `announce` in a file it did not make). */
  readonly recipientAddress?: string;
}

/** One top-level transaction of the result. */
export interface ResultTransaction {
  readonly kind: string;
  /** Absent while unsigned (cold signing). */
  readonly hash?: Uint8Array;
  readonly payload: Uint8Array;
  /** µXYM. */
  readonly fee: bigint;
  /** Network milliseconds. */
  readonly deadline: bigint;
}

/** The result of delegate, link-remote, unlink and announce. */
export interface SetupResult {
  readonly network: string;
  readonly mainAddress: string;
  readonly mainPublicKey: Uint8Array;
  readonly nodeUrl: string | null;
  readonly nodePublicKey: Uint8Array | null;
  /** Null when no remote / VRF key is linked or planned (e.g. after `unlink --all`). */
  readonly remotePublicKey: Uint8Array | null;
  readonly vrfPublicKey: Uint8Array | null;
  readonly transactions: readonly ResultTransaction[];
  readonly plan: readonly PlannedTransaction[];
  readonly announced: boolean;
  readonly state: HarvestingState;
  readonly reasons: readonly HarvestingReason[];
  /**
   * True when SIGINT/SIGTERM cut the run short (exit 130): `state` is what it reached; absent otherwise
   * (docs/cli.md, "Signals").
   */
  readonly interrupted?: true;
  /** `delegate --node auto`: which node discovery chose and why (docs/commands/nodes.md); absent otherwise. */
  readonly nodeChoice?: NodeChoice;
}

/** The name the library has always used for it. */
export type DelegateResult = SetupResult;

/** What `delegate` and `link-remote` show before asking to go ahead. */
export interface DelegatePlan {
  readonly mode: 'delegate' | 'linkRemote';
  readonly network: string;
  readonly mainAddress: string;
  readonly nodeUrl: string | undefined;
  readonly nodePublicKey: Uint8Array | undefined;
  readonly remotePublicKey: Uint8Array;
  readonly vrfPublicKey: Uint8Array;
  readonly transactions: readonly PlannedTransaction[];
  readonly aggregateVersion: AggregateVersion;
  readonly fee: bigint;
  readonly requestSkipped: boolean;
}

/** What `unlink` shows before asking to go ahead. */
export interface UnlinkPlan {
  readonly network: string;
  readonly mainAddress: string;
  readonly nodeUrl: string;
  readonly transactions: readonly PlannedTransaction[];
  readonly aggregateVersion: number;
  readonly fee: bigint;
  /** True when the account's node link is the transport key of the node asked. */
  readonly linkedToThisNode: boolean;
}
