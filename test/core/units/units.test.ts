/** The human units: XYM amounts and waits. */
import { describe, expect, it } from 'vitest';
import { describeWait } from '../../../src/core/units/describeWait.js';
import { describeXym } from '../../../src/core/units/describeXym.js';

describe('describeXym', () => {
  it.each<[bigint, string]>([
    [0n, '0.000000 XYM'],
    [1n, '0.000001 XYM'],
    [1_000_000n, '1.000000 XYM'],
    [12_345_678_901n, '12,345.678901 XYM'],
    [10_000_000_000n, '10,000.000000 XYM'],
    [7_842_928_625_000_000n, '7,842,928,625.000000 XYM'],
    [-1_500_000n, '-1.500000 XYM'],
  ])('%s µXYM → %s', (micro, text) => {
    expect(describeXym(micro)).toBe(text);
  });
});

describe('describeWait', () => {
  it.each<[number, string]>([
    [0, 'now'],
    [-5, 'now'],
    [Number.NaN, 'now'],
    [1, 'in about 1 s'],
    [19, 'in about 19 s'],
    [89, 'in about 89 s'],
    [90, 'in about 2 min'],
    [360, 'in about 6 min'],
    [89 * 60, 'in about 89 min'],
    [90 * 60, 'in about 2 h'],
    [720 * 30, 'in about 6 h'],
    [35 * 3600, 'in about 35 h'],
    [36 * 3600, 'in about 2 d'],
    [10 * 86400, 'in about 10 d'],
  ])('%s s → %s', (seconds, text) => {
    expect(describeWait(seconds)).toBe(text);
  });
});
