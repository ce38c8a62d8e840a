/**
 * unlinkThroughNode through its entry point: a delegated account on the stub chain (node, remote and VRF links, the
 * node listing its remote key), unlinked by default of its node link only, with `all` of every link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../helpers/stubNode.js';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { describeTransaction } from '../../src/core/transactions/describeTransaction.js';
import { delegateThroughNode } from '../../src/flows/delegateThroughNode.js';
import { unlinkThroughNode, type UnlinkThroughNodeParameters } from '../../src/flows/unlinkThroughNode.js';
import type { UnlinkPlan } from '../../src/contract/setupResult.js';
import { keyOf, NODE_PUBLIC } from '../helpers/delegationChain.js';
import {
  BALANCE,
  MAIN_PRIVATE,
  MAIN_PUBLIC,
  delegateParameters,
  flowWorld,
  type FlowWorld,
} from '../helpers/flowWorld.js';
import { seededRandom } from '../helpers/seededRandom.js';

const REMOTE = derivePublicKey(keyOf(0x31));
const VRF = derivePublicKey(keyOf(0x32));

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

/** A world where the main account is delegated to the stub node and active there. */
function delegatedWorld(links = { remote: REMOTE, vrf: VRF, node: NODE_PUBLIC }): FlowWorld {
  world = flowWorld();
  world.chain.addAccount({
    publicKey: MAIN_PUBLIC,
    balance: BALANCE,
    importance: 1_000n,
    links: { ...links },
  });
  world.chain.unlocked = [REMOTE];
  return world;
}

function parameters(overrides: Partial<UnlinkThroughNodeParameters> = {}): UnlinkThroughNodeParameters {
  return {
    client: world.client,
    expectedNetwork: TESTNET,
    mainPrivateKey: MAIN_PRIVATE,
    openKeystore: () => Promise.resolve(undefined),
    all: false,
    fee: undefined,
    confirm: () => Promise.resolve(),
    confirmResend: () => Promise.resolve(),
    dryRun: false,
    wait: true,
    confirmationTimeoutMs: 5 * 60_000,
    now: world.time.now,
    sleep: world.time.sleep,
    ...overrides,
  };
}

function announcedKinds(index = 0): string[] {
  const payload = parseHex(world.chain.announced[index]!, { name: 'payload' });
  return describeTransaction(payload).transactions.map(
    (inner) => `${inner.kind}:${inner.linkedPublicKey === undefined ? '' : toHex(inner.linkedPublicKey)}`,
  );
}

describe('unlinkThroughNode', () => {
  it('by default unlinks the node link only; the node prunes the delegate → KEYS_LINKED', async () => {
    delegatedWorld();
    const plans: UnlinkPlan[] = [];

    const result = await unlinkThroughNode(
      parameters({ confirm: (plan) => Promise.resolve(void plans.push(plan)) }),
    );

    expect(announcedKinds()).toEqual([`nodeUnlink:${toHex(NODE_PUBLIC)}`]);
    expect(plans).toMatchObject([{ linkedToThisNode: true, transactions: [{ kind: 'nodeUnlink' }] }]);
    expect(result).toMatchObject({
      state: 'KEYS_LINKED',
      announced: true,
      remotePublicKey: REMOTE,
      vrfPublicKey: VRF,
      reasons: [],
    });
    expect(world.chain.account(MAIN_PUBLIC)!.links).toEqual({ remote: REMOTE, vrf: VRF, node: undefined });
  });

  it('all: node, remote and VRF unlinks in one aggregate → INACTIVE', async () => {
    delegatedWorld();

    const result = await unlinkThroughNode(parameters({ all: true }));

    expect(announcedKinds()).toEqual([
      `nodeUnlink:${toHex(NODE_PUBLIC)}`,
      `remoteUnlink:${toHex(REMOTE)}`,
      `vrfUnlink:${toHex(VRF)}`,
    ]);
    expect(result).toMatchObject({ state: 'INACTIVE', remotePublicKey: null, vrfPublicKey: null });
  });

  it('without a keystore nothing is written to disk', async () => {
    delegatedWorld();

    await unlinkThroughNode(parameters({ all: true }));

    expect(world.files.log).toEqual([]);
  });

  it('with a keystore: the unlink is journalled before it is announced, then confirmed', async () => {
    delegatedWorld();
    const earlier = await world.open();
    await earlier.save(earlier.file);
    world.timeline.length = 0;

    const result = await unlinkThroughNode(parameters({ openKeystore: world.openKeystore }));

    const hash = toHex(result.transactions[0]!.hash!);
    const journalled = world.timeline.findIndex((event) => event === `write ${world.keystorePath()}`);
    expect(journalled).toBeGreaterThanOrEqual(0);
    expect(journalled).toBeLessThan(world.timeline.indexOf('PUT /transactions'));
    expect(world.keystore()!.journal).toMatchObject([{ kind: 'unlink', hash, state: 'confirmed' }]);
  });

  it('the node fails after the announce: the error names the journalled unlink and says a re-run resumes it', async () => {
    delegatedWorld();
    const earlier = await world.open();
    await earlier.save(earlier.file);
    world.node.on('GET', '/transactionStatus/:hash', () =>
      reply(503, { code: 'Down', message: 'going down' }),
    );

    const error = await unlinkThroughNode(parameters({ openKeystore: world.openKeystore })).catch(
      (caught: unknown) => caught,
    );

    const [entry] = world.keystore()!.journal;
    expect(entry).toMatchObject({ kind: 'unlink', state: 'announced' });
    expect(error).toMatchObject({
      code: 'NODE_UNAVAILABLE',
      journal: { hash: entry!.hash, keystore: world.keystorePath() },
      hint: expect.stringContaining('run the same command again to resume it'),
    });
  });

  it('the node keeps listing the remote key after the node unlink: DEACTIVATION_PENDING', async () => {
    delegatedWorld();
    world.chain.pruneOnNodeUnlink = false;

    const result = await unlinkThroughNode(parameters({ deactivationTimeoutMs: 90_000 }));

    expect(result).toMatchObject({ state: 'DEACTIVATION_PENDING', announced: true });
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(90_000);
    expect(world.node.calls({ path: '/node/unlockedaccount' }).length).toBeGreaterThan(1);
  });

  it('nothing linked: nothing is planned or sent', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE });
    const notes: string[] = [];

    const result = await unlinkThroughNode(
      parameters({
        all: true,
        confirm: () => Promise.reject(new Error('asked')),
        onNote: (text) => notes.push(text),
      }),
    );

    expect(result).toMatchObject({ state: 'INACTIVE', announced: false, transactions: [] });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(notes).toEqual(['nothing is linked: nothing to unlink']);
  });

  it('no node link (remote harvesting set-up): the default sends nothing', async () => {
    delegatedWorld({ remote: REMOTE, vrf: VRF, node: undefined as unknown as Uint8Array });

    const result = await unlinkThroughNode(parameters());

    expect(result).toMatchObject({ state: 'KEYS_LINKED', announced: false });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('dry run: signs the unlink, announces nothing and leaves the keystore as it was', async () => {
    delegatedWorld();
    const earlier = await world.open();
    await earlier.save(earlier.file);
    const before = world.files.text(world.keystorePath());

    const result = await unlinkThroughNode(parameters({ dryRun: true, openKeystore: world.openKeystore }));

    expect(result.transactions).toMatchObject([{ kind: 'unlink' }]);
    expect(result.announced).toBe(false);
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.files.text(world.keystorePath())).toBe(before);
    expect(world.keystore()!.journal).toEqual([]);
  });

  it('lifecycle: delegate, unlink the node link, delegate again (node link + request with the stored keys), unlink all', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    const delegateWith = (seed: number) => delegateParameters(world, { random: seededRandom(seed) });
    const delegated = await delegateThroughNode(delegateWith(1));
    expect(delegated.result.state).toBe('ACTIVE');

    const unlinked = await unlinkThroughNode(parameters({ openKeystore: world.openKeystore }));
    expect(unlinked.state).toBe('KEYS_LINKED');
    expect(world.chain.unlocked).toEqual([]);

    const again = await delegateThroughNode(delegateWith(2));
    expect(announcedKinds(2).map((kind) => kind.split(':')[0])).toEqual(['nodeLink', 'delegationRequest']);
    expect(again.result).toMatchObject({
      state: 'ACTIVE',
      remotePublicKey: delegated.result.remotePublicKey,
    });

    const all = await unlinkThroughNode(parameters({ all: true, openKeystore: world.openKeystore }));
    expect(all.state).toBe('INACTIVE');
    const saved = world.keystore()!;
    expect(saved.keys.map((key) => key.status)).toEqual(['unlinked', 'unlinked']);
    expect(saved.journal.map((entry) => `${entry.kind}:${entry.state}`)).toEqual([
      'delegate:confirmed',
      'unlink:confirmed',
      'delegate:confirmed',
      'unlink:confirmed',
    ]);
  });

  it('a remote account key given as the main key: INVALID_KEY, nothing sent', async () => {
    world = flowWorld();
    world.chain.addAccount({
      publicKey: MAIN_PUBLIC,
      balance: 0n,
      accountType: 2,
      links: { remote: REMOTE },
    });

    await expect(unlinkThroughNode(parameters({ all: true }))).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('a balance below the fee: INSUFFICIENT_BALANCE before the confirmation', async () => {
    delegatedWorld();
    world.chain.account(MAIN_PUBLIC)!.balance = 10n;

    await expect(
      unlinkThroughNode(parameters({ confirm: () => Promise.reject(new Error('asked')) })),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });
});
