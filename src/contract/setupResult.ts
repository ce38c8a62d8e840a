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
  /** Only for a multisig account's set-up (`delegate --multisig`): the lock, the aggregate, who must still cosign. */
  readonly multisig?: MultisigResult;
}

/** Where a multisig set-up stands (docs/commands/delegate.md, "Multisig accounts"). */
export interface MultisigResult {
  /** The multisig (main) account, base32. */
  readonly address: string;
  readonly minApproval: number;
  /** The cosignatory who initiated and paid: signer of the lock and of the aggregate. */
  readonly initiatorAddress: string;
  /** The hash lock and the bonded aggregate of this set-up (null when nothing was signed). */
  readonly lockHash: Uint8Array | null;
  readonly aggregateHash: Uint8Array | null;
  /** µXYM held by the lock, returned to the initiator once the aggregate completes. */
  readonly lockDeposit: bigint;
  /** The height at which an unused lock expires and its deposit goes to that block's harvester; null when unknown. */
  readonly lockEndHeight: bigint | null;
  /** Cosignatories (base32) whose cosignature the aggregate still needs, as far as the node's partial cache says. */
  readonly missingCosignatories: readonly string[];
  /** Cosignatures still needed to reach minApproval (0 once complete). */
  readonly cosignaturesNeeded: number;
}

/** The costs `delegate --multisig` shows before asking: all paid by the initiating cosignatory. */
export interface MultisigCosts {
  readonly multisigAddress: string;
  readonly minApproval: number;
  readonly initiatorAddress: string;
  /** µXYM: the hash lock's fee and the aggregate's fee (for its size with the cosignatures to come). */
  readonly lockFee: bigint;
  readonly aggregateFee: bigint;
  /** µXYM locked until the aggregate completes (lost to a harvester if it never does). */
  readonly lockDeposit: bigint;
  /** Blocks the lock lasts. */
  readonly lockDurationBlocks: bigint;
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
  /** A multisig account's set-up: the lock and the costs the initiating cosignatory pays. */
  readonly multisig?: MultisigCosts;
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
  /** A multisig account's unlink: the lock and the costs the initiating cosignatory pays. */
  readonly multisig?: MultisigCosts;
}
