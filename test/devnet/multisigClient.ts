/** Multisig helpers for devnet tests, built only on symbol-sdk and fetch: hash lock, bonded aggregate, cosignature. */
import { readFileSync } from 'node:fs';
import { Hash256, PrivateKey, type PublicKey } from 'symbol-sdk';
import { KeyPair, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
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
