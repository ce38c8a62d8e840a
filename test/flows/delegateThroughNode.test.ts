/**
 * delegateThroughNode through its entry point only: a stub chain over the real node client, an in-memory home,
 * virtual time, real keys and signatures. What is checked is what an observer sees: the result, the keystore file
 * (keys and journal), the requests the node received and in which order relative to the file writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { NodeError, RejectedError } from '../../src/core/errors.js';
import { MAINNET, TESTNET } from '../../src/core/network.js';
import { networkTimeOf } from '../../src/core/networkTime.js';
import { DEFAULT_LIFETIME_MS } from '../../src/core/transactions/computeDeadline.js';
import { nodeKeyFromNode } from '../../src/core/harvesting/nodeTransportKey.js';
import { describeTransaction } from '../../src/core/transactions/describeTransaction.js';
import {
  delegateThroughNode,
  type DelegateThroughNodeParameters,
} from '../../src/flows/delegateThroughNode.js';
import { NODE_PUBLIC, OTHER_NODE_PUBLIC } from '../helpers/delegationChain.js';
import {
  BALANCE,
  MAIN_PUBLIC,
  delegateParameters,
  flowWorld,
  type FlowWorld,
  type KeystoreJson,
} from '../helpers/flowWorld.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { reply } from '../helpers/stubNode.js';

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

const parameters = (overrides: Partial<DelegateThroughNodeParameters> = {}): DelegateThroughNodeParameters =>
  delegateParameters(world, overrides);

/** Journal states of every keystore version written, per entry hash. */
function journalHistory(): string[] {
  return world.files
    .versions(world.keystorePath())
    .map((text) => (JSON.parse(text) as KeystoreJson).journal.map((entry) => entry.state).join(','))
    .filter((states, index, all) => states !== '' && states !== all[index - 1]);
}

const PUT = 'PUT /transactions';

describe('delegateThroughNode', () => {
  it('fresh account: one aggregate (node, remote, VRF links + 132-byte request), written ahead, ACTIVE', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });

    const { result, secrets } = await delegateThroughNode(parameters());

    expect(result.state).toBe('ACTIVE');
    expect(result.announced).toBe(true);
    expect(world.chain.announced).toHaveLength(1);
    const inners = describeTransaction(parseHex(world.chain.announced[0]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect(inners[0]!.linkedPublicKey).toEqual(NODE_PUBLIC);
    expect(inners[1]!.linkedPublicKey).toEqual(result.remotePublicKey);
    expect(inners[2]!.linkedPublicKey).toEqual(result.vrfPublicKey);
    expect(inners[3]!.message).toHaveLength(132);
    expect(toHex(result.transactions[0]!.payload)).toBe(world.chain.announced[0]);

    // keys and journal entry reached the file before the payload reached the node
    const firstWrite = world.timeline.findIndex((event) => event.startsWith('write '));
    expect(firstWrite).toBeGreaterThanOrEqual(0);
    expect(firstWrite).toBeLessThan(world.timeline.indexOf(PUT));
    const aheadOfPut = JSON.parse(world.files.versions(world.keystorePath())[0]!) as KeystoreJson;
    expect(aheadOfPut.keys.map((key) => `${key.role}:${key.publicKey}`)).toEqual([
      `remote:${toHex(result.remotePublicKey!)}`,
      `vrf:${toHex(result.vrfPublicKey!)}`,
    ]);
    expect(aheadOfPut.journal).toMatchObject([
      { hash: toHex(result.transactions[0]!.hash!), state: 'signed' },
    ]);
    expect(world.files.modeOf(world.keystorePath())).toBe(0o600);

    expect(journalHistory()).toEqual(['signed', 'announced', 'confirmed']);
    const saved = world.keystore()!;
    expect(saved.keys.map((key) => key.status)).toEqual(['linked', 'linked']);
    expect(saved.node?.publicKey).toBe(toHex(NODE_PUBLIC));
    expect(secrets?.remotePrivateKey).toHaveLength(32);
    expect(world.chain.unlocked).toEqual([result.remotePublicKey]);
  });

  it('already ACTIVE: a second run reads the chain and announces nothing', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    const first = await delegateThroughNode(parameters());
    const writes = world.files.log.length;
    const puts = world.node.calls({ method: 'PUT' }).length;

    const { result } = await delegateThroughNode(
      parameters({ confirm: () => Promise.reject(new Error('asked')) }),
    );

    expect(result).toMatchObject({ state: 'ACTIVE', announced: false, transactions: [] });
    expect(result.remotePublicKey).toEqual(first.result.remotePublicKey);
    expect(world.node.calls({ method: 'PUT' })).toHaveLength(puts);
    expect(world.files.log.slice(writes).filter((event) => event.op === 'write')).toEqual([]);
  });

  it('importance 0: links only, no request; KEYS_LINKED with ZERO_IMPORTANCE', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 0n });
    const notes: string[] = [];

    const { result } = await delegateThroughNode(parameters({ onNote: (text) => notes.push(text) }));

    expect(result).toMatchObject({ state: 'KEYS_LINKED', announced: true, reasons: ['ZERO_IMPORTANCE'] });
    const inners = describeTransaction(parseHex(world.chain.announced[0]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toEqual(['nodeLink', 'remoteLink', 'vrfLink']);
    expect(world.chain.announced).toHaveLength(1);
    // no request, so no activation wait: the node is looked at once at most, to judge the state
    expect(world.node.calls({ path: '/node/unlockedaccount' }).length).toBeLessThanOrEqual(1);
    expect(notes.join('\n')).toMatch(/importance is 0/);
  });

  it('importance 0 with force: the request is sent anyway', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 0n });

    const { result } = await delegateThroughNode(parameters({ force: true }));

    const inners = describeTransaction(parseHex(world.chain.announced[0]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toContain('delegationRequest');
    expect(result.state).toBe('ACTIVE');
  });

  it('no confirmation in time: CONFIRMATION_PENDING with the hash, journal entry left announced', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.confirmAfterPolls = Number.POSITIVE_INFINITY;

    const { result } = await delegateThroughNode(parameters({ confirmationTimeoutMs: 120_000 }));

    expect(result).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
    const hash = toHex(result.transactions[0]!.hash!);
    expect(hash).toMatch(/^[0-9A-F]{64}$/);
    expect(world.keystore()!.journal).toMatchObject([{ hash, state: 'announced' }]);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(120_000);
    expect(world.node.calls({ path: '/node/unlockedaccount' })).toEqual([]);
  });

  it('the node never unlocks the remote key: ACTIVATION_PENDING with NODE_FULL_LIKELY', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.unlockDelegates = false;

    const { result } = await delegateThroughNode(parameters({ activationTimeoutMs: 10 * 60_000 }));

    expect(result).toMatchObject({
      state: 'ACTIVATION_PENDING',
      reasons: ['NODE_FULL_LIKELY'],
      announced: true,
    });
    expect(world.keystore()!.journal).toMatchObject([{ state: 'confirmed' }]);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(10 * 60_000);
    expect(world.node.calls({ path: '/node/unlockedaccount' }).length).toBeGreaterThan(2);
  });

  it('resume: an entry left announced (the node forgot it) is announced again, byte for byte; nothing new planned', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.dropAnnouncements = Number.POSITIVE_INFINITY;
    const first = await delegateThroughNode(parameters({ wait: false }));
    expect(first.result.state).toBe('CONFIRMATION_PENDING');
    expect(world.keystore()!.journal).toMatchObject([{ state: 'announced' }]);

    world.chain.dropAnnouncements = 0;
    world.time.advance(60_000);
    const planned: unknown[] = [];
    const { result } = await delegateThroughNode(
      parameters({ random: seededRandom(8), confirm: (plan) => Promise.resolve(void planned.push(plan)) }),
    );

    expect(planned).toEqual([]);
    expect(world.chain.announced).toEqual([
      toHex(first.result.transactions[0]!.payload),
      toHex(first.result.transactions[0]!.payload),
    ]);
    expect(world.keystore()!.journal).toMatchObject([
      { hash: toHex(first.result.transactions[0]!.hash!), state: 'confirmed' },
    ]);
    expect(result).toMatchObject({ state: 'ACTIVE', remotePublicKey: first.result.remotePublicKey });
  });

  it('the node rejects the aggregate: TRANSACTION_REJECTED with its code, journal entry failed', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.rejectNext('Failure_AccountLink_Remote_Account_Ineligible');

    const error = await delegateThroughNode(parameters()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RejectedError);
    expect(error).toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { status: 'Failure_AccountLink_Remote_Account_Ineligible' },
    });
    expect(world.keystore()!.journal).toMatchObject([{ state: 'failed' }]);
    expect(world.chain.account(MAIN_PUBLIC)!.links).toEqual({});
  });

  it('dry run: signs and returns the plan, announces nothing, journals nothing', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });

    const { result } = await delegateThroughNode(parameters({ dryRun: true }));

    expect(result.announced).toBe(false);
    expect(result.transactions[0]!.hash).toHaveLength(32);
    expect(result.plan.map((entry) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.keystore()?.journal ?? []).toEqual([]);
  });

  it('write-ahead: a crash while writing the keystore leaves nothing announced', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.files.crashOnWrite(1);

    await expect(delegateThroughNode(parameters())).rejects.toThrow('simulated crash');

    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.keystore()).toBeUndefined();
  });

  it('link-remote: remote and VRF links only, no node link nor request; OPERATOR', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });

    const { result, secrets } = await delegateThroughNode(parameters({ mode: 'linkRemote' }));

    expect(result).toMatchObject({ state: 'OPERATOR', announced: true, nodePublicKey: null });
    const inners = describeTransaction(parseHex(world.chain.announced[0]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toEqual(['remoteLink', 'vrfLink']);
    expect(world.chain.account(MAIN_PUBLIC)!.links.node).toBeUndefined();
    expect(secrets?.vrfPrivateKey).toHaveLength(32);
    expect(world.node.calls({ path: '/node/unlockedaccount' })).toEqual([]);
  });

  it("deadline from the node's clock: a node 10 min ahead moves the deadline 10 min", async () => {
    world = flowWorld({ clockSkewMs: 600_000 });
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    const localNetworkTime = networkTimeOf(world.time.now(), TESTNET.epochAdjustmentSeconds);

    const { result } = await delegateThroughNode(parameters({ dryRun: true }));

    expect(result.transactions[0]!.deadline).toBe(localNetworkTime + 600_000n + DEFAULT_LIFETIME_MS);
  });

  it('checks before anything is opened or sent: WRONG_NETWORK, NODE_KEY_MISMATCH, unknown account', async () => {
    world = flowWorld();
    let opened = 0;
    const openKeystore: DelegateThroughNodeParameters['openKeystore'] = (network, address) => {
      opened += 1;
      return world.openKeystore(network, address);
    };

    await expect(
      delegateThroughNode(parameters({ expectedNetwork: MAINNET, openKeystore })),
    ).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
    await expect(
      delegateThroughNode(
        parameters({ givenNodePublicKey: nodeKeyFromNode(OTHER_NODE_PUBLIC), openKeystore }),
      ),
    ).rejects.toMatchObject({ code: 'NODE_KEY_MISMATCH' });
    expect(opened).toBe(0);
    await expect(delegateThroughNode(parameters({ openKeystore }))).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.files.log).toEqual([]);
  });

  it('importance 0 first, importance later: the second run sends only the request, sealing the stored keys', async () => {
    world = flowWorld();
    const chainAccount = world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 0n });
    const first = await delegateThroughNode(parameters());
    expect(first.result.state).toBe('KEYS_LINKED');
    chainAccount.importance = 5_000n;

    const { result } = await delegateThroughNode(parameters({ random: seededRandom(8) }));

    const inners = describeTransaction(parseHex(world.chain.announced[1]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toEqual(['delegationRequest']);
    expect(result).toMatchObject({ state: 'ACTIVE', remotePublicKey: first.result.remotePublicKey });
    expect(world.keystore()!.keys).toHaveLength(2);
  });

  it('request confirmed but the node has not unlocked yet: a re-run waits and sends nothing; --resend sends a new request', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.unlockDelegates = false;
    const first = await delegateThroughNode(parameters({ activationTimeoutMs: 60_000 }));
    expect(first.result.state).toBe('ACTIVATION_PENDING');

    const waited = await delegateThroughNode(parameters({ activationTimeoutMs: 60_000 }));
    expect(waited.result).toMatchObject({
      state: 'ACTIVATION_PENDING',
      announced: false,
      reasons: ['NODE_FULL_LIKELY'],
    });
    expect(world.chain.announced).toHaveLength(1);

    world.chain.unlockDelegates = true;
    const resent = await delegateThroughNode(parameters({ resend: true, random: seededRandom(9) }));
    const inners = describeTransaction(parseHex(world.chain.announced[1]!, { name: 'payload' })).transactions;
    expect(inners.map((inner) => inner.kind)).toEqual(['delegationRequest']);
    expect(resent.result).toMatchObject({ state: 'ACTIVE', remotePublicKey: first.result.remotePublicKey });
  });

  it('a crash right after announcing (journal still says signed): the re-run waits for it, announces nothing new', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.files.crashOnWrite(2); // 1: the write-ahead, 2: marking it announced after the PUT
    await expect(delegateThroughNode(parameters())).rejects.toThrow('simulated crash');
    expect(world.chain.announced).toHaveLength(1);
    expect(world.keystore()!.journal).toMatchObject([{ state: 'signed' }]);

    const { result } = await delegateThroughNode(
      parameters({
        random: seededRandom(8),
        confirmResend: () => Promise.reject(new Error('asked')),
        confirm: () => Promise.reject(new Error('asked')),
      }),
    );

    expect(world.chain.announced).toHaveLength(1);
    expect(world.keystore()!.journal).toMatchObject([{ state: 'confirmed' }]);
    expect(result.state).toBe('ACTIVE');
  });

  it('after a rejection, a re-run plans afresh with new keys and succeeds', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.rejectNext('Failure_AccountLink_Remote_Account_Ineligible');
    await expect(delegateThroughNode(parameters())).rejects.toMatchObject({ code: 'TRANSACTION_REJECTED' });
    const rejectedRemote = world.keystore()!.keys[0]!.publicKey;

    const { result } = await delegateThroughNode(parameters({ random: seededRandom(8) }));

    expect(result.state).toBe('ACTIVE');
    expect(toHex(result.remotePublicKey!)).not.toBe(rejectedRemote);
    expect(world.keystore()!.journal.map((entry) => entry.state)).toEqual(['failed', 'confirmed']);
  });

  it('a pending entry and --dry-run: CONFIRMATION_PENDING, nothing announced', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.dropAnnouncements = Number.POSITIVE_INFINITY;
    const first = await delegateThroughNode(parameters({ wait: false }));

    const { result } = await delegateThroughNode(parameters({ dryRun: true }));

    expect(result).toMatchObject({
      state: 'CONFIRMATION_PENDING',
      transactions: [{ hash: first.result.transactions[0]!.hash }],
    });
    expect(world.chain.announced).toHaveLength(1);
  });

  it('a node that does not publish its transport key: NODE_KEY_UNKNOWN, unless given', async () => {
    world = flowWorld({ nodePublicKey: null });
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });

    await expect(delegateThroughNode(parameters())).rejects.toMatchObject({ code: 'NODE_KEY_UNKNOWN' });
    const { result } = await delegateThroughNode(
      parameters({ givenNodePublicKey: nodeKeyFromNode(NODE_PUBLIC), dryRun: true }),
    );
    expect(result.nodePublicKey).toEqual(NODE_PUBLIC);
  });

  it('cold signing (main public key only): the plan comes back unsigned, keys stored, nothing journalled or sent', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });

    const { result } = await delegateThroughNode(parameters({ main: { publicKey: MAIN_PUBLIC } }));

    expect(result.transactions[0]!.hash).toBeUndefined();
    expect(result.announced).toBe(false);
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(world.keystore()!.keys.map((key) => key.publicKey)).toEqual([
      toHex(result.remotePublicKey!),
      toHex(result.vrfPublicKey!),
    ]);
    expect(world.keystore()!.journal).toEqual([]);
  });

  // Once the aggregate is confirmed, a node whose /node/unlockedaccount starts failing during the activation wait
  // (5xx after the client's retries) must not lose the result with the confirmed hash and the new keys: it is
  // ACTIVATION_PENDING with NODE_DIAGNOSTICS_UNAVAILABLE, as when the first probe fails.
  it('/node/unlockedaccount failing during the activation wait: still a result with the hash', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.unlockDelegates = false;
    let probes = 0;
    world.node.on('GET', '/node/unlockedaccount', () =>
      ++probes === 1 ? { unlockedAccount: [] } : reply(503, { code: 'ServiceUnavailable', message: 'busy' }),
    );

    const { result } = await delegateThroughNode(parameters());

    expect(result).toMatchObject({
      state: 'ACTIVATION_PENDING',
      announced: true,
      reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'],
    });
    expect(toHex(result.transactions[0]!.hash!)).toBe(world.keystore()!.journal[0]!.hash);
    expect(world.keystore()!.journal).toMatchObject([{ state: 'confirmed' }]);
  });

  // issue 13 point 5: the node goes away after the announce, during the confirmation wait. The error is still the
  // node's (exit 3), and it says that the signed transaction is journalled and that a re-run resumes it.
  it('the node fails (5xx) after the announce: a NodeError with the journalled hash and a resume hint', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.node.on('GET', '/transactionStatus/:hash', () =>
      reply(503, { code: 'ServiceUnavailable', message: 'going down' }),
    );

    const error = await delegateThroughNode(parameters()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NodeError);
    const [entry] = world.keystore()!.journal;
    expect(entry).toMatchObject({ state: 'announced' });
    expect(error).toMatchObject({
      code: 'NODE_UNAVAILABLE',
      journal: { hash: entry!.hash, keystore: world.keystorePath() },
    });
    expect((error as NodeError).hint).toContain(
      `the signed transaction ${entry!.hash} is journalled in ${world.keystorePath()}: run the same command again to resume it`,
    );
  });

  it('an error before anything is signed carries no journal hint', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.node.on('GET', '/accounts/:id', () => reply(503, { code: 'ServiceUnavailable', message: 'down' }));

    const error = await delegateThroughNode(parameters()).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'NODE_UNAVAILABLE', journal: undefined });
    expect(world.chain.announced).toEqual([]);
  });
});
