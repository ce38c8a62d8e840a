/**
 * What plan builders (flows/plans) hand the transaction lifecycle, and the settings every run shares. A plan says
 * WHAT to change; the lifecycle alone decides HOW: confirm, sign, write ahead, announce, wait, and the state word.
 */
import type { MultisigCosts, PlannedTransaction } from '../../contract/setupResult.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { Clock, Sleep } from '../../core/ports.js';
import type { AggregateVersion, InnerTransaction } from '../../core/transactions/transactionTypes.js';

/** The main key: the private key signs; with only the public key the plan stays unsigned (cold signing). */
export type MainKey = { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };

/** The keys a result names: what is linked once the plan is confirmed. */
export interface ResultKeys {
  readonly nodePublicKey: Uint8Array | null;
  readonly remotePublicKey: Uint8Array | null;
  readonly vrfPublicKey: Uint8Array | null;
}

/** What the run waits for once its transaction is confirmed (or, with nothing to send, right away). */
export type AfterConfirmation =
  /** The node asked must unlock the account: a delegation request to it was confirmed. */
  | { readonly waitFor: 'activation' }
  /** The node asked must drop the account: its node link to it was removed while it listed `remotePublicKey`. */
  | { readonly waitFor: 'departure'; readonly remotePublicKey: Uint8Array }
  /** Nothing: the state is read as it is. */
  | { readonly waitFor: 'nothing' };

/** One aggregate's worth of change, from a plan builder. */
export interface TransactionPlan {
  /** The journal kind and the result's transaction kind. */
  readonly kind: 'delegate' | 'linkRemote' | 'unlink';
  readonly transactions: readonly InnerTransaction[];
  /** The inner transactions as the result's `plan[]` shows them. */
  readonly planned: readonly PlannedTransaction[];
  /**
   * Shown the fee and version (and, for a multisig account, the lock and its deposit) before anything is signed;
   * throws CONFIRMATION_REQUIRED or CANCELLED to stop.
   */
  readonly confirm: (
    fee: bigint,
    aggregateVersion: AggregateVersion,
    multisig?: MultisigCosts,
  ) => Promise<void>;
  /** The balance bounds of harvesting, when the plan must leave the account eligible (NOT_ELIGIBLE otherwise). */
  readonly eligibility?: { readonly min: bigint; readonly max: bigint } | undefined;
  /**
   * What must be on disk before the transaction exists (fresh keys, the node): applied with the journal entry in
   * one atomic write, so no key that may end up linked can be lost by a crash.
   */
  readonly writeAhead?: ((file: KeystoreFile, createdAt: string) => KeystoreFile) | undefined;
  /** The plan holds a delegation request sent while importance is 0 (`--force`): the journal remembers it. */
  readonly requestAtZeroImportance?: boolean | undefined;
  /** The keys the result names, given the links once the run is over. */
  readonly keys: (linksAfter: AccountLinks) => ResultKeys;
  readonly then: AfterConfirmation;
}

/** How a run behaves, from the command's flags. */
export interface LifecycleSettings {
  /** --dry-run: sign and show, announce nothing, journal nothing. */
  readonly dryRun: boolean;
  /** False with --no-wait. */
  readonly wait: boolean;
  readonly confirmationTimeoutMs: number;
  readonly activationTimeoutMs: number;
  /** How long to wait for a node to drop the delegate after an unlink (default two blocks). */
  readonly deactivationTimeoutMs?: number | undefined;
  /** Asked before a transaction an earlier run signed (but may not have announced) is announced now. */
  readonly confirmResend: (summary: string) => Promise<void>;
  readonly now: Clock;
  readonly sleep: Sleep;
  /**
   * Aborted by SIGINT/SIGTERM (docs/cli.md, "Signals"): before anything is signed the run is CANCELLED; after the
   * announcement every wait stops and the result is the state reached so far.
   */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((text: string) => void) | undefined;
  readonly onNote?: ((text: string) => void) | undefined;
}
