/**
 * A top-level AccountKeyLink / VrfKeyLink / NodeKeyLink transaction, version 1 (docs/protocol.md §3.2):
 *
 *   header(128) | linked_public_key(32) | link_action(1)                               = 161 bytes
 */
import { buildTopLevelTransaction } from './buildTopLevelTransaction.js';
import { createSdkDescriptor } from './createSdkDescriptor.js';
import type { KeyLinkRole, LinkAction, TopLevelParameters, UnsignedTransaction } from './transactionTypes.js';

/** What one key link names. */
export interface KeyLinkParameters extends TopLevelParameters {
  readonly role: KeyLinkRole;
  readonly action: LinkAction;
  readonly linkedPublicKey: Uint8Array;
}

/** The unsigned key link transaction (fee = 161 × multiplier unless an amount is given). */
export function buildKeyLinkTransaction(parameters: KeyLinkParameters): UnsignedTransaction {
  const { role, action, linkedPublicKey } = parameters;
  return buildTopLevelTransaction(
    createSdkDescriptor({ type: 'keyLink', role, action, linkedPublicKey }),
    parameters,
  );
}
