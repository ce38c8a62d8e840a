/** --json result types (see docs/commands/). */

import type { DelegationRequestReport } from './decryptCheck.js';

/** One request found on chain. */
export interface ChainRequestReport extends DelegationRequestReport {
  /** Hash of the top-level transaction (the aggregate's, for an embedded transfer). */
  readonly hash: Uint8Array | null;
  readonly height: bigint;
}

/** Counts over all requests. */
export interface RequestsSummary {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly acceptable: number;
  readonly rejected: number;
  readonly superseded: number;
  /** Requests whose remote key the node lists; null when /node/unlockedaccount cannot be read. */
  readonly unlocked: number | null;
}

/** The --json result of `harvest requests`. */
export interface RequestsResult {
  readonly nodePublicKey: Uint8Array;
  /** The transport address the requests are sent to. */
  readonly nodeAddress: string;
  readonly network: string;
  readonly requests: ChainRequestReport[];
  readonly summary: RequestsSummary;
}
