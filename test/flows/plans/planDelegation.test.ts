import { describe, expect, it } from 'vitest';
import type { DelegatePlan } from '../../../src/contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../../src/core/address.js';
import { NO_LINKS } from '../../../src/core/harvesting/accountLinks.js';
import { nodeKeyFromNode } from '../../../src/core/harvesting/nodeTransportKey.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { TESTNET } from '../../../src/core/network.js';
import { openKeystore } from '../../../src/flows/keystore/openKeystore.js';
import { planDelegation, type PlanDelegationParameters } from '../../../src/flows/plans/planDelegation.js';
import { keyOf, NODE_PUBLIC } from '../../helpers/delegationChain.js';
import { FAST, HOME, MAIN_PRIVATE, PASSWORD } from '../../helpers/flowWorld.js';
import { memoryFileSystem } from '../../helpers/memoryFileSystem.js';
import { seededRandom } from '../../helpers/seededRandom.js';

const MAIN_PUBLIC = derivePublicKey(MAIN_PRIVATE);
const MAIN_ADDRESS = encodeAddress(deriveAddress(MAIN_PUBLIC, TESTNET.identifier));
const NODE = nodeKeyFromNode(NODE_PUBLIC);

async function parameters(
  overrides: Partial<PlanDelegationParameters> = {},
): Promise<PlanDelegationParameters> {
  const files = memoryFileSystem();
  const keystore = await openKeystore({
    files,
    home: HOME,
    mainAddress: MAIN_ADDRESS,
    networkIdentifier: TESTNET.identifier,
    password: () => Promise.resolve(PASSWORD),
    random: seededRandom(3),
    scrypt: FAST,
  });
  return {
    mode: 'delegate',
    network: TESTNET,
    mainPublicKey: MAIN_PUBLIC,
    links: NO_LINKS,
    importance: 1_000n,
    eligibility: undefined,
    keystore,
    nodePublicKey: NODE,
    nodeUrl: 'http://node',
    random: seededRandom(4),
    force: false,
    confirm: () => Promise.resolve(),
    ...overrides,
  };
}

describe('planDelegation', () => {
  it('a fresh account: node, remote and VRF links and the 132-byte request to the transport address', async () => {
    const shown: DelegatePlan[] = [];
    const given = await parameters({ confirm: (plan) => Promise.resolve(void shown.push(plan)) });
    const { plan, secrets } = planDelegation(given);
    expect(plan.planned.map((entry) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    const request = plan.transactions[3]!;
    expect(request.type === 'transfer' && request.message.length).toBe(132);
    expect(request.type === 'transfer' && request.recipientAddress).toEqual(
      deriveAddress(NODE, TESTNET.identifier),
    );
    expect(plan.then).toEqual({ waitFor: 'activation' });
    const keys = plan.keys(NO_LINKS);
    expect(keys.remotePublicKey).toEqual(derivePublicKey(secrets.remotePrivateKey));
    expect(keys.vrfPublicKey).toEqual(derivePublicKey(secrets.vrfPrivateKey));
    await plan.confirm(5n, 3);
    expect(shown[0]).toMatchObject({ mode: 'delegate', fee: 5n, requestSkipped: false, nodePublicKey: NODE });
  });

  it('writes ahead the fresh keys sealed, the node and, for link-remote, the set-up; nothing before that', async () => {
    const given = await parameters();
    const { plan } = planDelegation(given);
    expect(given.keystore.file.keys).toEqual([]);
    const next = plan.writeAhead!(given.keystore.file, '2026-01-01T00:00:00.000Z');
    expect(next.keys.map((stored) => stored.role)).toEqual(['remote', 'vrf']);
    expect(next.node?.publicKey).toEqual(NODE);
    const remote = planDelegation({ ...given, mode: 'linkRemote', nodePublicKey: undefined }).plan;
    expect(remote.writeAhead!(given.keystore.file, 'now').remoteHarvesting).toEqual({ recordedAt: 'now' });
    expect(remote.then).toEqual({ waitFor: 'nothing' });
  });

  it('importance 0: the links without the request (the node would drop it), unless forced', async () => {
    const given = await parameters({ importance: 0n });
    expect(planDelegation(given).plan.planned.map((entry) => entry.kind)).not.toContain('delegationRequest');
    expect(planDelegation(given).plan.then).toEqual({ waitFor: 'nothing' });
    expect(planDelegation({ ...given, force: true }).plan.planned.at(-1)!.kind).toBe('delegationRequest');
  });

  it('a switch of node rotates the held keys (the old operator saw them); --keep-keys relinks only the node', async () => {
    const given = await parameters();
    const first = planDelegation(given).plan;
    await given.keystore.save(first.writeAhead!(given.keystore.file, 'now'));
    const held = first.keys(NO_LINKS);
    const linkedElsewhere = { remote: held.remotePublicKey!, vrf: held.vrfPublicKey!, node: keyOf(0x55) };
    const switched = planDelegation({ ...given, links: linkedElsewhere }).plan;
    expect(switched.planned.map((entry) => entry.kind)).toEqual([
      'nodeUnlink',
      'nodeLink',
      'remoteUnlink',
      'remoteLink',
      'vrfUnlink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect(switched.keys(NO_LINKS).remotePublicKey).not.toEqual(held.remotePublicKey);
    const kept = planDelegation({ ...given, links: linkedElsewhere, keepKeys: true }).plan;
    expect(kept.planned.map((entry) => entry.kind)).toEqual(['nodeUnlink', 'nodeLink', 'delegationRequest']);
    // the same node again: nothing to rotate, only the request
    const same = planDelegation({ ...given, links: { ...linkedElsewhere, node: NODE } }).plan;
    expect(same.planned.map((entry) => entry.kind)).toEqual(['delegationRequest']);
  });

  it('refuses another account’s keystore (KEYSTORE_CORRUPT) and a delegation without a node key', async () => {
    const given = await parameters();
    expect(() => planDelegation({ ...given, mainPublicKey: derivePublicKey(keyOf(0x77)) })).toThrow(
      expect.objectContaining({ code: 'KEYSTORE_CORRUPT' }) as Error,
    );
    expect(() => planDelegation({ ...given, nodePublicKey: undefined })).toThrow(
      expect.objectContaining({ code: 'NODE_KEY_UNKNOWN' }) as Error,
    );
  });
});
