import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE as nobleBytesToNumberLE } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { EDWARDS_D, SQRT_MINUS_ONE } from '../../../src/core/crypto/decodeEdwardsPoint.js';
import * as field from '../../../src/core/crypto/field25519.js';
import { seededBytes } from '../../helpers/hostileKeys.js';

const noble = ed25519.Point.Fp;
const P = field.FIELD_PRIME;

describe("field25519 against noble's field", () => {
  const random = seededBytes('field');
  const edges = [0n, 1n, 2n, 19n, P - 1n, P - 2n, (1n << 255n) - 20n, 1n << 254n, (1n << 128n) - 1n];
  const values = [
    ...edges,
    ...Array.from({ length: 400 }, () => noble.create(nobleBytesToNumberLE(random(32)))),
  ];

  it("add, sub, neg, mul, sqr give noble's results on random and edge values", () => {
    for (let i = 0; i < values.length; i++) {
      const a = values[i]!;
      const b = values[(i * 7 + 3) % values.length]!;
      expect(field.add(a, b)).toBe(noble.add(a, b));
      expect(field.sub(a, b)).toBe(noble.sub(a, b));
      expect(field.neg(a)).toBe(noble.neg(a));
      expect(field.mul(a, b)).toBe(noble.mul(a, b));
      expect(field.sqr(a)).toBe(noble.sqr(a));
      expect(field.reduce(a - P - b)).toBe(noble.create(a - P - b));
    }
  });

  it('inverts one by one and in a batch with zeros in it; pow; the written-out constants', () => {
    const batch = [...values.slice(0, 60), 0n, ...values.slice(60, 80), 0n];
    const inverses = field.invertBatch(batch);
    batch.forEach((value, index) => {
      expect(inverses[index]).toBe(value === 0n ? 0n : noble.inv(value));
      expect(field.invert(value)).toBe(value === 0n ? 0n : noble.inv(value));
    });
    expect(field.invertBatch([])).toEqual([]);
    expect(field.pow(values[20]!, 12345n)).toBe(noble.pow(values[20]!, 12345n));
    expect(EDWARDS_D).toBe(ed25519.Point.CURVE().d);
    expect(SQRT_MINUS_ONE).toBe(field.pow(2n, (P - 1n) / 4n));
    expect(field.sqr(SQRT_MINUS_ONE)).toBe(P - 1n);
    expect(() => field.invertModulo(6n, 9n)).toThrow(RangeError);
  });

  it('converts little-endian bytes both ways', () => {
    for (let i = 0; i < 100; i++) {
      const bytes = random(32);
      const value = field.bytesToNumberLE(bytes);
      expect(value).toBe(nobleBytesToNumberLE(bytes));
      expect(field.numberToBytesLE(value, 32)).toEqual(bytes);
    }
    expect(field.bytesToNumberLE(new Uint8Array(0))).toBe(0n);
    expect(field.numberToBytesLE(0n, 4)).toEqual(new Uint8Array(4));
  });
});
