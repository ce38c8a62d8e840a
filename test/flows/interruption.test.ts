/**
 * SIGINT/SIGTERM during a wait (docs/cli.md, "Signals"): an injected AbortController stands for the process's
 * signal. Every wait stops at the abort and returns what it has; nothing is announced once interrupted before
 * signing; an onboard batch reports each row as far as it got.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import type { Sleep } from '../../src/core/ports.js';
import {
  delegateThroughNode,
  type DelegateThroughNodeParameters,
} from '../../src/flows/delegateThroughNode.js';
import { waitForConfirmation } from '../../src/flows/lifecycle/waitForConfirmation.js';
import { waitForNode } from '../../src/flows/lifecycle/waitForNode.js';
import { onboardAccounts } from '../../src/flows/onboardAccounts.js';
import { pauseUnlessInterrupted } from '../../src/flows/pauseUnlessInterrupted.js';
import { unlinkThroughNode } from '../../src/flows/unlinkThroughNode.js';
import { keyOf, NODE_PUBLIC } from '../helpers/delegationChain.js';
import {
  BALANCE,
  FAST,
  HOME,
  MAIN_PRIVATE,
  MAIN_PUBLIC,
  PASSWORD,
  delegateParameters,
  flowWorld,
  type FlowWorld,
} from '../helpers/flowWorld.js';
import { memoryFileSystem } from '../helpers/memoryFileSystem.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { stubChain } from '../helpers/stubChain.js';
import { stubNode } from '../helpers/stubNode.js';
import { virtualTime, type VirtualTime } from '../helpers/virtualTime.js';

/** A sleep on `time` that aborts `controller` once `afterMs` of virtual time have passed (the user's Ctrl+C). */
function interruptAfter(time: VirtualTime, controller: AbortController, afterMs: number): Sleep {
  return (ms, signal) => {
    if (time.elapsedMs() >= afterMs) controller.abort('SIGINT');
    return time.sleep(ms, signal);
  };
}

describe('pauseUnlessInterrupted', () => {
  it('sleeps the whole time without a signal or before the abort, not at all after it', async () => {
    const time = virtualTime();
    const controller = new AbortController();
    await expect(pauseUnlessInterrupted(time.sleep, 100, undefined)).resolves.toBe(true);
    await expect(pauseUnlessInterrupted(time.sleep, 100, controller.signal)).resolves.toBe(true);
    controller.abort('SIGTERM');
    await expect(pauseUnlessInterrupted(time.sleep, 100, controller.signal)).resolves.toBe(false);
    expect(time.elapsedMs()).toBe(200);
  });

  it('resolves false when the signal aborts during the sleep, and lets other failures through', async () => {
    const controller = new AbortController();
    const abortingSleep: Sleep = () => {
      controller.abort('SIGINT');
      return Promise.reject(new Error('aborted'));
    };
    await expect(pauseUnlessInterrupted(abortingSleep, 100, controller.signal)).resolves.toBe(false);
    const broken: Sleep = () => Promise.reject(new Error('broken timer'));
    await expect(pauseUnlessInterrupted(broken, 100, new AbortController().signal)).rejects.toThrow(
      'broken timer',
    );
  });
});

describe('the lifecycle waits stop at the signal', () => {
  it('waitForConfirmation: pending at the next poll, long before its timeout', async () => {
    const time = virtualTime();
    const controller = new AbortController();
    let polls = 0;
    const outcome = await waitForConfirmation({
      client: {
        getTransactionStatus: () => {
          polls += 1;
          return Promise.resolve({
            group: 'unconfirmed',
            code: 'Success',
            deadline: undefined,
            height: undefined,
          });
        },
        announceTransaction: () => Promise.resolve(),
      },
      hash: new Uint8Array(32),
      payload: new Uint8Array(3),
      deadlineMs: 10n ** 15n,
      networkTime: () => 0n,
      blockTimeMs: 1_000,
      timeoutMs: 600_000,
      now: time.now,
      sleep: interruptAfter(time, controller, 3_000),
      signal: controller.signal,
    });
    expect(outcome).toEqual({ kind: 'pending' });
    expect(time.elapsedMs()).toBe(3_000);
    // a poll every 250 ms up to 3 s, then one last look once the sleep was cut short
    expect(polls).toBe(14);
  });

  it('waitForNode: false (not yet) at the next poll', async () => {
    const time = virtualTime();
    const controller = new AbortController();
    controller.abort('SIGTERM');
    let polls = 0;
    const listed = await waitForNode({
      client: {
        getUnlockedAccounts: () => {
          polls += 1;
          return Promise.resolve([]);
        },
      },
      remotePublicKey: new Uint8Array(32).fill(7),
      until: 'listed',
      timeoutMs: 600_000,
      pollMs: 500,
      now: time.now,
      sleep: time.sleep,
      signal: controller.signal,
    });
    expect(listed).toBe(false);
    expect(polls).toBe(1);
    expect(time.elapsedMs()).toBe(0);
  });
});

describe('delegateThroughNode interrupted', () => {
  let world: FlowWorld;
  afterEach(() => world.node.assertAllHit());

  const parameters = (
    controller: AbortController,
    sleep: Sleep,
    overrides: Partial<DelegateThroughNodeParameters> = {},
  ): DelegateThroughNodeParameters =>
    delegateParameters(world, { sleep, signal: controller.signal, ...overrides });

  it('while waiting for confirmation: CONFIRMATION_PENDING with the hash, the journal entry left open', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.confirmAfterPolls = Number.POSITIVE_INFINITY;
    const controller = new AbortController();

    const { result } = await delegateThroughNode(
      parameters(controller, interruptAfter(world.time, controller, 10_000)),
    );

    expect(result).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
    const hash = toHex(result.transactions[0]!.hash!);
    expect(world.keystore()!.journal).toMatchObject([{ hash, state: 'announced' }]);
    expect(world.time.elapsedMs()).toBeLessThan(20_000);
  });

  it('while waiting for activation: ACTIVATION_PENDING, confirmed in the journal, long before the timeout', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    world.chain.unlockDelegates = false;
    const controller = new AbortController();

    const { result } = await delegateThroughNode(
      parameters(controller, interruptAfter(world.time, controller, 60_000)),
    );

    expect(result).toMatchObject({ state: 'ACTIVATION_PENDING', announced: true });
    expect(world.keystore()!.journal).toMatchObject([{ state: 'confirmed' }]);
    expect(world.time.elapsedMs()).toBeLessThan(90_000);
  });

  it('before anything is signed: CANCELLED, nothing announced, nothing written ahead', async () => {
    world = flowWorld();
    world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
    const controller = new AbortController();

    await expect(
      delegateThroughNode(
        parameters(controller, world.time.sleep, {
          confirm: () => Promise.resolve(controller.abort('SIGINT')),
        }),
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(world.chain.announced).toEqual([]);
    expect(world.keystore()?.journal ?? []).toEqual([]);
  });
});

describe('onboardAccounts interrupted', () => {
  it('the running account reports the state it reached; the accounts not started are FAILED with CANCELLED', async () => {
    const time = virtualTime();
    const node = stubNode({ url: 'http://node-a.test:3000' });
    const chain = stubChain(node, { time });
    const keys = [keyOf(0x51), keyOf(0x52), keyOf(0x53)];
    for (const key of keys)
      chain.addAccount({ publicKey: derivePublicKey(key), balance: BALANCE, importance: 1_000n });
    chain.unlockDelegates = false;
    const controller = new AbortController();

    const result = await onboardAccounts({
      accounts: keys.map((key, index) => ({
        line: index + 2,
        label: `KEY_${index}`,
        readKey: () => Promise.resolve(key),
      })),
      nodes: [{ url: node.url }],
      connect: () => node.client(time.sleep),
      expectedNetwork: TESTNET,
      fee: undefined,
      concurrency: 1,
      confirm: () => Promise.resolve(),
      password: () => Promise.resolve(PASSWORD),
      files: memoryFileSystem(),
      home: HOME,
      scrypt: FAST,
      wait: true,
      confirmationTimeoutMs: 5 * 60_000,
      activationTimeoutMs: 10 * 60_000,
      random: seededRandom(11),
      now: time.now,
      sleep: interruptAfter(time, controller, 60_000),
      signal: controller.signal,
    });

    expect(result.accounts.map((row) => row.state)).toEqual(['ACTIVATION_PENDING', 'FAILED', 'FAILED']);
    expect(result.accounts[0]).toMatchObject({
      mainAddress: encodeAddress(deriveAddress(derivePublicKey(keys[0]!), TESTNET.identifier)),
      announced: true,
      error: null,
    });
    expect(result.accounts.slice(1).map((row) => row.error?.code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(result.summary).toEqual({ ACTIVATION_PENDING: 1, FAILED: 2 });
    expect(chain.announced).toHaveLength(1);
    expect(time.elapsedMs()).toBeLessThan(90_000);
  });
});

describe('unlinkThroughNode interrupted', () => {
  it('while waiting for confirmation: CONFIRMATION_PENDING, announced, long before the timeout', async () => {
    const world = flowWorld();
    const remote = derivePublicKey(keyOf(0x31));
    world.chain.addAccount({
      publicKey: MAIN_PUBLIC,
      balance: BALANCE,
      importance: 1_000n,
      links: { remote, vrf: derivePublicKey(keyOf(0x32)), node: NODE_PUBLIC },
    });
    world.chain.unlocked = [remote];
    world.chain.confirmAfterPolls = Number.POSITIVE_INFINITY;
    const controller = new AbortController();

    const result = await unlinkThroughNode({
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
      sleep: interruptAfter(world.time, controller, 5_000),
      signal: controller.signal,
    });

    expect(result).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
    expect(world.chain.announced).toHaveLength(1);
    expect(world.time.elapsedMs()).toBeLessThan(10_000);
  });
});
