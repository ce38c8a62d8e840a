/**
 * resumeJournal's state machine, one row per test: what the node says of a journal entry an earlier run left,
 * whether its deadline is still ahead, and the entry's own state decide whether it is settled, announced again
 * (the same bytes), or left pending. Real signed payloads, the stub chain, virtual time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/core/keystore/keystoreFormat.js';
import { CancelledError } from '../../src/core/errors.js';
import type { KeystoreSession } from '../../src/flows/keystore/openKeystore.js';
import { resumeJournal, type ResumeJournalParameters } from '../../src/flows/lifecycle/settleJournal.js';
import {
  flowWorld,
  keystoreWithJournal,
  networkTimeMs,
  signedEntry,
  type FlowWorld,
} from '../helpers/flowWorld.js';

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

function parameters(
  keystore: KeystoreSession,
  overrides: Partial<ResumeJournalParameters> = {},
): ResumeJournalParameters {
  return {
    client: world.client,
    keystore,
    blockTimeMs: 30_000,
    networkTime: () => networkTimeMs(world),
    confirmationTimeoutMs: 5 * 60_000,
    now: world.time.now,
    sleep: world.time.sleep,
    confirmResend: () => Promise.resolve(),
    ...overrides,
  };
}

/** A world whose keystore journal holds `entries` (built against its clock). */
async function withJournal(...make: ((world: FlowWorld) => JournalEntry)[]) {
  world = flowWorld();
  const entries = make.map((build) => build(world));
  const keystore = await keystoreWithJournal(world, entries);
  world.timeline.length = 0;
  return { keystore, entries };
}

const states = () => world.keystore()!.journal.map((entry) => entry.state);
const puts = () => world.node.calls({ method: 'PUT' });

describe('resumeJournal', () => {
  it('node says confirmed → marked confirmed, nothing announced', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w));
    world.chain.setStatus(entries[0]!.hash, 'confirmed');

    const outcome = await resumeJournal(parameters(keystore));

    expect(outcome).toEqual({ confirmed: [entries[0]!.hash], failed: [], pending: undefined });
    expect(states()).toEqual(['confirmed']);
    expect(puts()).toEqual([]);
  });

  it('node says failed → marked failed, nothing announced', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w));
    world.chain.setStatus(entries[0]!.hash, { failed: 'Failure_Core_Insufficient_Balance' });

    const outcome = await resumeJournal(parameters(keystore));

    expect(outcome).toEqual({ confirmed: [], failed: [entries[0]!.hash], pending: undefined });
    expect(states()).toEqual(['failed']);
    expect(puts()).toEqual([]);
  });

  it('unknown to the node, deadline ahead → the same payload announced again, then confirmed', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w));

    const outcome = await resumeJournal(parameters(keystore));

    expect(world.chain.announced).toEqual([entries[0]!.payload]);
    expect(outcome).toEqual({ confirmed: [entries[0]!.hash], failed: [], pending: undefined });
    expect(states()).toEqual(['confirmed']);
  });

  it('unknown to the node, deadline passed → marked failed, nothing announced', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w, { lifetimeMs: 60_000n }));
    world.time.advance(2 * 60_000);

    const outcome = await resumeJournal(parameters(keystore));

    expect(outcome).toEqual({ confirmed: [], failed: [entries[0]!.hash], pending: undefined });
    expect(states()).toEqual(['failed']);
    expect(puts()).toEqual([]);
  });

  it('status unreadable, deadline passed → the node error, the entry left open (it may have confirmed)', async () => {
    const { keystore } = await withJournal((w) => signedEntry(w, { lifetimeMs: 60_000n }));
    world.time.advance(2 * 60_000);
    world.node.unavailable((request) => request.path.startsWith('/transactionStatus/'));

    await expect(resumeJournal(parameters(keystore))).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });

    expect(states()).toEqual(['announced']);
    expect(puts()).toEqual([]);
  });

  it('still unconfirmed at the node → waited for, not announced again', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w));
    world.chain.setStatus(entries[0]!.hash, 'unconfirmed');

    const outcome = await resumeJournal(parameters(keystore, { confirmationTimeoutMs: 60_000 }));

    expect(outcome).toEqual({ confirmed: [], failed: [], pending: entries[0]!.hash });
    expect(states()).toEqual(['announced']);
    expect(puts()).toEqual([]);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(60_000);
  });

  it('readOnly (dry run): settles what the node decided, reports the rest pending, announces nothing', async () => {
    const { keystore, entries } = await withJournal(
      (w) => signedEntry(w, { multiplier: 100n }),
      (w) => signedEntry(w, { multiplier: 101n }),
    );
    world.chain.setStatus(entries[0]!.hash, 'confirmed');

    const outcome = await resumeJournal(parameters(keystore, { readOnly: true }));

    expect(outcome).toEqual({ confirmed: [entries[0]!.hash], failed: [], pending: entries[1]!.hash });
    expect(states()).toEqual(['confirmed', 'announced']);
    expect(puts()).toEqual([]);
    expect(world.time.elapsedMs()).toBe(0);
  });

  it('`signed` (maybe never announced) and unknown → announced only after confirmResend', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w, { state: 'signed' }));
    const asked: string[] = [];

    const outcome = await resumeJournal(
      parameters(keystore, {
        confirmResend: (summary) => {
          expect(puts()).toEqual([]);
          asked.push(summary);
          return Promise.resolve();
        },
      }),
    );

    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(entries[0]!.hash);
    expect(world.chain.announced).toEqual([entries[0]!.payload]);
    expect(outcome.confirmed).toEqual([entries[0]!.hash]);
    expect(states()).toEqual(['confirmed']);
  });

  it('`signed` and the resend declined → nothing announced, the entry kept as it was', async () => {
    const { keystore } = await withJournal((w) => signedEntry(w, { state: 'signed' }));

    await expect(
      resumeJournal(
        parameters(keystore, { confirmResend: () => Promise.reject(new CancelledError('declined')) }),
      ),
    ).rejects.toBeInstanceOf(CancelledError);

    expect(puts()).toEqual([]);
    expect(states()).toEqual(['signed']);
  });

  it('`announced` and unknown → announced again without asking', async () => {
    const { keystore, entries } = await withJournal((w) => signedEntry(w, { state: 'announced' }));

    await resumeJournal(parameters(keystore, { confirmResend: () => Promise.reject(new Error('asked')) }));

    expect(world.chain.announced).toEqual([entries[0]!.payload]);
  });

  it('re-announced and rejected by the node → counted failed, the next entry still settled', async () => {
    const { keystore, entries } = await withJournal(
      (w) => signedEntry(w, { multiplier: 100n }),
      (w) => signedEntry(w, { multiplier: 101n }),
    );
    world.chain.rejectNext('Failure_Core_Insufficient_Balance');
    world.chain.setStatus(entries[1]!.hash, 'confirmed');

    const outcome = await resumeJournal(parameters(keystore));

    expect(outcome).toEqual({
      confirmed: [entries[1]!.hash],
      failed: [entries[0]!.hash],
      pending: undefined,
    });
    expect(states()).toEqual(['failed', 'confirmed']);
  });

  it('oldest first, and stops at the first entry still pending', async () => {
    const { keystore, entries } = await withJournal(
      (w) => signedEntry(w, { multiplier: 100n }),
      (w) => signedEntry(w, { multiplier: 101n }),
      (w) => signedEntry(w, { multiplier: 102n }),
    );
    world.chain.setStatus(entries[0]!.hash, 'confirmed');
    world.chain.setStatus(entries[1]!.hash, 'unconfirmed');

    const outcome = await resumeJournal(parameters(keystore, { confirmationTimeoutMs: 30_000 }));

    expect(outcome).toEqual({ confirmed: [entries[0]!.hash], failed: [], pending: entries[1]!.hash });
    expect(states()).toEqual(['confirmed', 'announced', 'announced']);
    expect(world.node.calls({ path: `/transactionStatus/${entries[2]!.hash}` })).toEqual([]);
  });

  it('settled entries are left alone', async () => {
    const { keystore } = await withJournal(
      (w) => signedEntry(w, { state: 'confirmed', multiplier: 100n }),
      (w) => signedEntry(w, { state: 'failed', multiplier: 101n }),
    );

    const outcome = await resumeJournal(parameters(keystore));

    expect(outcome).toEqual({ confirmed: [], failed: [], pending: undefined });
    expect(world.node.requests).toEqual([]);
  });

  it('a bonded aggregate (announceAs partial) unknown to the node goes to /transactions/partial, and --no-wait does not wait for its cosignatures', async () => {
    const { keystore, entries } = await withJournal((w) => ({ ...signedEntry(w), announceAs: 'partial' }));
    const partial: string[] = [];

    const outcome = await resumeJournal(
      parameters(keystore, {
        announcePartial: (payload) =>
          Promise.resolve(void partial.push(Buffer.from(payload).toString('hex').toUpperCase())),
        waitForPartial: false,
      }),
    );

    expect(partial).toEqual([entries[0]!.payload]);
    expect(world.chain.announced).toEqual([]);
    expect(outcome).toEqual({ confirmed: [], failed: [], pending: entries[0]!.hash });
    expect(states()).toEqual(['announced']);
  });

  it('a bonded aggregate the node already holds is not announced again; waited for unless --no-wait', async () => {
    const { keystore, entries } = await withJournal((w) => ({ ...signedEntry(w), announceAs: 'partial' }));
    world.chain.setStatus(entries[0]!.hash, 'unconfirmed');
    const partial: Uint8Array[] = [];

    const outcome = await resumeJournal(
      parameters(keystore, {
        announcePartial: (payload) => Promise.resolve(void partial.push(payload)),
        waitForPartial: false,
      }),
    );

    expect(partial).toEqual([]);
    expect(puts()).toEqual([]);
    expect(outcome.pending).toBe(entries[0]!.hash);
  });
});
