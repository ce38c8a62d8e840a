/**
 * The transactions this tool builds, described as plain data before symbol-sdk serialises them (docs/protocol.md §3.2).
 * Everything is signed by the main account: the embedded signer of every inner transaction and the aggregate's signer.
 */

/** Which key a key link names: the remote (account) key, the VRF key, or the node's transport key. */
export type KeyLinkRole = 'remote' | 'vrf' | 'node';

/** LinkAction of catbuffer types.cats: UNLINK = 0, LINK = 1. */
export type LinkAction = 'link' | 'unlink';

/** One key link (AccountKeyLink, VrfKeyLink or NodeKeyLink, version 1). */
export interface KeyLinkTransaction {
  readonly type: 'keyLink';
  readonly role: KeyLinkRole;
  readonly action: LinkAction;
  readonly linkedPublicKey: Uint8Array;
}

/** A transfer carrying raw message bytes (the delegation request is one, without mosaics). */
export interface MessageTransfer {
  readonly type: 'transfer';
  /** 24-byte address (for a delegation request: the address of the node's transport key). */
  readonly recipientAddress: Uint8Array;
  readonly message: Uint8Array;
  /** Mosaics sent (a rewards kickback: the currency); none by default. */
  readonly mosaics?: readonly { readonly mosaicId: bigint; readonly amount: bigint }[];
}

/** What an aggregate may hold, and what may also be sent on its own. */
export type InnerTransaction = KeyLinkTransaction | MessageTransfer;

/** The fee of a top-level transaction: size × multiplier (the normal case), or an exact amount. */
export type FeeSpec = { readonly multiplier: bigint } | { readonly amount: bigint };

/** Aggregate versions we build: 3 once `uniqueAggregateTransactionHash` is active, else 2 (docs/protocol.md §3.4). */
export type AggregateVersion = 2 | 3;

/** A serialised top-level transaction whose signature bytes are still zero. */
export interface UnsignedTransaction {
  /** The whole transaction, signature field (bytes 8..72) zero. */
  readonly payload: Uint8Array;
  /** The max fee written into it, in µXYM. */
  readonly fee: bigint;
  /** Its deadline, in milliseconds since the network epoch. */
  readonly deadline: bigint;
}

/** The parameters every top-level builder takes: nothing is read from a clock or drawn at random. */
export interface TopLevelParameters {
  readonly networkIdentifier: number;
  readonly signerPublicKey: Uint8Array;
  /** Milliseconds since the network epoch (see computeDeadline). */
  readonly deadline: bigint;
  readonly fee: FeeSpec;
}
