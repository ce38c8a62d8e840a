/** --json result types (see docs/commands/). */

import type { TransactionFees } from '../core/transactions/transactionFees.js';

/** The --json result of `harvest node`. */
export interface InspectNodeResult {
  readonly nodeUrl: string;
  readonly network: string;
  readonly networkIdentifier: number;
  readonly generationHashSeed: string;
  /** True when the identifier and seed are neither mainnet's nor testnet's: a private network such as the devnet. */
  readonly privateNetwork: boolean;
  /** The transport (TLS) key delegation requests are encrypted and sent to; null when the node does not say. */
  readonly nodePublicKey: string | null;
  /** The node owner's main account key (/node/info.publicKey). */
  readonly mainPublicKey: string;
  readonly friendlyName: string;
  /** Server version, e.g. "1.0.3.9". */
  readonly version: string;
  /** Role bitmask of /node/info: 1 peer, 2 api, 4 voting, 64 IPv4, 128 IPv6. */
  readonly roles: number;
  readonly chainHeight: bigint;
  /** True when the transport key is a canonical, torsion-free curve point (safe to encrypt keys to). */
  readonly transportKeySafe: boolean;
  readonly harvesting: {
    /** Remote keys the node harvests with (its own included); null when /node/unlockedaccount cannot be read. */
    readonly unlockedAccounts: number | null;
    /** Not exposed by REST. */
    readonly maxUnlockedAccounts: null;
    /** Lowest importance among the delegates' main accounts (the node's own account excluded); null if none seen. */
    readonly lowestDelegateImportance: bigint | null;
  };
  readonly fees: TransactionFees;
  /** 3 once the chain has passed forkHeights.uniqueAggregateTransactionHash, else 2 (docs/protocol.md §3.4). */
  readonly aggregateVersion: 2 | 3;
}
