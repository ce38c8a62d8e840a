/**
 * announceAndWait (and waitForConfirmation under it) against the stub chain: the journal follows the transaction
 * signed → announced → confirmed | failed, a dropped announcement is repeated byte for byte, an expired one is
 * rejected, and a node that cannot be reached leaves the entry for a re-run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseHex } from '../../src/core/bytes.js';
import { NodeError, RejectedError } from '../../src/core/errors.js';
import type { JournalEntry } from '../../src/core/keystore/keystoreFormat.js';
import {
  announceAndWait,
  type AnnounceAndWaitParameters,
} from '../../src/flows/lifecycle/announceAndWait.js';
import {
  flowWorld,
  keystoreWithJournal,
  networkTimeMs,
  signedEntry,
  type FlowWorld,
  type KeystoreJson,
} from '../helpers/flowWorld.js';
import { reply } from '../helpers/stubNode.js';

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

function parameters(
  entry: JournalEntry,
  overrides: Partial<AnnounceAndWaitParameters> = {},
): AnnounceAndWaitParameters {
  return {
    client: world.client,
    transaction: {
      hash: parseHex(entry.hash, { name: 'hash' }),
      payload: parseHex(entry.payload, { name: 'payload' }),
      deadline: entry.deadline,
    },
    wait: true,
    announce: true,
    blockTimeMs: 30_000,
    networkTime: () => networkTimeMs(world),
    confirmationTimeoutMs: 5 * 60_000,
    now: world.time.now,
    sleep: world.time.sleep,
    ...overrides,
  };
}

/** The states the entry went through, one per keystore version written. */
function history(): string[] {
  return world.files
    .versions(world.keystorePath())
    .map((text) => (JSON.parse(text) as KeystoreJson).journal[0]?.state ?? '-');
}

async function signedWorld(options: { lifetimeMs?: bigint } = {}) {
  world = flowWorld();
  const entry = signedEntry(world, { state: 'signed', ...options });
  const keystore = await keystoreWithJournal(world, [entry]);
  world.timeline.length = 0;
  return { entry, keystore };
}

describe('announceAndWait', () => {
  it('announces, then marks announced, then confirmed', async () => {
    const { entry, keystore } = await signedWorld();

    await expect(announceAndWait(parameters(entry, { keystore }))).resolves.toBe('confirmed');

    expect(world.chain.announced).toEqual([entry.payload]);
    expect(history()).toEqual(['signed', 'announced', 'confirmed']);
    const put = world.timeline.indexOf('PUT /transactions');
    const announcedWrite = world.timeline.indexOf(`write ${world.keystorePath()}`);
    expect(put).toBeGreaterThanOrEqual(0);
    expect(put).toBeLessThan(announcedWrite);
  });

  it('without wait: announced and pending, journal says announced', async () => {
    const { entry, keystore } = await signedWorld();

    await expect(announceAndWait(parameters(entry, { keystore, wait: false }))).resolves.toBe('pending');

    expect(history()).toEqual(['signed', 'announced']);
    expect(world.node.calls({ path: `/transactionStatus/${entry.hash}` })).toEqual([]);
  });

  it('without a keystore: announced and followed, nothing written', async () => {
    world = flowWorld();
    const entry = signedEntry(world);

    await expect(announceAndWait(parameters(entry))).resolves.toBe('confirmed');

    expect(world.files.log).toEqual([]);
  });

  it('announce false (the node already has it): only waits', async () => {
    const { entry, keystore } = await signedWorld();
    world.chain.setStatus(entry.hash, 'confirmed');

    await expect(announceAndWait(parameters(entry, { keystore, announce: false }))).resolves.toBe(
      'confirmed',
    );

    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(history()).toEqual(['signed', 'confirmed']);
  });

  it('the node drops the announcement: the same payload is announced again after two block times', async () => {
    const { entry, keystore } = await signedWorld();
    world.chain.dropAnnouncements = 1;

    await expect(announceAndWait(parameters(entry, { keystore }))).resolves.toBe('confirmed');

    expect(world.chain.announced).toEqual([entry.payload, entry.payload]);
    expect(world.time.elapsedMs()).toBeGreaterThan(2 * 30_000);
    expect(history()).toEqual(['signed', 'announced', 'confirmed']);
  });

  it('rejected by the node: TRANSACTION_REJECTED with its code, journal failed', async () => {
    const { entry, keystore } = await signedWorld();
    world.chain.rejectNext('Failure_Core_Insufficient_Balance');

    const error = await announceAndWait(parameters(entry, { keystore })).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RejectedError);
    expect(error).toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { hash: entry.hash, status: 'Failure_Core_Insufficient_Balance' },
    });
    expect(history()).toEqual(['signed', 'announced', 'failed']);
  });

  it('never seen and the deadline passes while waiting: TRANSACTION_REJECTED (Expired), journal failed', async () => {
    const { entry, keystore } = await signedWorld({ lifetimeMs: 90_000n });
    world.chain.dropAnnouncements = Number.POSITIVE_INFINITY;

    await expect(announceAndWait(parameters(entry, { keystore }))).rejects.toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { status: 'Expired' },
    });
    expect(history().at(-1)).toBe('failed');
    expect(world.time.elapsedMs()).toBeGreaterThan(90_000);
    expect(world.time.elapsedMs()).toBeLessThan(5 * 60_000);
  });

  it('out of time: pending, the entry stays announced for a re-run', async () => {
    const { entry, keystore } = await signedWorld();
    world.chain.confirmAfterPolls = Number.POSITIVE_INFINITY;

    await expect(
      announceAndWait(parameters(entry, { keystore, confirmationTimeoutMs: 45_000 })),
    ).resolves.toBe('pending');

    expect(history()).toEqual(['signed', 'announced']);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(45_000);
  });

  it('without wait, the node refuses the PUT: NodeError, the entry stays signed', async () => {
    const { entry, keystore } = await signedWorld();
    world.node.on('PUT', '/transactions', reply(500, { code: 'Internal', message: 'boom' }));

    await expect(announceAndWait(parameters(entry, { keystore, wait: false }))).rejects.toBeInstanceOf(
      NodeError,
    );

    expect(history()).toEqual(['signed']);
    expect(world.node.calls({ path: `/transactionStatus/${entry.hash}` })).toEqual([]);
  });

  it('the announcement fails through every retry: the wait announces the same payload at the first 404', async () => {
    const { entry, keystore } = await signedWorld();
    let failedPuts = 0;
    world.node.unavailable((request) => request.method === 'PUT' && ++failedPuts <= 9);

    await expect(announceAndWait(parameters(entry, { keystore }))).resolves.toBe('confirmed');

    expect(failedPuts).toBeGreaterThan(9);
    expect(world.chain.announced).toEqual([entry.payload]);
    expect(history()).toEqual(['signed', 'announced', 'confirmed']);
  });

  it('an announcement the node refuses (a 4xx: NODE_BAD_RESPONSE) is the error at once, not announced again', async () => {
    const { entry, keystore } = await signedWorld();
    world.node.on('PUT', '/transactions', () =>
      Response.json({ code: 'InvalidContent', message: 'bad payload' }, { status: 409 }),
    );

    await expect(announceAndWait(parameters(entry, { keystore }))).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
    });

    expect(world.node.calls({ method: 'PUT' })).toHaveLength(1);
    expect(world.node.calls({ path: `/transactionStatus/${entry.hash}` })).toEqual([]);
    expect(history()).toEqual(['signed']);
  });

  it('status polls that fail are "not known yet": the wait goes on and confirms', async () => {
    const { entry, keystore } = await signedWorld();
    let failedPolls = 0;
    world.node.unavailable(
      (request) => request.path.startsWith('/transactionStatus/') && ++failedPolls <= 20,
    );

    await expect(announceAndWait(parameters(entry, { keystore }))).resolves.toBe('confirmed');

    expect(world.chain.announced).toEqual([entry.payload]);
    expect(history()).toEqual(['signed', 'announced', 'confirmed']);
  });

  it('a node that never answers the polls: its last error when the wait runs out, the entry left announced', async () => {
    const { entry, keystore } = await signedWorld();
    world.node.unavailable((request) => request.path.startsWith('/transactionStatus/'));

    await expect(
      announceAndWait(parameters(entry, { keystore, confirmationTimeoutMs: 120_000 })),
    ).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE', details: { status: 503 } });

    expect(history()).toEqual(['signed', 'announced']);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(120_000);
    expect(world.time.elapsedMs()).toBeLessThan(120_000 + 30_000);
  });
});
