import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';

/** A wallet-style delegation built entirely by symbol-sdk: the independent oracle for our parsers and flows. */
export interface SdkDelegation {
  readonly main: KeyPair;
  readonly remote: KeyPair;
  readonly vrf: KeyPair;
  readonly message: Uint8Array;
  /** Signed payload bytes. */
  readonly payload: Uint8Array;
  /** `{"payload":"HEX"}` as symbol-sdk's attachSignature returns it. */
  readonly announceBody: string;
}

/** Options of buildSdkDelegation. */
export interface SdkDelegationOptions {
  readonly network?: 'testnet' | 'mainnet';
  readonly nodePublicKey: Uint8Array;
  /** Address the transfer is sent to; the node transport key's address by default. */
  readonly recipientPublicKey?: Uint8Array;
  /** Wrap links + transfer in an aggregate complete V3 (default) or send a bare transfer. */
  readonly aggregate?: boolean;
  /** Replace the delegation message (e.g. a malformed one). */
  readonly message?: Uint8Array;
}

/** Builds and signs, with symbol-sdk only, the transaction a wallet sends to delegate to a node. */
export function buildSdkDelegation(options: SdkDelegationOptions): SdkDelegation {
  const facade = new SymbolFacade(options.network ?? 'testnet');
  const main = new KeyPair(PrivateKey.random());
  const remote = new KeyPair(PrivateKey.random());
  const vrf = new KeyPair(PrivateKey.random());
  const nodePublicKey = new PublicKey(options.nodePublicKey);
  const message =
    options.message ??
    new MessageEncoder(main).encodePersistentHarvestingDelegation(nodePublicKey, remote, vrf);
  const recipient = facade.network.publicKeyToAddress(
    new PublicKey(options.recipientPublicKey ?? options.nodePublicKey),
  );
  const transfer = new descriptors.TransferTransactionV1Descriptor(recipient, [], message);
  let transaction;
  if (options.aggregate === false) {
    transaction = facade.createTransactionFromTypedDescriptor(transfer, main.publicKey, 100, 7200);
  } else {
    const link = models.LinkAction.LINK;
    const embedded = [
      new descriptors.AccountKeyLinkTransactionV1Descriptor(remote.publicKey, link),
      new descriptors.VrfKeyLinkTransactionV1Descriptor(vrf.publicKey, link),
      new descriptors.NodeKeyLinkTransactionV1Descriptor(nodePublicKey, link),
      transfer,
    ].map((descriptor) => facade.createEmbeddedTransactionFromTypedDescriptor(descriptor, main.publicKey));
    transaction = facade.createTransactionFromTypedDescriptor(
      new descriptors.AggregateCompleteTransactionV3Descriptor(
        SymbolFacade.hashEmbeddedTransactions(embedded),
        embedded,
      ),
      main.publicKey,
      100,
      7200,
    );
  }
  const signature = facade.signTransaction(main, transaction);
  const announceBody = facade.transactionFactory.static.attachSignature(transaction, signature);
  return { main, remote, vrf, message, payload: transaction.serialize(), announceBody };
}
