/**
 * A node's partial cache behind a stubNode, as a real catapult node behaves (issue 12): PUT /transactions/partial is
 * answered 202 at once but the aggregate is held only `holdAfterMs` (virtual time) later; a cosignature that arrives
 * before is IGNORED (catapult's CosignatureWithoutMatchingTransactionIsIgnored). Once held, /transactionStatus/{hash}
 * says `partial` and /transactions/partial/{hash} shows it with the cosignatures kept (one per signer).
 *
 *   const cache = stubPartialCache(world.node, { time: world.time, aggregate: { hash, payload }, holdAfterMs: 5_000 });
 *   ...
 *   cache.cosignatures  // the signers' public keys (hex) the node kept
 *   cache.dropped       // cosignatures it ignored
 *
 * Also stubs the multisig setup the flows read (/account/{multisig}/multisig) and /lock/hash (no lock listed).
 * Only key-link inner transactions are written in detail (what the multisig plans here hold).
 */
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { TESTNET } from '../../src/core/network.js';
import { describeTransaction } from '../../src/core/transactions/describeTransaction.js';
import { notFound, reply, type StubNode, type StubRequest } from './stubNode.js';
import type { VirtualTime } from './virtualTime.js';

const LINK_TYPES: Record<string, number> = {
  remoteLink: 0x414c,
  vrfLink: 0x4243,
  nodeLink: 0x424c,
  remoteUnlink: 0x414c,
  vrfUnlink: 0x4243,
  nodeUnlink: 0x424c,
};

/** The partial cache, to inspect. */
export interface StubPartialCache {
  /** Signer public keys (hex) of the cosignatures the node kept. */
  readonly cosignatures: Map<string, string>;
  /** Signer public keys (hex) of cosignatures that arrived before the aggregate was held. */
  readonly dropped: string[];
  /** Virtual ms when the aggregate is held; undefined before it was announced. */
  heldAt: number | undefined;
}

/** Options of stubPartialCache. */
export interface StubPartialCacheOptions {
  readonly time: VirtualTime;
  readonly aggregate: { readonly hash: Uint8Array; readonly payload: Uint8Array };
  readonly holdAfterMs: number;
  readonly multisig: { readonly publicKey: Uint8Array; readonly minApproval: number };
  readonly cosignatories: readonly Uint8Array[];
  /** Held from the start (an aggregate announced earlier, by another run). */
  readonly heldFromStart?: boolean;
  /** The first n cosignatures arriving once held are lost too (the node adds them asynchronously). */
  readonly loseCosignatures?: number;
}

/** Installs the routes (overriding stubChain's status for the aggregate) and returns the cache. */
export function stubPartialCache(node: StubNode, options: StubPartialCacheOptions): StubPartialCache {
  const hash = toHex(options.aggregate.hash);
  const cache: StubPartialCache = {
    cosignatures: new Map(),
    dropped: [],
    heldAt: options.heldFromStart === true ? 0 : undefined,
  };
  let toLose = options.loseCosignatures ?? 0;
  const held = () => cache.heldAt !== undefined && options.time.nowMs() >= cache.heldAt;
  const address = (key: Uint8Array) => deriveAddress(key, TESTNET.identifier);
  const optional = { optional: true };
  node
    .on(
      'PUT',
      '/transactions/partial',
      (request: StubRequest) => {
        if ((request.body as { payload: string }).payload === toHex(options.aggregate.payload)) {
          cache.heldAt ??= options.time.nowMs() + options.holdAfterMs;
        }
        return reply(202, { message: 'packet 256 was pushed to the network via /transactions/partial' });
      },
      optional,
    )
    .on(
      'PUT',
      '/transactions/cosignature',
      (request: StubRequest) => {
        const body = request.body as { signerPublicKey: string; signature: string; parentHash: string };
        if (body.parentHash.toUpperCase() === hash && held() && toLose-- <= 0) {
          cache.cosignatures.set(body.signerPublicKey.toUpperCase(), body.signature.toUpperCase());
        } else {
          cache.dropped.push(body.signerPublicKey.toUpperCase());
        }
        return reply(202, { message: 'packet 257 was pushed to the network via /transactions/cosignature' });
      },
      optional,
    )
    .on(
      'GET',
      `/transactionStatus/${hash}`,
      () => (held() ? { group: 'partial', code: 'Success', hash, deadline: '0' } : notFound(hash)),
      optional,
    )
    .on('GET', `/transactions/partial/${hash}`, () => (held() ? partialDto() : notFound(hash)), optional)
    .on(
      'GET',
      `/account/${encodeAddress(address(options.multisig.publicKey))}/multisig`,
      {
        multisig: {
          accountAddress: toHex(address(options.multisig.publicKey)),
          minApproval: options.multisig.minApproval,
          minRemoval: options.multisig.minApproval,
          cosignatoryAddresses: options.cosignatories.map((key) => toHex(address(key))),
          multisigAddresses: [],
        },
      },
      optional,
    )
    .on('GET', '/lock/hash', { data: [] }, optional);

  function partialDto(): unknown {
    const { payload } = options.aggregate;
    const description = describeTransaction(payload);
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    return {
      meta: { hash, height: '0' },
      transaction: {
        signature: toHex(payload.subarray(8, 72)),
        signerPublicKey: toHex(payload.subarray(72, 104)),
        version: payload[108],
        network: payload[109],
        type: view.getUint16(110, true),
        maxFee: view.getBigUint64(112, true).toString(),
        deadline: view.getBigUint64(120, true).toString(),
        transactionsHash: toHex(payload.subarray(128, 160)),
        cosignatures: [...cache.cosignatures].map(([signerPublicKey, signature]) => ({
          version: '0',
          signerPublicKey,
          signature,
        })),
        transactions: description.transactions.map((inner) => ({
          transaction: {
            signerPublicKey: toHex(inner.signerPublicKey),
            version: 1,
            network: TESTNET.identifier,
            type: LINK_TYPES[inner.kind] ?? 0x4154,
            linkedPublicKey: toHex(inner.linkedPublicKey ?? new Uint8Array(32)),
            linkAction: inner.kind.endsWith('Unlink') ? 0 : 1,
          },
        })),
      },
    };
  }
  return cache;
}
