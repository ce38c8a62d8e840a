import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src/core/bytes.js';
import { encryptAesGcm } from '../../../src/core/crypto/aesGcm.js';
import { chooseCompanion } from '../../../src/core/crypto/chooseCompanion.js';
import { fieldToBytes, GROUP_ORDER } from '../../../src/core/crypto/montgomery.js';
import { createOpenerForScalar } from '../../../src/core/crypto/openDelegationRecords.js';
import { hkdfCatapult } from '../../../src/core/crypto/sharedKey.js';
import { seededBytes, TORSION } from '../../helpers/hostileKeys.js';

const LOWEST = 1n << 254n;
const HIGHEST = 1n << 255n;
const L = GROUP_ORDER;

/** The clamped scalar (bit 254 set, bit 255 and bits 0–2 clear) congruent to `residue` mod L, if there is one. */
function clampedWithResidue(residue: bigint): bigint | undefined {
  for (let multiple = 0n; multiple < 16n; multiple++) {
    const candidate = residue + L * multiple;
    if (candidate % 8n === 0n && candidate >= LOWEST && candidate < HIGHEST) return candidate;
  }
  return undefined;
}

function clampedFrom(bytes: Uint8Array): bigint {
  const scalar = new Uint8Array(bytes);
  scalar[0]! &= 0xf8;
  scalar[31]! &= 0x7f;
  scalar[31]! |= 0x40;
  return BigInt('0x' + Buffer.from(scalar).reverse().toString('hex'));
}

function expectValid(scalar: bigint): void {
  const companion = chooseCompanion(scalar);
  if (companion.kind !== 'companion') throw new Error(`no companion for ${scalar}`);
  const { scalar: k, delta } = companion;
  expect(k % 8n).toBe(0n);
  expect(k >= LOWEST && k < HIGHEST).toBe(true);
  const target = (((scalar + delta) % L) + L) % L;
  expect([target, (L - target) % L]).toContain(k % L);
}

describe('chooseCompanion', () => {
  it('finds a clamped k ≡ ±(s ± 1) (mod L) for 2,000 random clamped scalars', () => {
    const random = seededBytes('companion');
    for (let i = 0; i < 2000; i++) expectValid(clampedFrom(random(32)));
  });

  it('finds one where the k of one δ and sign lies within 2^128 of 0 or 8L (both signs fail for that δ)', () => {
    let tested = 0;
    for (const k of [8n, 16n, 8n << 100n, 8n * L - 8n, 8n * L - 16n, 1n << 255n, (1n << 255n) + 8n]) {
      for (const delta of [1n, -1n]) {
        for (const sign of [1n, -1n]) {
          const residue = (((sign * k - delta) % L) + L) % L;
          const scalar = clampedWithResidue(residue);
          if (scalar === undefined) continue; // about half the residues have no clamped scalar
          expectValid(scalar);
          tested += 1;
        }
      }
    }
    expect(tested).toBeGreaterThan(8);
    expectValid(LOWEST);
    expectValid(HIGHEST - 8n);
  });

  it('reports s ≡ ±1 (mod L), where the two-ladder method degenerates (only -1 has a clamped scalar: 5L - 1)', () => {
    expect(clampedWithResidue(1n)).toBeUndefined();
    expect(clampedWithResidue(L - 1n)).toBe(5n * L - 1n);
    expect(chooseCompanion(5n * L - 1n)).toEqual({ kind: 'plusMinusOne', sign: -1 });
    expect(chooseCompanion(L + 1n)).toEqual({ kind: 'plusMinusOne', sign: 1 });
  });
});

describe('the opener for s = 5L - 1 ≡ -1 (mod L) (S = -A; no hash gives such a key, so the scalar is given directly)', () => {
  const scalar = 5n * L - 1n;
  it("gives the node's key for 50 valid ephemeral keys, the zero-key fallback for torsion and small order", () => {
    const opener = createOpenerForScalar(fieldToBytes(scalar));
    const random = seededBytes('minus-one');
    for (let i = 0; i < 50; i++) {
      const point = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
      // the node multiplies by the clamped scalar itself: s·A = (s mod L)·A
      const expected = hkdfCatapult(point.multiply(scalar % L).toBytes());
      expect(opener.sharedKeys([point.toBytes()])).toEqual([expected]);
      for (const torsion of TORSION.slice(1))
        expect(opener.sharedKeys([point.add(torsion).toBytes()])).toEqual([undefined]);
    }
    for (const torsion of TORSION) expect(opener.sharedKeys([torsion.toBytes()])).toEqual([undefined]);
  });

  it('opens a record sealed for such a node, and refuses it with the sign bit of the ephemeral key flipped', () => {
    const opener = createOpenerForScalar(fieldToBytes(scalar));
    const ephemeral = ed25519.Point.fromBytes(ed25519.getPublicKey(seededBytes('eph')(32)));
    const key = hkdfCatapult(ephemeral.multiply(scalar % L).toBytes());
    const record = sealWith(key, ephemeral.toBytes());
    const opened = opener.open(record);
    expect(opened.ok).toBe(true);
    expect(opened.ok && opened.zeroKeyFallback).toBe(false);
    const flipped = record.slice();
    flipped[31]! ^= 0x80;
    expect(opener.open(flipped).ok).toBe(false);
  });
});

function sealWith(key: Uint8Array, ephemeralPublicKey: Uint8Array): Uint8Array {
  return concatBytes(
    ephemeralPublicKey,
    encryptAesGcm(key, new Uint8Array(12).fill(7), new Uint8Array(64).fill(9)),
  );
}

describe('the opener for a node whose companion needs δ = -1 (the k of s + 1 lies within 8 of 0 or 8L)', () => {
  it("gives the node's key for 50 valid ephemeral keys, the zero-key fallback for torsion", () => {
    const scalar = [7n, L - 9n].map(clampedWithResidue).find((candidate) => candidate !== undefined)!;
    expect(chooseCompanion(scalar)).toMatchObject({ kind: 'companion', delta: -1n });
    const opener = createOpenerForScalar(fieldToBytes(scalar));
    const random = seededBytes('delta-minus-one');
    for (let i = 0; i < 50; i++) {
      const point = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
      expect(opener.sharedKeys([point.toBytes()])).toEqual([
        hkdfCatapult(point.multiply(scalar % L).toBytes()),
      ]);
      expect(opener.sharedKeys([point.add(TORSION[1 + (i % 7)]!).toBytes()])).toEqual([undefined]);
    }
  });
});
