/**
 * Arithmetic modulo p = 2^255 - 19 on BigInt, for the public-point conversions around native X25519
 * (montgomery.ts, decodeEdwardsPoint.ts, openDelegationRecords.ts). Its own small module rather than noble's field
 * object: loading noble's ed25519 module builds curve tables that `decrypt-check` would pay for at every start
 * (docs/performance.md, "Start-up"), and the reduction below is about twice as fast as BigInt `%`.
 *
 * Every function takes and returns reduced values (0 <= x < p) unless it says otherwise.
 *
 * NOT CONSTANT-TIME: BigInt arithmetic runs in time that depends on its inputs. Used on public points and on the
 * shared point only, never on private scalars (montgomery.ts says why that is acceptable).
 */

/** p = 2^255 - 19. */
export const FIELD_PRIME = (1n << 255n) - 19n;

const LOW_255_BITS = (1n << 255n) - 1n;

/**
 * x mod p for 0 <= x < 2^510 (a product of two reduced values): 2^255 ≡ 19, so the high part folds down times 19,
 * twice, and one subtraction finishes.
 */
function reduceProduct(x: bigint): bigint {
  let r = (x & LOW_255_BITS) + 19n * (x >> 255n);
  r = (r & LOW_255_BITS) + 19n * (r >> 255n);
  return r >= FIELD_PRIME ? r - FIELD_PRIME : r;
}

/** Any integer (negative too) reduced into [0, p). */
export function reduce(x: bigint): bigint {
  const r = x % FIELD_PRIME;
  return r < 0n ? r + FIELD_PRIME : r;
}

export function add(a: bigint, b: bigint): bigint {
  const r = a + b;
  return r >= FIELD_PRIME ? r - FIELD_PRIME : r;
}

export function sub(a: bigint, b: bigint): bigint {
  const r = a - b;
  return r < 0n ? r + FIELD_PRIME : r;
}

export function neg(a: bigint): bigint {
  return a === 0n ? 0n : FIELD_PRIME - a;
}

export function mul(a: bigint, b: bigint): bigint {
  return reduceProduct(a * b);
}

export function sqr(a: bigint): bigint {
  return reduceProduct(a * a);
}

/** a^e by square-and-multiply (e >= 0). Slow (about 130 µs for a 255-bit e): constants and tests only. */
export function pow(a: bigint, e: bigint): bigint {
  let result = 1n;
  let base = a;
  for (let rest = e; rest > 0n; rest >>= 1n) {
    if ((rest & 1n) === 1n) result = mul(result, base);
    base = sqr(base);
  }
  return result;
}

/** 1/a, or 0 for a = 0 (the callers treat 0 as "no inverse"). */
export function invert(a: bigint): bigint {
  return a === 0n ? 0n : invertModulo(a, FIELD_PRIME);
}

/**
 * The inverses of many values with one inversion (Montgomery's trick: prefix products, one inverse, then back
 * down: three multiplications per value). Zeros stay zero and do not spoil the others.
 */
export function invertBatch(values: readonly bigint[]): bigint[] {
  const prefix = new Array<bigint>(values.length);
  let running = 1n;
  values.forEach((value, index) => {
    prefix[index] = running;
    if (value !== 0n) running = mul(running, value);
  });
  let inverse = invert(running);
  const result = new Array<bigint>(values.length);
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const value = values[index]!;
    if (value === 0n) {
      result[index] = 0n;
      continue;
    }
    result[index] = mul(inverse, prefix[index]!);
    inverse = mul(inverse, value);
  }
  return result;
}

/** a⁻¹ mod m for gcd(a, m) = 1 by the extended Euclidean algorithm (also used modulo the group order L). */
export function invertModulo(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1n) throw new RangeError('not invertible');
  return ((oldS % m) + m) % m;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The integer of little-endian bytes (any length); through hex, which BigInt parses natively. */
export function bytesToNumberLE(bytes: Uint8Array): bigint {
  let hex = '0x0';
  for (let index = bytes.length - 1; index >= 0; index -= 1) hex += HEX[bytes[index]!]!;
  return BigInt(hex);
}

/** `length` little-endian bytes of a non-negative integer below 2^(8·length). */
export function numberToBytesLE(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0');
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) {
    const at = hex.length - 2 * (index + 1);
    bytes[index] = Number.parseInt(hex.slice(at, at + 2), 16);
  }
  return bytes;
}

/**
 * The same operations as one object, in the shape of noble's field (`Fp.mul`, `Fp.invertBatch`, …), for the modules
 * that were written against it.
 */
export const Fp = {
  ORDER: FIELD_PRIME,
  create: reduce,
  add,
  sub,
  neg,
  mul,
  sqr,
  pow,
  inv: invert,
  invertBatch,
  div: (a: bigint, b: bigint): bigint => mul(a, invert(b)),
  eql: (a: bigint, b: bigint): boolean => a === b,
} as const;
