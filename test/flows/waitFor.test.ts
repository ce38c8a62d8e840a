import { describe, expect, it } from 'vitest';
import { NodeError } from '../../src/core/errors.js';
import type { TransactionStatus } from '../../src/node/getTransactionStatus.js';
import { waitForActivation } from '../../src/flows/lifecycle/waitForNode.js';
import { waitForConfirmation } from '../../src/flows/lifecycle/waitForConfirmation.js';

/** A clock that only moves when the flow sleeps. */
function fakeTime() {
  let nowMs = 1_000_000;
  return {
    now: () => new Date(nowMs),
    sleep: (ms: number) => {
      nowMs += ms;
      return Promise.resolve();
    },
    networkTime: () => BigInt(nowMs),
    elapsed: () => nowMs - 1_000_000,
  };
}

function scriptedStatuses(...statuses: (TransactionStatus | undefined)[]) {
  const announced: Uint8Array[] = [];
  let index = 0;
  return {
    announced,
    client: {
      getTransactionStatus: () => Promise.resolve(statuses[Math.min(index++, statuses.length - 1)]),
      announceTransaction: (payload: Uint8Array) => {
        announced.push(payload);
        return Promise.resolve();
      },
    },
  };
}

const HASH = new Uint8Array(32).fill(9);
const PAYLOAD = Uint8Array.of(1, 2, 3);
const unconfirmed: TransactionStatus = {
  group: 'unconfirmed',
  code: 'Success',
  deadline: undefined,
  height: undefined,
};
const confirmed: TransactionStatus = {
  group: 'confirmed',
  code: 'Success',
  deadline: undefined,
  height: 12n,
};

describe('waitForConfirmation', () => {
  const base = (
    client: ReturnType<typeof scriptedStatuses>['client'],
    time = fakeTime(),
    deadlineMs = 10n ** 12n,
  ) => ({
    client,
    hash: HASH,
    payload: PAYLOAD,
    deadlineMs,
    networkTime: time.networkTime,
    blockTimeMs: 1_000,
    timeoutMs: 60_000,
    now: time.now,
    sleep: time.sleep,
  });

  it('returns the height once confirmed', async () => {
    const { client } = scriptedStatuses(undefined, unconfirmed, unconfirmed, confirmed);
    await expect(waitForConfirmation(base(client))).resolves.toEqual({ kind: 'confirmed', height: 12n });
  });

  it("maps a failed status to TRANSACTION_REJECTED carrying the node's code", async () => {
    const { client } = scriptedStatuses(unconfirmed, {
      group: 'failed',
      code: 'Failure_Core_Insufficient_Balance',
      deadline: 1n,
      height: undefined,
    });
    await expect(waitForConfirmation(base(client))).rejects.toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { status: 'Failure_Core_Insufficient_Balance' },
    });
  });

  it('announces the same payload again when the node forgets it for more than two block times', async () => {
    const scripted = scriptedStatuses(
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      confirmed,
    );
    await waitForConfirmation(base(scripted.client));
    expect(scripted.announced.length).toBeGreaterThan(0);
    expect(scripted.announced.every((payload) => payload === PAYLOAD)).toBe(true);
  });

  it('reports an expired, never-seen transaction as rejected (run again to re-plan)', async () => {
    const time = fakeTime();
    const { client } = scriptedStatuses(undefined);
    await expect(waitForConfirmation(base(client, time, time.networkTime() + 5_000n))).rejects.toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { status: 'Expired' },
    });
  });

  it('gives up as pending when the timeout passes, having waited about that long', async () => {
    const time = fakeTime();
    const { client } = scriptedStatuses(unconfirmed);
    await expect(waitForConfirmation(base(client, time))).resolves.toEqual({ kind: 'pending' });
    expect(time.elapsed()).toBeGreaterThanOrEqual(60_000);
    expect(time.elapsed()).toBeLessThan(61_000);
  });
});

describe('waitForConfirmation with a node that fails now and then', () => {
  const down = () => new NodeError('NODE_UNAVAILABLE', 'GET /transactionStatus answered HTTP 503');
  const time = () => fakeTime();
  const parameters = (client: Parameters<typeof waitForConfirmation>[0]['client'], clock = time()) => ({
    client,
    hash: HASH,
    payload: PAYLOAD,
    deadlineMs: 10n ** 12n,
    networkTime: clock.networkTime,
    blockTimeMs: 1_000,
    timeoutMs: 60_000,
    now: clock.now,
    sleep: clock.sleep,
  });

  it('takes a failed poll for "not known yet" and goes on to the confirmation', async () => {
    let polls = 0;
    const client = {
      getTransactionStatus: () =>
        ++polls <= 5 ? Promise.reject(down()) : Promise.resolve(polls < 8 ? unconfirmed : confirmed),
      announceTransaction: () => Promise.resolve(),
    };
    await expect(waitForConfirmation(parameters(client))).resolves.toEqual({
      kind: 'confirmed',
      height: 12n,
    });
  });

  it('does not take a failed poll for a 404: no re-announcement, no expiry', async () => {
    const clock = time();
    let polls = 0;
    const announced: Uint8Array[] = [];
    const client = {
      getTransactionStatus: () => (++polls <= 40 ? Promise.reject(down()) : Promise.resolve(confirmed)),
      announceTransaction: (payload: Uint8Array) => {
        announced.push(payload);
        return Promise.resolve();
      },
    };
    await expect(
      waitForConfirmation({ ...parameters(client, clock), deadlineMs: clock.networkTime() + 5_000n }),
    ).resolves.toMatchObject({ kind: 'confirmed' });
    expect(announced).toEqual([]);
  });

  it('announces at the first 404 when the first announcement failed, and a failed re-announcement waits on', async () => {
    let announcements = 0;
    const scripted = scriptedStatuses(undefined, undefined, unconfirmed, confirmed);
    const client = {
      getTransactionStatus: scripted.client.getTransactionStatus,
      announceTransaction: (payload: Uint8Array) =>
        ++announcements === 1 ? Promise.reject(down()) : scripted.client.announceTransaction(payload),
    };
    await expect(waitForConfirmation({ ...parameters(client), announced: false })).resolves.toMatchObject({
      kind: 'confirmed',
    });
    expect(announcements).toBe(2);
  });

  it('ends with the last node error when time runs out on a failed poll', async () => {
    const clock = time();
    const client = {
      getTransactionStatus: () => Promise.reject(down()),
      announceTransaction: () => Promise.resolve(),
    };
    await expect(waitForConfirmation(parameters(client, clock))).rejects.toMatchObject({
      code: 'NODE_UNAVAILABLE',
    });
    expect(clock.elapsed()).toBeGreaterThanOrEqual(60_000);
  });
});

describe('waitForActivation', () => {
  it('takes failed polls for "not known yet" and goes on; the last error only when time runs out on one', async () => {
    const remote = new Uint8Array(32).fill(7);
    let calls = 0;
    const flaky = {
      getUnlockedAccounts: () =>
        ++calls <= 3 ? Promise.reject(new NodeError('NODE_UNAVAILABLE', 'down')) : Promise.resolve([remote]),
    };
    await expect(
      waitForActivation({
        client: flaky,
        remotePublicKey: remote,
        timeoutMs: 10_000,
        pollMs: 500,
        ...fakeTime(),
      }),
    ).resolves.toBe('ACTIVE');
    const dead = { getUnlockedAccounts: () => Promise.reject(new NodeError('NODE_TIMEOUT', 'hangs')) };
    await expect(
      waitForActivation({
        client: dead,
        remotePublicKey: remote,
        timeoutMs: 3_000,
        pollMs: 500,
        ...fakeTime(),
      }),
    ).rejects.toMatchObject({ code: 'NODE_TIMEOUT' });
  });

  const remote = new Uint8Array(32).fill(7);
  it('is ACTIVE once the node lists the remote key', async () => {
    const lists = [[], [new Uint8Array(32)], [new Uint8Array(32), remote]];
    let call = 0;
    const client = { getUnlockedAccounts: () => Promise.resolve(lists[Math.min(call++, 2)]!) };
    const time = fakeTime();
    await expect(
      waitForActivation({ client, remotePublicKey: remote, timeoutMs: 10_000, pollMs: 500, ...time }),
    ).resolves.toBe('ACTIVE');
  });

  it('is ACTIVATION_PENDING when the timeout passes', async () => {
    const client = { getUnlockedAccounts: () => Promise.resolve([]) };
    const time = fakeTime();
    await expect(
      waitForActivation({ client, remotePublicKey: remote, timeoutMs: 3_000, pollMs: 500, ...time }),
    ).resolves.toBe('ACTIVATION_PENDING');
    expect(time.elapsed()).toBe(3_000);
  });
});
