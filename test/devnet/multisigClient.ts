/** Multisig helpers for devnet tests, built only on symbol-sdk and fetch: hash lock, bonded aggregate, cosignature. */
import { readFileSync } from 'node:fs';
import { Hash256, PrivateKey, type PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
import { sign } from './sdkClient.js';

/** The currency mosaic of the devnet. */
const CURRENCY = BigInt('0x3A8416DB2D53B6C8');

/** Key pair from a devnet key file (64 hex digits). */
export function keyPairFromFile(file: string): KeyPair {
  return new KeyPair(new PrivateKey(readFileSync(file, 'utf8').trim()));
}

/** Account, VRF and node key links signed by `account` (a multisig account's public key), as embedded transactions. */
export function linkTransactions(
  facade: SymbolFacade,
  account: PublicKey,
  remote: PublicKey,
  vrf: PublicKey,
  node: PublicKey,
): models.EmbeddedTransaction[] {
  return [
    new descriptors.AccountKeyLinkTransactionV1Descriptor(remote, models.LinkAction.LINK),
    new descriptors.VrfKeyLinkTransactionV1Descriptor(vrf, models.LinkAction.LINK),
    new descriptors.NodeKeyLinkTransactionV1Descriptor(node, models.LinkAction.LINK),
  ].map((descriptor) => facade.createEmbeddedTransactionFromTypedDescriptor(descriptor, account));
}

/** The delegation request transfer to `node`, signed by `account` (the message is encrypted with an ephemeral key). */
export function delegationTransfer(
  facade: SymbolFacade,
  account: PublicKey,
  node: PublicKey,
  remote: KeyPair,
  vrf: KeyPair,
): models.EmbeddedTransaction {
  const message = new MessageEncoder(remote).encodePersistentHarvestingDelegation(node, remote, vrf);
  return facade.createEmbeddedTransactionFromTypedDescriptor(
    new descriptors.TransferTransactionV1Descriptor(facade.network.publicKeyToAddress(node), [], message),
    account,
  );
}

/**
 * A complete aggregate (V3) of `inner` signed by `signer`, with the cosignatures of `cosigners` attached:
 * `{ body, hash }`.
 */
export function cosignedAggregate(
  facade: SymbolFacade,
  signer: KeyPair,
  inner: models.EmbeddedTransaction[],
  cosigners: readonly KeyPair[],
) {
  const descriptor = new descriptors.AggregateCompleteTransactionV3Descriptor(
    SymbolFacade.hashEmbeddedTransactions(inner),
    inner,
  );
  const transaction = facade.createTransactionFromTypedDescriptor(
    descriptor,
    signer.publicKey,
    100,
    2 * 3600,
    cosigners.length,
  );
  if (!(transaction instanceof models.AggregateCompleteTransactionV3)) throw new Error('not an aggregate');
  const signature = facade.signTransaction(signer, transaction);
  facade.transactionFactory.static.attachSignature(transaction, signature);
  const hash = facade.hashTransaction(transaction);
  transaction.cosignatures = cosigners.map((cosigner) => {
    const cosignature = SymbolFacade.cosignTransactionHash(cosigner, hash);
    if (!(cosignature instanceof models.Cosignature)) throw new Error('not an attached cosignature');
    return cosignature;
  });
  return {
    body: facade.transactionFactory.static.attachSignature(transaction, signature),
    hash: hash.toString(),
  };
}

/** An embedded MultisigAccountModificationTransaction of `account`. */
export function multisigModification(
  facade: SymbolFacade,
  account: PublicKey,
  minApprovalDelta: number,
  minRemovalDelta: number,
  additions: readonly KeyPair[],
): models.EmbeddedTransaction {
  return facade.createEmbeddedTransactionFromTypedDescriptor(
    new descriptors.MultisigAccountModificationTransactionV1Descriptor(
      minRemovalDelta,
      minApprovalDelta,
      additions.map((keyPair) => facade.network.publicKeyToAddress(keyPair.publicKey)),
    ),
    account,
  );
}

/** A bonded aggregate (V3) of `inner`, signed by `initiator`: `{ body, hash }`. */
export function bondedAggregate(
  facade: SymbolFacade,
  initiator: KeyPair,
  inner: models.EmbeddedTransaction[],
) {
  const descriptor = new descriptors.AggregateBondedTransactionV3Descriptor(
    SymbolFacade.hashEmbeddedTransactions(inner),
    inner,
  );
  return sign(
    facade,
    initiator,
    facade.createTransactionFromTypedDescriptor(descriptor, initiator.publicKey, 100, 2 * 3600),
  );
}

/** A HashLockTransaction of `amount` µXYM for `blocks` blocks guarding `aggregateHash`. */
export function hashLock(
  facade: SymbolFacade,
  signer: KeyPair,
  aggregateHash: string,
  blocks: bigint,
  amount = 10_000_000n,
) {
  const descriptor = new descriptors.HashLockTransactionV1Descriptor(
    new descriptors.UnresolvedMosaicDescriptor(
      new models.UnresolvedMosaicId(CURRENCY),
      new models.Amount(amount),
    ),
    new models.BlockDuration(blocks),
    new Hash256(aggregateHash),
  );
  return sign(
    facade,
    signer,
    facade.createTransactionFromTypedDescriptor(descriptor, signer.publicKey, 100, 2 * 3600),
  );
}

/** The body of PUT /transactions/cosignature: `cosigner` signs `parentHash`. */
export function cosignatureBody(cosigner: KeyPair, parentHash: string): string {
  const cosignature = SymbolFacade.cosignTransactionHash(
    cosigner,
    new Hash256(parentHash),
    true,
  ) as models.DetachedCosignature;
  return JSON.stringify({
    version: cosignature.version.toString(),
    signerPublicKey: cosignature.signerPublicKey.toString(),
    signature: cosignature.signature.toString(),
    parentHash: cosignature.parentHash.toString(),
  });
}

/** PUT `path` with a JSON body. */
export async function put(url: string, path: string, body: string): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
}
