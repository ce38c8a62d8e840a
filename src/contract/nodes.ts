/** --json result types of node discovery (docs/commands/nodes.md). */
import type { NodeExclusionReason } from '../core/nodes/nodeCandidate.js';

/** One candidate node as `harvest nodes --json` lists it; the field names are a public contract. */
export interface NodeListing {
  /** The REST URL probed. */
  readonly url: string;
  /** The directory's name for the node, else its friendlyName, else "". */
  readonly name: string;
  /** The transport key from the node's /node/info (upper-case hex); null when it publishes none or did not answer. */
  readonly nodePublicKey: string | null;
  readonly usable: boolean;
  /** Why it is excluded (empty when usable). */
  readonly reasons: readonly NodeExclusionReason[];
  /** Length of /node/unlockedaccount; null when not served. */
  readonly unlockedAccounts: number | null;
  /** The weakest delegate's main-account importance (a decimal string in JSON); null when unknown. */
  readonly lowestDelegateImportance: bigint | null;
  /** Time /node/info took; null when the node did not answer. */
  readonly latencyMs: number | null;
  /** 1, 2, … for usable nodes in the recommended order; null for excluded ones. */
  readonly rank: number | null;
}

/** The --json result of `harvest nodes`: usable nodes first, in rank order. */
export interface NodesResult {
  readonly nodes: readonly NodeListing[];
}

/** Which node `--node auto` picked and why (the `nodeChoice` field of delegate and onboard results). */
export interface NodeChoice {
  readonly url: string;
  readonly name: string;
  readonly nodePublicKey: string | null;
  /** One sentence: its room, its latency, how many candidates were usable. */
  readonly why: string;
  /** How many candidates were probed, and how many of them were usable. */
  readonly candidates: number;
  readonly usable: number;
}
