/**
 * The typed error hierarchy. Every failure we expect has a category (which decides the exit code, see
 * src/cli/exitCodes.ts) and a stable SCREAMING_SNAKE `code`, part of the public --json contract.
 * Anything that is not a HarvestError reaching the top is a bug (exit 1, code INTERNAL).
 */

/** Codes of bad input or usage (exit 2). */
export type InputErrorCode =
  | 'INVALID_INPUT'
  | 'INPUT_REQUIRED'
  | 'INVALID_KEY'
  | 'INVALID_ADDRESS'
  | 'INVALID_MESSAGE'
  | 'INVALID_PAYLOAD'
  | 'INVALID_FILE'
  | 'WRONG_NETWORK'
  | 'NODE_KEY_UNKNOWN'
  | 'NODE_KEY_MISMATCH'
  | 'TRANSACTION_NOT_FOUND'
  | 'CONFIRMATION_REQUIRED'
  | 'KEYSTORE_LOCKED'
  /** onboard: the batch's password does not open this row's keystore (the row fails, the batch goes on). */
  | 'KEYSTORE_PASSWORD'
  | 'KEYSTORE_CORRUPT'
  /** delegate --multisig: the account named is not a multisig account. */
  | 'NOT_MULTISIG'
  /** delegate --multisig, cosign: the key given is not a cosignatory of the multisig account. */
  | 'NOT_COSIGNATORY'
  /** keep: another keeper runs on this home (keep.lock). */
  | 'KEEPER_RUNNING';

/** Codes of a node that cannot be reached or answers nonsense (exit 3). */
export type NodeErrorCode =
  | 'NODE_UNAVAILABLE'
  | 'NODE_TIMEOUT'
  | 'NODE_BAD_RESPONSE'
  /** --node auto: no candidate node can take the account (docs/commands/nodes.md). */
  | 'NO_USABLE_NODE';

/** Codes of a refusal by the node, the chain or one of our safety rules (exit 4). */
export type RejectedErrorCode =
  | 'NOT_ELIGIBLE'
  | 'INSUFFICIENT_BALANCE'
  | 'TRANSACTION_REJECTED'
  | 'DECRYPT_FAILED'
  | 'UNSAFE_TRANSACTION'
  | 'UNSAFE_NODE_KEY'
  | 'FEE_BUDGET_EXCEEDED'
  /** delegate/unlink --multisig: another bonded aggregate of the multisig account waits for cosignatures. */
  | 'MULTISIG_PENDING';

/** Codes of work still pending when we stopped waiting (exit 5). */
export type PendingErrorCode = 'CONFIRMATION_PENDING' | 'ACTIVATION_PENDING';

/** Every code a HarvestError can carry. */
export type HarvestErrorCode =
  InputErrorCode | NodeErrorCode | RejectedErrorCode | PendingErrorCode | 'CANCELLED';

/** Optional parts of every HarvestError. */
export interface HarvestErrorOptions {
  /** What the user can do next, e.g. "pass --yes to announce without asking". */
  readonly hint?: string | undefined;
  /** Structured facts (URL, HTTP status, node status code); printed with --verbose and in JSON. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/** A signed transaction still open in a keystore journal when a run stopped on an error (docs/errors.md). */
export interface OpenJournalEntry {
  /** The transaction hash, upper-case hex as the journal holds it. */
  readonly hash: string;
  /** The keystore file whose journal holds it. */
  readonly keystore: string;
}

/** An error we expect and can explain. Messages never contain secrets. */
export abstract class HarvestError extends Error {
  abstract readonly code: HarvestErrorCode;
  /** What to do next; only withOpenJournal changes it after construction. */
  hint: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** The journalled transaction a re-run resumes, when the run stopped with one open. */
  journal: OpenJournalEntry | undefined;

  constructor(message: string, options: HarvestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.details = options.details;
    this.journal = undefined;
  }

  /**
   * Says that `entry` is journalled and that a re-run resumes it: the hint gains a sentence and the JSON error
   * document a `journal` field. The first call wins (the error may cross several layers).
   */
  withOpenJournal(entry: OpenJournalEntry): this {
    if (this.journal !== undefined) return this;
    this.journal = entry;
    const resume = openJournalHint(entry);
    this.hint = this.hint === undefined ? resume : `${this.hint}; ${resume}`;
    return this;
  }
}

/** The hint of an error that stopped a run with a signed transaction still open in the journal. */
export function openJournalHint(entry: OpenJournalEntry): string {
  return (
    `the signed transaction ${entry.hash} is journalled in ${entry.keystore}: ` +
    'run the same command again to resume it (it is not signed or paid twice)'
  );
}

/** A HarvestError whose code is one of its category's codes. */
abstract class CategorizedError<Code extends HarvestErrorCode> extends HarvestError {
  readonly code: Code;
  constructor(code: Code, message: string, options?: HarvestErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Something the user supplied cannot be used: a flag value, key, address, file or missing input. */
export class InputError extends CategorizedError<InputErrorCode> {}

/** The node could not be reached, timed out, or answered with something unusable. */
export class NodeError extends CategorizedError<NodeErrorCode> {}

/**
 * A node that did not answer (down, overloaded, too slow): asking again, or announcing the same signed payload
 * again, is the remedy. NODE_BAD_RESPONSE (an answer of the wrong shape, a 4xx) is not: it would answer the same.
 */
export function isTransientNodeError(error: unknown): error is NodeError {
  return error instanceof NodeError && (error.code === 'NODE_UNAVAILABLE' || error.code === 'NODE_TIMEOUT');
}

/** The node, the chain or a safety rule refused what we asked. */
export class RejectedError extends CategorizedError<RejectedErrorCode> {}

/** Announced, but not confirmed or activated within the time we were allowed to wait. */
export class PendingError extends CategorizedError<PendingErrorCode> {}

/** The user declined or pressed Ctrl+C. */
export class CancelledError extends HarvestError {
  readonly code = 'CANCELLED' as const;
}
