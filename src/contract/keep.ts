/** The --json events of `harvest keep` (docs/commands/keep.md): one JSON line per event on stdout. */
import type { HarvestingState } from '../core/harvesting/summarizeHarvesting.js';

/** What happened to one account in one round. */
export type KeepEventName = 'checked' | 'request-sent' | 'node-switched' | 'waiting' | 'error';

/** One event line. */
export interface KeepEvent {
  /** ISO-8601, when the event happened. */
  readonly time: string;
  readonly event: KeepEventName;
  /** Null only when the account could not be named (its key did not read). */
  readonly mainAddress: string | null;
  /** The node the account is delegated to (after a switch: the new one); null when not known. */
  readonly nodeUrl: string | null;
  /** The state word as `status` decides it; null after an error that prevented reading it. */
  readonly state: HarvestingState | null;
  /** The aggregate sent (request-sent, node-switched). */
  readonly hash?: Uint8Array;
  /** Its fee in µXYM (request-sent, node-switched). */
  readonly fee?: bigint;
  /** The state's reasons and keep's own (docs/commands/keep.md). */
  readonly reasons: readonly string[];
  /** --dry-run: signed and shown, nothing announced. */
  readonly dryRun?: true;
  /** event "error": the error, as the --json error object has it. */
  readonly error?: { readonly code: string; readonly message: string; readonly hint?: string };
}
