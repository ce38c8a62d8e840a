/**
 * Native X25519 (OpenSSL through node:crypto) used for Symbol's Edwards key agreement (docs/performance.md "Techniques").
 *
 * Symbol's shared secret is the packed Edwards point s·A (y and the sign of x); X25519 computes only the Montgomery
 * u of the same product. The two curves are the same group under the birational map
 *
 *   Edwards (x, y)  ->  Montgomery (u, v) = ((1 + y) / (1 - y), c·u / x)     c² = -(A + 2) = -486664
 *   Montgomery (u, v)  ->  Edwards (x, y) = (c·u / v, (u - 1) / (u + 1))
 *
 * on the Montgomery curve v² = u³ + A·u² + u, A = 486662 (RFC 7748 §4.1). X25519 clamps its scalar exactly as
 * Ed25519 and catapult do (b[0] &= F8, b[31] &= 7F, b[31] |= 40), so the node's scalar goes in unchanged.
 *
 * NOT CONSTANT-TIME: the BigInt field arithmetic here (conversions, inversions, y-recovery) runs in time that depends
 * on its inputs. It only ever touches public points and public results (ephemeral and node public keys, the shared
 * point, which is an HKDF input like any other public-looking value of the same size); private scalars stay inside
 * OpenSSL's constant-time X25519. The shared point is secret, though: a local timing observer of this process could
 * learn something about it. That is the price of the speed-up, written down here as docs/performance.md asks.
 */
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { bytesToNumberLE, FIELD_PRIME, Fp, numberToBytesLE } from './field25519.js';

/** The prime field of Curve25519 and Edwards25519, p = 2^255 - 19 (field25519.ts, BigInt). */
export { Fp, FIELD_PRIME };
/** L = 2^252 + 27742317777372353535851937790883648493, the prime order of the main subgroup. */
export const GROUP_ORDER = (1n << 252n) + 27742317777372353535851937790883648493n;
/** The Montgomery coefficient A of Curve25519. */
export const MONTGOMERY_A = 486662n;
/**
 * c = one square root of -486664 (c² = -(A + 2), checked in the tests); either root gives a valid isomorphism as
 * long as both directions use it. This is the root noble's field returns, written out to spare a square root at load.
 */
export const MAP_CONSTANT = 51042569399160536130206135233146329284152202253034631822681833788666877215207n;

/** A Montgomery point with both coordinates. */
export interface MontgomeryPoint {
  readonly u: bigint;
  readonly v: bigint;
}

/** The right-hand side of the Montgomery equation, u³ + A·u² + u (= v² on the curve). */
export function montgomeryRhs(u: bigint): bigint {
  return Fp.mul(u, Fp.add(Fp.mul(u, Fp.add(u, MONTGOMERY_A)), 1n));
}

/**
 * The little-endian y of a packed Edwards point and its sign bit; undefined when y is not canonical (y >= p), which
 * catapult's IsCanonicalKey rejects.
 *
 *   bytes 0..31: y little-endian in bits 0..254, sign of x in bit 255
 */
export function unpackEdwardsY(bytes: Uint8Array): { y: bigint; sign: number } | undefined {
  const sign = (bytes[31]! >> 7) & 1;
  const copy = new Uint8Array(bytes.subarray(0, 32)); // a copy even of a Buffer, whose slice() is a view
  copy[31]! &= 0x7f;
  const y = bytesToNumberLE(copy);
  return y < FIELD_PRIME ? { y, sign } : undefined;
}

/** Packs an Edwards point given by y and x into Ed25519's 32 bytes: y little-endian, x's parity in bit 255. */
export function packEdwards(y: bigint, x: bigint): Uint8Array {
  const bytes = numberToBytesLE(y, 32);
  bytes[31]! |= Number(x & 1n) << 7;
  return bytes;
}

/** 32 little-endian bytes of a field element (an X25519 u-coordinate). */
export function fieldToBytes(value: bigint): Uint8Array {
  return numberToBytesLE(value, 32);
}

/** A field element from 32 little-endian bytes (X25519 output is always reduced). */
export function bytesToField(bytes: Uint8Array): bigint {
  return Fp.create(bytesToNumberLE(bytes));
}

/**
 * Okeya–Sakurai y-recovery: v of P from u(P), u(P + R) and the full point R (R ≠ ±P, v_R ≠ 0), returned as the
 * fraction numerator / denominator so that callers can batch the inversion. From the addition law
 * u(P+R) = ((v_P - v_R) / (u_P - u_R))² - A - u_P - u_R:
 *
 *   v_P = (f(u_P) + f(u_R) - (u_{P+R} + A + u_P + u_R)·(u_P - u_R)²) / (2·v_R),   f(u) = u³ + A·u² + u
 */
export function recoverV(
  uP: bigint,
  uPplusR: bigint,
  r: MontgomeryPoint,
): { numerator: bigint; denominator: bigint } {
  const difference = Fp.sub(uP, r.u);
  const sum = Fp.add(Fp.add(uPplusR, MONTGOMERY_A), Fp.add(uP, r.u));
  const numerator = Fp.sub(Fp.add(montgomeryRhs(uP), montgomeryRhs(r.u)), Fp.mul(sum, Fp.sqr(difference)));
  return { numerator, denominator: Fp.add(r.v, r.v) };
}

/** The clamped scalar bytes of an Ed25519 private key: SHA-512(seed)[0..32] with catapult's clamp. Secret. */
export function clampedScalarBytes(privateKey: Uint8Array): Uint8Array {
  const digest = createHash('sha512').update(privateKey).digest();
  const scalar = new Uint8Array(digest.subarray(0, 32));
  digest.fill(0);
  scalar[0]! &= 0xf8;
  scalar[31]! &= 0x7f;
  scalar[31]! |= 0x40;
  return scalar;
}

/**
 * scalar + 8 as clamped scalar bytes, or undefined when the sum leaves the clamped range (only for the largest
 * clamped scalar 2^255 - 8, probability 2^-251).
 */
export function addEightToScalar(scalar: Uint8Array): Uint8Array | undefined {
  const sum = scalar.slice();
  let carry = 8;
  for (let index = 0; index < 32 && carry !== 0; index += 1) {
    const total = sum[index]! + carry;
    sum[index] = total & 0xff;
    carry = total >> 8;
  }
  return carry === 0 && sum[31]! < 0x80 ? sum : undefined;
}

// JWK members are base64url; Buffer is used only for that conversion (core otherwise works on Uint8Array).
const BASE64URL = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
/** Node requires an `x` member in a private JWK but derives the public key from `d`; any 32 bytes do. */
const PLACEHOLDER_X = BASE64URL(Uint8Array.of(9, ...new Uint8Array(31)));

/**
 * An X25519 private KeyObject for the given scalar bytes, built by JWK import (10× faster than PKCS#8, and free of
 * the Node 20 export deadlock of generated keys). OpenSSL clamps the scalar again, which changes nothing here.
 */
export function importX25519PrivateKey(scalar: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: BASE64URL(scalar), x: PLACEHOLDER_X },
    format: 'jwk',
  });
}

/** An X25519 public KeyObject for a u-coordinate. */
export function importX25519PublicKey(u: bigint): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: BASE64URL(fieldToBytes(u)) },
    format: 'jwk',
  });
}

/** u(scalar · 9): the X25519 public key of an imported private key (computed by OpenSSL at import). */
export function x25519PublicU(privateKey: KeyObject): bigint {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return bytesToField(Buffer.from(jwk.x ?? '', 'base64url'));
}

/** u(scalar · P) by X25519, or undefined when OpenSSL refuses an all-zero result (P of small order). */
export function x25519(privateKey: KeyObject, publicKey: KeyObject): bigint | undefined {
  try {
    return bytesToField(diffieHellman({ privateKey, publicKey }));
  } catch {
    return undefined;
  }
}
