/** keep-state.json (src/core/harvesting/keepState.ts): round trip, the 24-hour fee window, and garbage refused. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_KEEP_STATE,
  feesOfLastDay,
  parseKeepState,
  recentFees,
  serializeKeepState,
} from '../../../src/core/harvesting/keepState.js';
import { InputError } from '../../../src/core/errors.js';
import { parseXym } from '../../../src/core/units/parseXym.js';

const ADDRESS = 'TDP3DEMKYPXN34WVDZH522LTDRRLFWLU4Z7K62I';

describe('keep state', () => {
  it('round-trips outages and fees', () => {
    const state = {
      outages: new Map([[ADDRESS, { sinceHeight: 123n, since: '2026-12-06T10:00:00.000Z' }]]),
      fees: [{ time: '2026-12-06T10:05:00.000Z', mainAddress: ADDRESS, fee: 38_400n }],
    };
    expect(parseKeepState(serializeKeepState(state), 'x')).toEqual(state);
    expect(parseKeepState(serializeKeepState(EMPTY_KEEP_STATE), 'x')).toEqual(EMPTY_KEEP_STATE);
  });

  it('counts only the fees of the last 24 hours', () => {
    const state = {
      outages: new Map(),
      fees: [
        { time: '2026-12-05T09:59:59.000Z', mainAddress: ADDRESS, fee: 1_000n },
        { time: '2026-12-05T10:00:01.000Z', mainAddress: ADDRESS, fee: 20n },
        { time: '2026-12-06T09:00:00.000Z', mainAddress: ADDRESS, fee: 3n },
      ],
    };
    const now = new Date('2026-12-06T10:00:00.000Z');
    expect(feesOfLastDay(state, now)).toBe(23n);
    expect(recentFees(state, now)).toHaveLength(2);
  });

  it('refuses a damaged file with INVALID_FILE naming it, never a crash', () => {
    const good = JSON.parse(serializeKeepState(EMPTY_KEEP_STATE));
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      JSON.stringify({ ...good, format: 'other' }),
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, outages: [] }),
      JSON.stringify({ ...good, outages: { [ADDRESS]: { sinceHeight: 1, since: 'now' } } }),
      JSON.stringify({
        ...good,
        outages: { [ADDRESS]: { sinceHeight: '-1', since: '2026-12-06T10:00:00Z' } },
      }),
      JSON.stringify({ ...good, fees: {} }),
      JSON.stringify({ ...good, fees: [{ time: 'yesterday', mainAddress: ADDRESS, fee: '1' }] }),
      JSON.stringify({ ...good, fees: [{ time: '2026-12-06T10:00:00Z', mainAddress: ADDRESS, fee: '1e9' }] }),
    ]) {
      let caught: unknown;
      try {
        parseKeepState(text, '/home/x/keep-state.json');
      } catch (error) {
        caught = error;
      }
      expect(caught, text).toBeInstanceOf(InputError);
      expect((caught as InputError).code).toBe('INVALID_FILE');
      expect((caught as InputError).message).toContain('/home/x/keep-state.json');
    }
  });
});

describe('parseXym', () => {
  it('reads XYM with up to six decimals as µXYM', () => {
    expect(parseXym('2.5', 'f')).toBe(2_500_000n);
    expect(parseXym(' 0.000001 ', 'f')).toBe(1n);
    expect(parseXym('10', 'f')).toBe(10_000_000n);
  });

  it('refuses anything else with INVALID_INPUT naming the flag', () => {
    for (const text of ['', '-1', '+1', '1e3', '1,000', '1.0000001', '.5', '5.', 'NaN', '0x10', '1 000']) {
      expect(() => parseXym(text, '--max-fee-per-day'), text).toThrow(/--max-fee-per-day/);
    }
  });
});
