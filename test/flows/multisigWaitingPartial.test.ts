/**
 * `delegate --multisig` when a bonded aggregate of the multisig account already waits in the node's partial cache
 * (issue 12 review): a new set-up would pay a second hash lock for a competing aggregate, so the run stops with
 * MULTISIG_PENDING before anything is signed or announced, pointing to `harvest cosign`. The keystore journal's own
 * aggregate is not counted; an aggregate that only mentions the account (not signed by it inside) is not either.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { TESTNET } from '../../src/core/network.js';
import { signTransaction } from '../../src/core/transactions/signTransaction.js';
import { delegateThroughNode } from '../../src/flows/delegateThroughNode.js';
import { keyOf } from '../helpers/delegationChain.js';
import { BALANCE, delegateParameters, flowWorld, type FlowWorld } from '../helpers/flowWorld.js';
import {
  bondedPlanPayloads,
  INITIATOR_PRIVATE,
  INITIATOR_PUBLIC,
  MULTISIG_PUBLIC,
  NODE_LINK,
} from '../helpers/multisigPlan.js';
import { stubPartialCache } from '../helpers/stubPartialCache.js';
import { notFound, type StubRequest } from '../helpers/stubNode.js';

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

const MULTISIG_ADDRESS = deriveAddress(MULTISIG_PUBLIC, TESTNET.identifier);

/** A 2-of-2 multisig account whose partial cache holds a signed bonded aggregate `inner` signs (multisig by default). */
function arrange(options: { readonly innerSigner?: Uint8Array } = {}) {
  world = flowWorld();
  world.chain.addAccount({ publicKey: MULTISIG_PUBLIC, balance: BALANCE, importance: 1_000n });
  world.chain.addAccount({ publicKey: INITIATOR_PUBLIC, balance: BALANCE });
  const payloads = bondedPlanPayloads({
    inner: [NODE_LINK],
    deadline: 10n ** 12n,
    ...(options.innerSigner === undefined ? {} : { multisig: options.innerSigner }),
  });
  const waiting = signTransaction(payloads.aggregate, INITIATOR_PRIVATE, TESTNET.generationHashSeed);
  // any other partial (the run's own, when it goes on) is not held yet
  world.node.on('GET', '/transactions/partial/:hash', () => notFound(), { optional: true });
  stubPartialCache(world.node, {
    time: world.time,
    aggregate: { hash: waiting.hash, payload: waiting.payload },
    holdAfterMs: 0,
    heldFromStart: true,
    multisig: { publicKey: MULTISIG_PUBLIC, minApproval: 2 },
    cosignatories: [INITIATOR_PUBLIC, keyOf(0x63)],
  });
  world.node.on('GET', '/transactions/partial', (request: StubRequest) => ({
    data:
      request.query.get('address') === encodeAddress(MULTISIG_ADDRESS)
        ? [{ meta: { hash: toHex(waiting.hash) } }]
        : [],
  }));
  return { waitingHash: toHex(waiting.hash) };
}

describe('delegate --multisig with a bonded aggregate already waiting', () => {
  it('MULTISIG_PENDING naming it and pointing to harvest cosign; nothing signed, written ahead or announced', async () => {
    const { waitingHash } = arrange();
    await expect(
      delegateThroughNode(
        delegateParameters(world, {
          main: { privateKey: INITIATOR_PRIVATE },
          multisig: { address: MULTISIG_ADDRESS },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'MULTISIG_PENDING',
      message: expect.stringContaining(waitingHash),
      hint: expect.stringMatching(/harvest cosign/),
    });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.keystore(encodeAddress(MULTISIG_ADDRESS))?.journal ?? []).toEqual([]);
  });

  it('an aggregate that only involves the account (another signer inside) does not stop it', async () => {
    arrange({ innerSigner: keyOf(0x70) });
    const { result } = await delegateThroughNode(
      delegateParameters(world, {
        main: { privateKey: INITIATOR_PRIVATE },
        multisig: { address: MULTISIG_ADDRESS },
        wait: false,
      }),
    );
    expect(result.announced).toBe(true);
  });
});
