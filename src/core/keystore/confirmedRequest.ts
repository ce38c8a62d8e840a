/**
 * The newest delegation request to a node that the keystore's journal knows was confirmed: what `delegate` and
 * `status` need to tell "waiting for the node" from "never sent" and from "sent while importance was 0" (the node
 * dropped that one; docs/states.md, REQUEST_SENT_AT_ZERO_IMPORTANCE).
 */
import { equalBytes, parseHex } from '../bytes.js';
import { findDelegationTransfers } from '../transactions/findDelegationTransfers.js';
import type { KeystoreFile } from './keystoreFormat.js';

/** What is known of the newest confirmed request to the node. */
export interface ConfirmedRequest {
  readonly atZeroImportance: boolean;
}

/** The newest confirmed journal entry holding a request to `nodeAddress`, or undefined. */
export function newestConfirmedRequest(
  file: KeystoreFile,
  nodeAddress: Uint8Array,
): ConfirmedRequest | undefined {
  const entry = file.journal.findLast(
    (candidate) =>
      candidate.state === 'confirmed' &&
      findDelegationTransfers(parseHex(candidate.payload, { name: 'journal payload' })).some((transfer) =>
        equalBytes(transfer.recipientAddress, nodeAddress),
      ),
  );
  return entry === undefined ? undefined : { atZeroImportance: entry.requestAtZeroImportance === true };
}
