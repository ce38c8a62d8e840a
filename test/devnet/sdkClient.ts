/** A minimal Symbol client for devnet tests, built only on symbol-sdk and fetch (not on our own builders). */
import { readFileSync } from 'node:fs';
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { Address, KeyPair, MessageEncoder, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
import type { Devnet } from '@symbol-harvest/devnet';

/** The devnet's facade (its own seed and epoch). */
export function facadeOf(devnet: Devnet): SymbolFacade {
  return new SymbolFacade(devnet.network);
}

/** Key pair of funded account `index`. */
export function fundedKeyPair(devnet: Devnet, index: number): KeyPair {
  const account = devnet.descriptor.accounts[index]!;
  return new KeyPair(new PrivateKey(readFileSync(account.keyFile, 'utf8').trim()));
}

/** A fresh random key pair. */
export function randomKeyPair(): KeyPair {
  return new KeyPair(PrivateKey.random());
}

/** Signs a top-level transaction and returns `{ payload body, hash }`. */
export function sign(facade: SymbolFacade, keyPair: KeyPair, transaction: models.Transaction) {
  const signature = facade.signTransaction(keyPair, transaction);
  const body = facade.transactionFactory.static.attachSignature(transaction, signature);
  return { body, hash: facade.hashTransaction(transaction).toString() };
}

/** A currency transfer, fee multiplier 100, deadline 2 h. */
export function transfer(
  facade: SymbolFacade,
  signer: KeyPair,
  recipient: string,
  amount: bigint,
  options: { multiplier?: number; message?: Uint8Array } = {},
) {
  const mosaicId = BigInt('0x3A8416DB2D53B6C8');
  const transaction = facade.createTransactionFromTypedDescriptor(
    new descriptors.TransferTransactionV1Descriptor(
      new Address(recipient),
      amount > 0n
        ? [
            new descriptors.UnresolvedMosaicDescriptor(
              new models.UnresolvedMosaicId(mosaicId),
              new models.Amount(amount),
            ),
          ]
        : [],
      options.message,
    ),
    signer.publicKey,
    options.multiplier ?? 100,
    2 * 3600,
  );
  return sign(facade, signer, transaction);
}

/** The wallet-style delegation aggregate: three links and the encrypted request, version 3 (or `version`). */
export function delegationAggregate(
  facade: SymbolFacade,
  main: KeyPair,
  nodePublicKey: string,
  remote: KeyPair,
  vrf: KeyPair,
  options: { version?: 2 | 3; links?: boolean } = {},
) {
  const nodeKey = new PublicKey(nodePublicKey);
  const inner: models.EmbeddedTransaction[] = [];
  if (options.links !== false) {
    inner.push(
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.AccountKeyLinkTransactionV1Descriptor(remote.publicKey, models.LinkAction.LINK),
        main.publicKey,
      ),
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.VrfKeyLinkTransactionV1Descriptor(vrf.publicKey, models.LinkAction.LINK),
        main.publicKey,
      ),
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.NodeKeyLinkTransactionV1Descriptor(nodeKey, models.LinkAction.LINK),
        main.publicKey,
      ),
    );
  }
  const message = new MessageEncoder(main).encodePersistentHarvestingDelegation(nodeKey, remote, vrf);
  inner.push(
    facade.createEmbeddedTransactionFromTypedDescriptor(
      new descriptors.TransferTransactionV1Descriptor(
        facade.network.publicKeyToAddress(nodeKey),
        [],
        message,
      ),
      main.publicKey,
    ),
  );
  const hash = SymbolFacade.hashEmbeddedTransactions(inner);
  const descriptor =
    options.version === 2
      ? new descriptors.AggregateCompleteTransactionV2Descriptor(hash, inner)
      : new descriptors.AggregateCompleteTransactionV3Descriptor(hash, inner);
  const transaction = facade.createTransactionFromTypedDescriptor(descriptor, main.publicKey, 100, 2 * 3600);
  return sign(facade, main, transaction);
}

/** One top-level key link (vrf, node or account), link or unlink. */
export function keyLink(
  facade: SymbolFacade,
  main: KeyPair,
  kind: 'vrf' | 'node' | 'account',
  publicKey: PublicKey,
  action: 'link' | 'unlink',
) {
  const linkAction = action === 'link' ? models.LinkAction.LINK : models.LinkAction.UNLINK;
  const descriptor =
    kind === 'vrf'
      ? new descriptors.VrfKeyLinkTransactionV1Descriptor(publicKey, linkAction)
      : kind === 'node'
        ? new descriptors.NodeKeyLinkTransactionV1Descriptor(publicKey, linkAction)
        : new descriptors.AccountKeyLinkTransactionV1Descriptor(publicKey, linkAction);
  return sign(
    facade,
    main,
    facade.createTransactionFromTypedDescriptor(descriptor, main.publicKey, 100, 2 * 3600),
  );
}

/** PUT /transactions. */
export async function announce(url: string, body: string): Promise<Response> {
  return fetch(`${url}/transactions`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

/** GET a JSON document; returns status and body. */
export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** POST a JSON body (the devnet's test routes); returns status and body. */
export async function postJson(url: string, body: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Delegates funded account `index` to node `node` with symbol-sdk alone (links and request in one aggregate), mines
 * the block, and returns the remote public key (hex).
 */
export async function delegateWithSdk(devnet: Devnet, index: number, node = 0): Promise<string> {
  const remote = randomKeyPair();
  const request = delegationAggregate(
    facadeOf(devnet),
    fundedKeyPair(devnet, index),
    devnet.nodes[node]!.nodePublicKey,
    remote,
    randomKeyPair(),
  );
  const answer = await announce(devnet.url, request.body);
  if (answer.status !== 202) throw new Error(`announce answered ${answer.status}`);
  devnet.mineBlock();
  return remote.publicKey.toString();
}
