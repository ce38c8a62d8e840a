/**
 * Strict decoding of a packed Edwards25519 point (catapult's IsCanonicalKey + UnpackNegative, noble's
 * `Point.fromBytes` without zip215), with its one square root computed by OpenSSL instead of BigInt arithmetic:
 * the root is most of the cost of decoding, and decoding was most of the cost of opening a record in JavaScript.
 *
 *   bytes 0..31: y little-endian in bits 0..254, the parity ("sign") of x in bit 255
 *
 *   y < p                                    else not canonical
 *   x² = (y² - 1) / (d·y² + 1)               d·y² + 1 is never 0 (-1/d is not a square)
 *   x  = (u·v³)·(u·v⁷)^((p-5)/8)             u = y² - 1, v = d·y² + 1 (RFC 8032 §5.1.3), times √-1 if v·x² = -u;
 *                                            no root when v·x² is neither u nor -u: not on the curve
 *   x = 0 with the sign bit set is refused   ("-0", RFC 8032)
 *   x := p - x when its parity differs from the sign bit
 *
 * The power is a modular exponentiation, and node:crypto exposes one: finite-field Diffie-Hellman computes
 * peer^private mod modulus in OpenSSL. OpenSSL refuses moduli under 512 bits, so the modulus is p·M with M = 2^257 + 1
 * (odd, as Montgomery multiplication needs): a^e mod p·M reduced mod p is a^e mod p. The "prime" is composite;
 * nothing here is Diffie-Hellman, only its exponentiation is borrowed. 3–4× faster than noble's BigInt power.
 *
 * Public inputs only (ephemeral keys of requests); not constant-time in the BigInt parts.
 */
import { Buffer } from 'node:buffer';
import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { FIELD_PRIME, Fp } from './field25519.js';
import { unpackEdwardsY } from './montgomery.js';

/** The Edwards coefficient d = -121665/121666 mod p (RFC 8032 §5.1; checked in the tests). */
export const EDWARDS_D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
/** √-1 = 2^((p-1)/4) mod p (checked in the tests). */
export const SQRT_MINUS_ONE = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
/** The exponent (p-5)/8 of RFC 8032's square root. */
const EXPONENT = (FIELD_PRIME - 5n) / 8n;
const MODULUS = FIELD_PRIME * ((1n << 257n) + 1n);

let power: DiffieHellman | undefined;

/** base^((p-5)/8) mod p by OpenSSL's modular exponentiation. */
function powerNatively(base: bigint): bigint {
  // OpenSSL refuses 0, 1 and modulus - 1 as a "public key"; 0 and 1 are their own powers, modulus - 1 > p
  if (base < 2n) return base;
  power ??= createPowerContext();
  const result = power.computeSecret(bigintToBytes(base, 32));
  return BigInt(`0x${result.toString('hex')}`) % FIELD_PRIME;
}

function createPowerContext(): DiffieHellman {
  const context = createDiffieHellman(bigintToBytes(MODULUS, 65), Uint8Array.of(2));
  context.setPrivateKey(bigintToBytes(EXPONENT, 32));
  return context;
}

/** Big-endian bytes of a non-negative integer (OpenSSL's BIGNUM order), zero-padded to `length`. */
function bigintToBytes(value: bigint, length: number): Uint8Array {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** An affine Edwards point. */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/**
 * The affine point of 32 packed bytes, decoded as strictly as noble's `Point.fromBytes` (the same points accepted,
 * the same coordinates), or undefined where that throws: y not canonical, no x on the curve, or "-0".
 */
export function decodeEdwardsPoint(bytes: Uint8Array): AffinePoint | undefined {
  if (bytes.length !== 32) return undefined;
  const unpacked = unpackEdwardsY(bytes);
  if (unpacked === undefined) return undefined;
  const { y, sign } = unpacked;
  const ySquared = Fp.sqr(y);
  const u = Fp.sub(ySquared, 1n);
  const v = Fp.add(Fp.mul(EDWARDS_D, ySquared), 1n);
  const vCubed = Fp.mul(Fp.sqr(v), v);
  let x = Fp.mul(Fp.mul(u, vCubed), powerNatively(Fp.mul(u, Fp.mul(Fp.sqr(vCubed), v))));
  const vxSquared = Fp.mul(v, Fp.sqr(x));
  if (vxSquared !== u) {
    if (vxSquared !== Fp.neg(u)) return undefined; // not a square: no point with this y
    x = Fp.mul(x, SQRT_MINUS_ONE);
  }
  if (x === 0n && sign === 1) return undefined;
  if (Number(x & 1n) !== sign) x = Fp.neg(x);
  return { x, y };
}
