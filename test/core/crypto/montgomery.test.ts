import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import {
  addEightToScalar,
  clampedScalarBytes,
  FIELD_PRIME,
  Fp,
  GROUP_ORDER,
  MAP_CONSTANT,
  packEdwards,
  unpackEdwardsY,
} from '../../../src/core/crypto/montgomery.js';
import { createDelegationOpener } from '../../../src/core/crypto/openDelegationRecords.js';
import { seededBytes, TORSION } from '../../helpers/hostileKeys.js';

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** Miller–Rabin with fixed bases: enough to confirm a published prime. */
function isProbablePrime(n: bigint): boolean {
  let d = n - 1n;
  let r = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    r += 1;
  }
  for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n]) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let i = 1; i < r && composite; i++) {
      x = (x * x) % n;
      if (x === n - 1n) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

/** noble's verdict: a canonical point on the curve, not small order, torsion-free (deriveSharedKey's checks). */
function nobleIsPrimeOrder(bytes: Uint8Array): boolean {
  try {
    const point = ed25519.Point.fromBytes(bytes);
    return !point.isSmallOrder() && point.isTorsionFree();
  } catch {
    return false;
  }
}

describe('Montgomery constants', () => {
  it('the map constant c satisfies c² = -486664 and maps the Ed25519 base point to u = 9', () => {
    expect(Fp.sqr(MAP_CONSTANT)).toBe(Fp.neg(486664n));
    const { x, y } = ed25519.Point.BASE.toAffine();
    const u = Fp.div(Fp.add(1n, y), Fp.sub(1n, y));
    expect(u).toBe(9n);
    const v = Fp.div(Fp.mul(MAP_CONSTANT, u), x);
    expect(Fp.sqr(v)).toBe(Fp.add(Fp.add(Fp.mul(Fp.sqr(u), u), Fp.mul(486662n, Fp.sqr(u))), u));
  });

  it("the written-out constants are noble's: p, L (a prime), c", () => {
    expect(FIELD_PRIME).toBe(ed25519.Point.Fp.ORDER);
    expect(GROUP_ORDER).toBe(ed25519.Point.Fn.ORDER);
    expect(isProbablePrime(GROUP_ORDER)).toBe(true);
    expect(MAP_CONSTANT).toBe(ed25519.Point.Fp.sqrt(ed25519.Point.Fp.neg(486664n)));
  });
});

describe('the native opener refuses what the node refuses (two ladders and the on-curve test, no [L]·A)', () => {
  const opener = createDelegationOpener(seededBytes('node-key')(32));
  const classify = (bytes: Uint8Array): boolean => opener.sharedKeys([bytes])[0] !== undefined;

  it('agrees with noble on 600 random y (about half off the curve)', () => {
    const random = seededBytes('random-y');
    let valid = 0;
    for (let i = 0; i < 600; i++) {
      const bytes = random(32);
      const noble = nobleIsPrimeOrder(bytes);
      expect(classify(bytes), `case ${i}`).toBe(noble);
      if (noble) valid += 1;
    }
    // random y: half on the curve, an eighth of those torsion-free
    expect(valid).toBeGreaterThan(10);
    expect(valid).toBeLessThan(80);
  });

  it('accepts 100 public keys and refuses each of them plus any of the 7 non-zero torsion points', () => {
    const random = seededBytes('keys');
    for (let i = 0; i < 100; i++) {
      const point = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
      expect(classify(point.toBytes())).toBe(true);
      for (const torsion of TORSION.slice(1)) {
        const bytes = point.add(torsion).toBytes();
        expect(nobleIsPrimeOrder(bytes)).toBe(false);
        expect(classify(bytes)).toBe(false);
      }
    }
  });

  it('refuses the 8 small-order points and non-canonical encodings', () => {
    for (const torsion of TORSION) expect(classify(torsion.toBytes())).toBe(false);
    for (let excess = 0n; excess < 19n; excess++) {
      for (const sign of [0n, 1n]) {
        const raw = packEdwards(FIELD_PRIME + excess, sign);
        expect(unpackEdwardsY(raw)).toBeUndefined();
        expect(classify(raw)).toBe(false);
        expect(nobleIsPrimeOrder(raw)).toBe(false);
      }
    }
  });
});

const value = (bytes: Uint8Array) => BigInt('0x' + Buffer.from(bytes).reverse().toString('hex'));

describe('scalar helpers', () => {
  it('clampedScalarBytes is the scalar noble uses, and adding 8 stays clamped except at 2^255 - 8', () => {
    const random = seededBytes('scalars');
    for (let i = 0; i < 50; i++) {
      const seed = random(32);
      const scalar = clampedScalarBytes(seed);
      // noble reduces the clamped scalar mod L; ours stays unreduced as catapult and X25519 use it
      expect(value(scalar) % GROUP_ORDER).toBe(ed25519.utils.getExtendedPublicKey(seed).scalar % GROUP_ORDER);
      expect(value(scalar) >> 254n).toBe(1n);
      expect(value(scalar) % 8n).toBe(0n);
      const plusEight = addEightToScalar(scalar)!;
      expect(value(plusEight)).toBe(value(scalar) + 8n);
    }
    const largest = new Uint8Array(32).fill(0xff);
    largest[0] = 0xf8;
    largest[31] = 0x7f;
    expect(addEightToScalar(largest)).toBeUndefined();
  });
});
