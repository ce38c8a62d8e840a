/** The --json result of `harvest onboard` and its batch confirmation (docs/commands/onboard.md). */
import type { NodeChoice } from './nodes.js';
import type { HarvestingReason, HarvestingState } from '../core/harvesting/summarizeHarvesting.js';
import type { OpenJournalEntry } from '../core/errors.js';

/** What the batch confirmation shows. */
export interface OnboardPlan {
  /** Accounts that will run (rows already FAILED excluded). */
  readonly accounts: number;
  readonly nodes: readonly { readonly url: string; readonly accounts: number; readonly freeSlots?: number }[];
  /** Upper bound of the fees, µXYM: a full set-up aggregate per account (accounts already done pay nothing). */
  readonly totalFeeEstimate: bigint;
  /** Rows that failed before anything (unreadable keys, unreachable nodes). */
  readonly failed: number;
}

/** One row of the result (docs/commands/onboard.md), plus what helps scripts: line, remote key, hash. */
export interface OnboardAccountResult {
  readonly line: number;
  readonly mainAddress: string | null;
  /** A state word of docs/states.md, or FAILED when the row could not be run. */
  readonly state: HarvestingState | 'FAILED';
  readonly nodeUrl: string | null;
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly hint?: string;
    /** The signed transaction left open in the keystore journal (a re-run resumes it). */
    readonly journal?: OpenJournalEntry;
  } | null;
  readonly remotePublicKey?: Uint8Array | null;
  readonly hash?: Uint8Array;
  readonly announced?: boolean;
  readonly reasons?: readonly HarvestingReason[];
  /** `--offline`: the signed file written for the account (announce it with `harvest announce`). */
  readonly file?: string;
}

/** The --json result of `harvest onboard`. */
export interface OnboardResult {
  readonly accounts: readonly OnboardAccountResult[];
  /** state → number of accounts in it (FAILED included). */
  readonly summary: Readonly<Record<string, number>>;
  /**
   * True when SIGINT/SIGTERM cut the batch short (exit 130): every row as far as it got, rows not started FAILED
   * with `CANCELLED`; absent otherwise (docs/cli.md, "Signals").
   */
  readonly interrupted?: true;
  /** `--node auto`: which node discovery chose and why (docs/commands/nodes.md); absent otherwise. */
  readonly nodeChoice?: NodeChoice;
}
