import { PublicKey, Signature } from 'symbol-sdk';
import { Verifier } from 'symbol-sdk/symbol';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { buildAggregate } from '../../src/core/transactions/buildAggregate.js';
import { cosignAggregateHash } from '../../src/core/transactions/cosignAggregateHash.js';
import { signTransaction } from '../../src/core/transactions/signTransaction.js';
import type { InnerTransaction } from '../../src/core/transactions/transactionTypes.js';
import { cosignPartials, type CosignPartialsParameters } from '../../src/flows/cosignPartials.js';
import { keyOf, NODE_PUBLIC } from '../helpers/delegationChain.js';
import { flowWorld, type FlowWorld } from '../helpers/flowWorld.js';
import { notFound, reply, type StubRequest } from '../helpers/stubNode.js';

const MULTISIG_PUBLIC = derivePublicKey(keyOf(0x31));
const INITIATOR_PRIVATE = keyOf(0x32);
const COSIGNER_PRIVATE = keyOf(0x33);
const OUTSIDER_PRIVATE = keyOf(0x34);
const address = (key: Uint8Array) => deriveAddress(key, TESTNET.identifier);
const MULTISIG = address(MULTISIG_PUBLIC);
const INITIATOR = address(derivePublicKey(INITIATOR_PRIVATE));
const COSIGNER = address(derivePublicKey(COSIGNER_PRIVATE));
const LINKS: InnerTransaction[] = [
  { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: NODE_PUBLIC },
  { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: derivePublicKey(keyOf(0x35)) },
];

/** A signed bonded aggregate of `inner` (signed by the multisig inside, the initiator outside), as REST shows it. */
function partialOf(inner: InnerTransaction[], options: { mosaics?: boolean; cosignedBy?: Uint8Array } = {}) {
  const unsigned = buildAggregate({
    networkIdentifier: TESTNET.identifier,
    signerPublicKey: derivePublicKey(INITIATOR_PRIVATE),
    embeddedSignerPublicKey: MULTISIG_PUBLIC,
    deadline: 10n ** 9n,
    fee: { multiplier: 100n },
    transactions: inner,
    version: 3,
    bonded: true,
  });
  const signed = signTransaction(unsigned.payload, INITIATOR_PRIVATE, TESTNET.generationHashSeed);
  const cosignature =
    options.cosignedBy === undefined ? undefined : cosignAggregateHash(signed.hash, options.cosignedBy);
  return {
    hash: toHex(signed.hash),
    dto: {
      meta: { hash: toHex(signed.hash), height: '0' },
      transaction: {
        signature: toHex(signed.signature),
        signerPublicKey: toHex(derivePublicKey(INITIATOR_PRIVATE)),
        version: 3,
        network: TESTNET.identifier,
        type: 0x4241,
        maxFee: unsigned.fee.toString(),
        deadline: unsigned.deadline.toString(),
        transactionsHash: toHex(signed.payload.subarray(128, 160)),
        cosignatures:
          cosignature === undefined
            ? []
            : [
                {
                  version: '0',
                  signerPublicKey: toHex(cosignature.signerPublicKey),
                  signature: toHex(cosignature.signature),
                },
              ],
        transactions: inner.map((entry) => ({
          transaction: {
            signerPublicKey: toHex(MULTISIG_PUBLIC),
            version: 1,
            network: TESTNET.identifier,
            ...(entry.type === 'keyLink'
              ? {
                  type: { remote: 0x414c, vrf: 0x4243, node: 0x424c }[entry.role],
                  linkedPublicKey: toHex(entry.linkedPublicKey),
                  linkAction: entry.action === 'link' ? 1 : 0,
                }
              : {
                  type: 0x4154,
                  recipientAddress: toHex(entry.recipientAddress),
                  message: toHex(entry.message),
                  mosaics: options.mosaics === true ? [{ id: '72C0212E67A08BCE', amount: '1000000000' }] : [],
                }),
          },
        })),
      },
    },
  };
}

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

function arrange(partials: ReturnType<typeof partialOf>[]): StubRequest[] {
  world = flowWorld();
  const announced: StubRequest[] = [];
  world.node
    .on(
      'GET',
      '/account/:id/multisig',
      (request: StubRequest) => {
        const id = request.params['id'];
        if (id === encodeAddress(MULTISIG)) {
          return {
            multisig: {
              accountAddress: toHex(MULTISIG),
              minApproval: 2,
              minRemoval: 2,
              cosignatoryAddresses: [toHex(INITIATOR), toHex(COSIGNER)],
              multisigAddresses: [],
            },
          };
        }
        if (id === encodeAddress(COSIGNER)) {
          return {
            multisig: {
              accountAddress: toHex(COSIGNER),
              minApproval: 0,
              minRemoval: 0,
              cosignatoryAddresses: [],
              multisigAddresses: [toHex(MULTISIG)],
            },
          };
        }
        return notFound();
      },
      { optional: true },
    )
    .on(
      'GET',
      '/transactions/partial',
      (request: StubRequest) => ({
        data:
          request.query.get('address') === encodeAddress(MULTISIG)
            ? partials.map((entry) => ({ meta: entry.dto.meta }))
            : [],
      }),
      { optional: true },
    )
    .on(
      'GET',
      '/transactions/partial/:hash',
      (request: StubRequest) =>
        partials.find((entry) => entry.hash === request.params['hash'])?.dto ?? notFound(),
      { optional: true },
    )
    .on(
      'PUT',
      '/transactions/cosignature',
      (request: StubRequest) => {
        announced.push(request);
        return reply(202, { message: 'pushed' });
      },
      { optional: true },
    );
  return announced;
}

function parameters(overrides: Partial<CosignPartialsParameters> = {}): CosignPartialsParameters {
  return {
    client: world.client,
    expectedNetwork: undefined,
    cosignatory: { privateKey: COSIGNER_PRIVATE },
    hash: undefined,
    allowAny: false,
    dryRun: false,
    confirm: () => Promise.resolve(true),
    now: world.time.now,
    ...overrides,
  };
}

describe('cosignPartials (harvest cosign)', () => {
  it('finds the aggregate under the multisig account it cosigns for, checks its hash and cosigns it', async () => {
    const partial = partialOf(LINKS);
    const announced = arrange([partial]);
    const shown: boolean[] = [];
    const result = await cosignPartials(
      parameters({ confirm: (_description, _hash, verified) => Promise.resolve(shown.push(verified) > 0) }),
    );
    expect(result.cosignatoryAddress).toBe(encodeAddress(COSIGNER));
    expect(result.partials).toEqual([
      expect.objectContaining({
        action: 'cosigned',
        verified: true,
        multisigAddress: encodeAddress(MULTISIG),
        minApproval: 2,
        cosignatures: 0,
        plan: [
          { kind: 'nodeLink', publicKey: NODE_PUBLIC },
          { kind: 'remoteLink', publicKey: LINKS[1]!.type === 'keyLink' ? LINKS[1]!.linkedPublicKey : null },
        ],
      }),
    ]);
    expect(shown).toEqual([true]);
    const body = announced[0]!.body as Record<string, string>;
    expect(body['parentHash']).toBe(partial.hash);
    expect(body['signerPublicKey']).toBe(toHex(derivePublicKey(COSIGNER_PRIVATE)));
    const verifier = new Verifier(new PublicKey(body['signerPublicKey']!));
    expect(verifier.verify(parseHex(partial.hash, { name: 'h' }), new Signature(body['signature']!))).toBe(
      true,
    );
  });

  it('with --hash: NODE_BAD_RESPONSE when the node answers with another aggregate, nothing signed', async () => {
    const other = partialOf(LINKS);
    const asked = partialOf([LINKS[0]!]);
    // /transactions/partial/{asked} answers the other aggregate (consistent, safe, cosignable on its own)
    const announced = arrange([{ hash: asked.hash, dto: other.dto }]);
    let confirmed = false;
    await expect(
      cosignPartials(
        parameters({
          hash: parseHex(asked.hash, { name: 'h' }),
          confirm: () => Promise.resolve((confirmed = true)),
        }),
      ),
    ).rejects.toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringContaining(other.hash) });
    expect(confirmed).toBe(false);
    expect(announced).toEqual([]);
  });

  it('refuses, even with --allow-any, an aggregate whose hash is not the hash of what the node shows', async () => {
    const shown = partialOf(LINKS);
    const hidden = partialOf([
      { type: 'keyLink', role: 'vrf', action: 'link', linkedPublicKey: derivePublicKey(keyOf(0x36)) },
    ]);
    // the node shows the links of one aggregate under the hash (and signature) of another
    const forged = {
      hash: hidden.hash,
      dto: {
        ...shown.dto,
        meta: hidden.dto.meta,
        transaction: { ...shown.dto.transaction, signature: hidden.dto.transaction.signature },
      },
    };
    const announced = arrange([forged]);
    const listed = await cosignPartials(parameters({ allowAny: true }));
    expect(listed.partials[0]).toMatchObject({ action: 'refused', verified: false });
    expect(listed.partials[0]!.problems[0]).toMatch(/not the hash of the transactions it shows/);
    await expect(
      cosignPartials(parameters({ allowAny: true, hash: parseHex(hidden.hash, { name: 'h' }) })),
    ).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
    expect(announced).toEqual([]);
  });

  it('refuses a transfer of funds (UNSAFE_TRANSACTION with --hash), and cosigns it only with --allow-any, unverified', async () => {
    const sweep = partialOf([{ type: 'transfer', recipientAddress: INITIATOR, message: new Uint8Array(0) }], {
      mosaics: true,
    });
    const announced = arrange([sweep]);
    const listed = await cosignPartials(parameters());
    expect(listed.partials[0]).toMatchObject({ action: 'refused', verified: false });
    expect(listed.partials[0]!.problems.join(' ')).toMatch(/transfer_transaction_v1 \(transfer\)/);
    await expect(
      cosignPartials(parameters({ hash: parseHex(sweep.hash, { name: 'h' }) })),
    ).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
    expect(announced).toEqual([]);
    const forced = await cosignPartials(parameters({ allowAny: true }));
    expect(forced.partials[0]).toMatchObject({ action: 'cosigned', verified: false });
    expect(announced).toHaveLength(1);
  });

  it('lists without cosigning for --address and --dry-run; says already signed; a declined one is not cosigned', async () => {
    const announced = arrange([partialOf(LINKS)]);
    expect(
      (await cosignPartials(parameters({ cosignatory: { address: COSIGNER } }))).partials[0]!.action,
    ).toBe('listed');
    expect((await cosignPartials(parameters({ dryRun: true }))).partials[0]!.action).toBe('listed');
    expect(
      (await cosignPartials(parameters({ confirm: () => Promise.resolve(false) }))).partials[0]!.action,
    ).toBe('declined');
    expect(announced).toEqual([]);
    arrange([partialOf(LINKS, { cosignedBy: COSIGNER_PRIVATE })]);
    expect((await cosignPartials(parameters())).partials[0]).toMatchObject({
      action: 'alreadySigned',
      cosignatures: 1,
    });
  });

  it('with --hash: TRANSACTION_NOT_FOUND for an unknown hash, NOT_COSIGNATORY for a key that is not one', async () => {
    const partial = partialOf(LINKS);
    arrange([partial]);
    await expect(cosignPartials(parameters({ hash: new Uint8Array(32) }))).rejects.toMatchObject({
      code: 'TRANSACTION_NOT_FOUND',
    });
    await expect(
      cosignPartials(
        parameters({
          cosignatory: { privateKey: OUTSIDER_PRIVATE },
          hash: parseHex(partial.hash, { name: 'h' }),
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_COSIGNATORY' });
  });
});
