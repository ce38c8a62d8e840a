/**
 * Symbol's shared key (docs/protocol.md §1; symbol/symbol client/catapult/src/catapult/crypto/SharedKey.cpp and
 * CryptoUtils.cpp; sdk/javascript/src/SharedKey.js). Verified against all 1001 entries of
 * tests/vectors/symbol/crypto/3.test-derive-hkdf.json.
 *
 *   s      = clamp(SHA-512(privateKey)[0..32])       b[0] &= F8, b[31] &= 7F, b[31] |= 40; not reduced mod L
 *   A      = the other public key as an Edwards point  canonical (y < 2^255-19), on the curve, [L]A = O
 *   secret = encode(s · A)                            32 bytes: y little-endian, sign of x in bit 255
 *   key    = HKDF-SHA256(ikm = secret, salt = 32 zero bytes, info = "catapult", length 32)
 *
 * This is the Edwards point itself, not X25519's Montgomery u-coordinate: X25519 gives a different HKDF input.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { hkdfCatapult } from './hkdfCatapult.js';
import { clampedScalarBytes } from './montgomery.js';

export { hkdfCatapult } from './hkdfCatapult.js';

const ED25519_ORDER = ed25519.Point.Fn.ORDER;

type EdwardsPoint = ReturnType<typeof ed25519.Point.fromBytes>;

/**
 * Derives the 32-byte AES key shared by `privateKey`'s owner and `otherPublicKey`'s owner (symmetric).
 * @throws {InputError} INVALID_KEY when `otherPublicKey` is non-canonical, off the curve, of small order or has a
 *   torsion component: with such a key the shared secret would be predictable
 */
export function deriveSharedKey(privateKey: Uint8Array, otherPublicKey: Uint8Array): Uint8Array {
  const point = decodePrimeOrderPoint(otherPublicKey);
  return hkdfCatapult(point.multiply(clampedScalar(privateKey)).toBytes());
}

/**
 * The clamped Ed25519 scalar of a private key, reduced mod L. Reducing changes nothing for the prime-order
 * points we multiply (s·A = (s mod L)·A when [L]A = O) and lets noble use its constant-time ladder. Computed from
 * SHA-512 directly: noble's getExtendedPublicKey would also derive the public key (and build its base-point table
 * on first use, about 50 ms).
 */
export function clampedScalar(privateKey: Uint8Array): bigint {
  if (privateKey.length !== 32) throw new InputError('INVALID_KEY', 'private key must be 32 bytes');
  const scalar = clampedScalarBytes(privateKey);
  try {
    return bytesToNumberLE(scalar) % ED25519_ORDER;
  } finally {
    wipe(scalar);
  }
}

/**
 * Decodes a public key that is safe to agree a key with: canonical, on the curve, neither small-order nor with a
 * torsion component (catapult's IsCanonicalKey + UnpackNegative + IsInMainSubgroup, plus its neutral-result check).
 * @throws {InputError} INVALID_KEY naming the failed check
 */
export function decodePrimeOrderPoint(publicKey: Uint8Array, name = 'public key'): EdwardsPoint {
  if (publicKey.length !== 32) throw new InputError('INVALID_KEY', `${name} must be 32 bytes`);
  let point: EdwardsPoint;
  try {
    point = ed25519.Point.fromBytes(publicKey); // strict: rejects y >= p and a bad sign of x = 0
  } catch {
    throw new InputError('INVALID_KEY', `${name} is not a canonical point on the curve`);
  }
  if (point.isSmallOrder()) throw new InputError('INVALID_KEY', `${name} is a point of small order`);
  if (!point.isTorsionFree())
    throw new InputError('INVALID_KEY', `${name} has a small-order (torsion) component`);
  return point;
}
