/** decideKeepAction (docs/commands/keep.md, "What it does, every round"): the whole decision table, as pure cases. */
import { describe, expect, it } from 'vitest';
import { decideKeepAction, type KeepFacts } from '../../../src/core/harvesting/decideKeepAction.js';

const NOW = '2026-12-06T12:00:00.000Z';
const thresholds = { graceBlocks: 10n, switchAfterBlocks: 30n };
const facts = (more: Partial<KeepFacts> = {}): KeepFacts => ({
  state: 'ACTIVATION_PENDING',
  reasons: ['NODE_FULL_LIKELY'],
  chainHeight: 1000n,
  delegated: true,
  transactionInFlight: false,
  requestSentThisOutage: false,
  blocksSinceRequest: undefined,
  canSign: true,
  hasFallback: false,
  now: NOW,
  ...more,
});
const since = (height: bigint) => ({ sinceHeight: height, since: '2026-12-06T11:00:00.000Z' });

describe('decideKeepAction', () => {
  it('ACTIVE and OPERATOR: nothing, and the outage is over', () => {
    for (const state of ['ACTIVE', 'OPERATOR'] as const) {
      expect(decideKeepAction(facts({ state, reasons: [] }), since(1n), thresholds)).toEqual({
        action: 'none',
        reasons: [],
        outage: undefined,
      });
    }
  });

  it('an outage starts at the first round that sees it, and waits out the grace', () => {
    const first = decideKeepAction(facts(), undefined, thresholds);
    expect(first).toEqual({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'GRACE'],
      outage: { sinceHeight: 1000n, since: NOW },
    });
    expect(decideKeepAction(facts({ chainHeight: 1009n }), first.outage, thresholds).action).toBe('wait');
    expect(decideKeepAction(facts({ chainHeight: 1010n }), first.outage, thresholds)).toMatchObject({
      action: 'request',
      outage: first.outage,
    });
  });

  it('never a second request in one outage: waits, then switches when a fallback is given', () => {
    const sent = facts({ requestSentThisOutage: true });
    expect(decideKeepAction({ ...sent, chainHeight: 1029n }, since(1000n), thresholds)).toMatchObject({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'REQUEST_SENT'],
    });
    expect(decideKeepAction({ ...sent, chainHeight: 1030n }, since(1000n), thresholds)).toMatchObject({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'REQUEST_SENT', 'NO_FALLBACK'],
    });
    expect(
      decideKeepAction({ ...sent, chainHeight: 1030n, hasFallback: true }, since(1000n), thresholds).action,
    ).toBe('switch');
  });

  it('a switch also waits --switch-after blocks from the newest request (a fallback gets its time too)', () => {
    const sent = facts({ requestSentThisOutage: true, hasFallback: true, chainHeight: 2000n });
    expect(decideKeepAction({ ...sent, blocksSinceRequest: 29n }, since(1000n), thresholds)).toMatchObject({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'REQUEST_SENT'],
    });
    expect(decideKeepAction({ ...sent, blocksSinceRequest: 30n }, since(1000n), thresholds).action).toBe(
      'switch',
    );
  });

  it('diagnostics off: nothing is known to be wrong, so no outage opens or advances', () => {
    const blind = facts({ reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'], chainHeight: 5000n, hasFallback: true });
    expect(decideKeepAction(blind, undefined, thresholds)).toEqual({
      action: 'wait',
      reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'],
      outage: undefined,
    });
    expect(decideKeepAction(blind, since(1000n), thresholds)).toMatchObject({
      action: 'wait',
      outage: since(1000n),
    });
  });

  it('an outage remembered from a higher chain (a reset network) starts again', () => {
    expect(decideKeepAction(facts({ chainHeight: 50n }), since(1000n), thresholds)).toMatchObject({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'GRACE'],
      outage: { sinceHeight: 50n, since: NOW },
    });
  });

  it('a node gone: no request to it, a switch after --switch-after', () => {
    const gone = facts({ state: 'UNKNOWN', reasons: ['NODE_UNREACHABLE'], hasFallback: true });
    expect(decideKeepAction({ ...gone, chainHeight: 1020n }, since(1000n), thresholds).action).toBe('wait');
    expect(decideKeepAction({ ...gone, chainHeight: 1030n }, since(1000n), thresholds).action).toBe('switch');
    const unknown = { ...gone, reasons: ['LINKED_TO_OTHER_NODE' as const], chainHeight: 1030n };
    expect(decideKeepAction(unknown, since(1000n), thresholds).action).toBe('switch');
  });

  it('importance 0 or a balance out of range waits, however long the outage', () => {
    for (const reason of ['ZERO_IMPORTANCE', 'BALANCE_BELOW_MINIMUM', 'BALANCE_ABOVE_MAXIMUM'] as const) {
      const decision = decideKeepAction(
        facts({ state: 'KEYS_LINKED', reasons: [reason], chainHeight: 5000n }),
        since(1000n),
        thresholds,
      );
      expect(decision).toMatchObject({ action: 'wait', reasons: [reason] });
    }
  });

  it('a transaction in flight is settled, never doubled; without the main key it is only watched', () => {
    expect(decideKeepAction(facts({ transactionInFlight: true }), since(1n), thresholds)).toMatchObject({
      action: 'settle',
      outage: since(1n),
    });
    expect(
      decideKeepAction(facts({ transactionInFlight: true, canSign: false }), since(1n), thresholds),
    ).toMatchObject({ action: 'wait', reasons: expect.arrayContaining(['MAIN_KEY_REQUIRED']) });
    expect(
      decideKeepAction(facts({ canSign: false, chainHeight: 2000n }), since(1n), thresholds),
    ).toMatchObject({
      action: 'wait',
      reasons: ['NODE_FULL_LIKELY', 'MAIN_KEY_REQUIRED'],
    });
  });

  it('an account keep did not set up is left alone', () => {
    for (const state of ['INACTIVE', 'KEYS_LINKED', 'DEACTIVATION_PENDING'] as const) {
      const decision = decideKeepAction(
        facts({ state, reasons: [], delegated: state === 'DEACTIVATION_PENDING' }),
        since(1n),
        thresholds,
      );
      expect(decision).toEqual({ action: 'none', reasons: ['NOT_DELEGATED'], outage: undefined });
    }
  });

  it('--grace 0 sends in the round that sees the outage', () => {
    expect(decideKeepAction(facts(), undefined, { graceBlocks: 0n, switchAfterBlocks: 1n }).action).toBe(
      'request',
    );
  });
});
