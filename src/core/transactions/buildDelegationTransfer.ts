/**
 * A top-level TransferTransaction without mosaics, as the delegation request is sent on its own (docs/protocol.md §3.2):
 *
 *   header(128) | recipient(24) | message_size(2) | mosaics_count(1)=0 | reserved(1) | reserved(4) | message(n)
 *
 * With the 132-byte delegation message that is 292 bytes. The recipient must be the address of the node's
 * *transport* key (`/node/info.nodePublicKey`), and the signer the main account, or the node ignores it.
 */
import { buildTopLevelTransaction } from './buildTopLevelTransaction.js';
import { createSdkDescriptor } from './createSdkDescriptor.js';
import type { TopLevelParameters, UnsignedTransaction } from './transactionTypes.js';

/** Recipient and message of the transfer. */
export interface DelegationTransferParameters extends TopLevelParameters {
  /** 24-byte address of the node's transport key. */
  readonly recipientAddress: Uint8Array;
  /** The message bytes, written as they are (no type prefix is added). */
  readonly message: Uint8Array;
}

/** The unsigned transfer carrying `message` to `recipientAddress`, no mosaics. */
export function buildDelegationTransfer(parameters: DelegationTransferParameters): UnsignedTransaction {
  const { recipientAddress, message } = parameters;
  return buildTopLevelTransaction(
    createSdkDescriptor({ type: 'transfer', recipientAddress, message }),
    parameters,
  );
}
