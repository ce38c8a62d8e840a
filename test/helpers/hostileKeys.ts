/** Inputs for tests that feed the curve code hostile keys: reproducible bytes and the eight torsion points. */
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';

/** Deterministic bytes: SHA-256(label | counter) blocks, so a failing case can be replayed. */
export function seededBytes(label: string): (length: number) => Uint8Array {
  let counter = 0;
  return (length: number) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 32) {
      const block = createHash('sha256').update(`${label}/${counter++}`).digest();
      out.set(block.subarray(0, Math.min(32, length - offset)), offset);
    }
    return out;
  };
}

/** A point of order 8 (catapult's and libsodium's small-order list). */
export const ORDER_8_POINT = ed25519.Point.fromBytes(
  Uint8Array.from(Buffer.from('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'hex')),
);

/** The eight points of the torsion subgroup: i·T for a point T of order 8 (index 0 is the neutral point). */
export const TORSION = Array.from({ length: 8 }, (_, i) => ORDER_8_POINT.multiplyUnsafe(BigInt(i)));
