/**
 * Our plain-data transactions as symbol-sdk typed descriptors (symbol-sdk 3.3.2 src/symbol/models_ts.js). The SDK
 * serialises; we never write transaction bytes by hand.
 */
import { Address, descriptors, models } from 'symbol-sdk/symbol';
import { PublicKey } from 'symbol-sdk';
import type { InnerTransaction } from './transactionTypes.js';

/** The typed descriptor of one key link or message transfer. */
export function createSdkDescriptor(transaction: InnerTransaction): { toMap(): object } {
  if (transaction.type === 'transfer') {
    return new descriptors.TransferTransactionV1Descriptor(
      new Address(transaction.recipientAddress),
      (transaction.mosaics ?? []).map(
        (mosaic) =>
          new descriptors.UnresolvedMosaicDescriptor(
            new models.UnresolvedMosaicId(mosaic.mosaicId),
            new models.Amount(mosaic.amount),
          ),
      ),
      transaction.message,
    );
  }
  const linkedPublicKey = new PublicKey(transaction.linkedPublicKey);
  const action = transaction.action === 'link' ? models.LinkAction.LINK : models.LinkAction.UNLINK;
  switch (transaction.role) {
    case 'remote':
      return new descriptors.AccountKeyLinkTransactionV1Descriptor(linkedPublicKey, action);
    case 'vrf':
      return new descriptors.VrfKeyLinkTransactionV1Descriptor(linkedPublicKey, action);
    case 'node':
      return new descriptors.NodeKeyLinkTransactionV1Descriptor(linkedPublicKey, action);
  }
}
