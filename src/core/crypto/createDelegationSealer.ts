/**
 * Sealing delegation records with native X25519 (docs/performance.md "Techniques" 3): byte for byte what the plain noble
 * path (deriveSharedKey + ed25519.getPublicKey) gives for the same random bytes, several times faster.
 *
 * The sender draws an ephemeral private key e with clamped scalar k and needs two Edwards points in full:
 * E = k·B (the ephemeral public key) and S = k·N (the shared secret for the node key N). X25519 gives only u, so
 * per point two products are taken, u(k·P) and u((k + 8)·P), and with R = 8·P known in full (three doublings, once
 * per node key and once for B) the Montgomery addition law yields v(k·P) rationally (Okeya–Sakurai, montgomery.ts
 * recoverV), hence x and its sign. k + 8 is still a clamped scalar unless k = 2^255 - 8 (probability 2^-251): then the
 * plain path is used. u(k·B) is the X25519 public key OpenSSL already computed when importing k.
 *
 *   record = E (32) | tag (16) | iv (12) | AES-256-GCM(HKDF(pack(S)), iv, plaintext) (64)
 *
 * Not constant-time in the BigInt parts (see montgomery.ts); the ephemeral scalar only enters OpenSSL.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes, wipe } from '../bytes.js';
import { encryptAesGcm, GCM_IV_SIZE } from './aesGcm.js';
import type { RandomBytes } from './delegationFormat.js';
import {
  addEightToScalar,
  clampedScalarBytes,
  Fp,
  importX25519PrivateKey,
  importX25519PublicKey,
  MAP_CONSTANT,
  type MontgomeryPoint,
  packEdwards,
  recoverV,
  x25519,
  x25519PublicU,
} from './montgomery.js';
import { decodePrimeOrderPoint, deriveSharedKey, hkdfCatapult } from './sharedKey.js';

/** Seals records for one node key, after checking that key once. */
export interface DelegationSealer {
  /** The 124-byte record sealing `plaintext`, with the ephemeral key (32 bytes) then the IV drawn from `random`. */
  seal(plaintext: Uint8Array, random: RandomBytes): Uint8Array;
}

type EdwardsPoint = ReturnType<typeof ed25519.Point.fromBytes>;

/**
 * A sealer for the node whose transport public key is `nodePublicKey`.
 * @throws {InputError} INVALID_KEY when the node key is non-canonical, off the curve, of small order or has a torsion
 *   component (the same checks and messages as deriveSharedKey)
 */
export function createDelegationSealer(nodePublicKey: Uint8Array): DelegationSealer {
  const nodePoint = decodePrimeOrderPoint(nodePublicKey);
  const node = { full: toMontgomery(nodePoint), eight: toMontgomery(multiplyByEight(nodePoint)) };
  const nodeKey = importX25519PublicKey(node.full.u);
  const base = baseContext();
  const nodePublic = new Uint8Array(nodePublicKey); // a copy (Buffer.slice is a view)

  return {
    seal(plaintext, random) {
      const ephemeralPrivateKey = random(32);
      const iv = random(GCM_IV_SIZE);
      const points =
        sealNatively(ephemeralPrivateKey, nodeKey, node.eight, base.eight) ??
        sealPlainly(ephemeralPrivateKey, nodePublic);
      wipe(ephemeralPrivateKey);
      const sealed = encryptAesGcm(points.sharedKey, iv, plaintext);
      wipe(points.sharedKey);
      const record = new Uint8Array(32 + sealed.length);
      record.set(points.ephemeralPublicKey, 0);
      record.set(sealed, 32);
      return record;
    },
  };
}

let lastSealer: { readonly nodePublicKey: Uint8Array; readonly sealer: DelegationSealer } | undefined;

/** The sealer for `nodePublicKey`, reusing the last one built (one CLI run seals for one node). */
export function delegationSealerFor(nodePublicKey: Uint8Array): DelegationSealer {
  if (lastSealer === undefined || !equalBytes(lastSealer.nodePublicKey, nodePublicKey)) {
    lastSealer = {
      nodePublicKey: new Uint8Array(nodePublicKey),
      sealer: createDelegationSealer(nodePublicKey),
    };
  }
  return lastSealer.sealer;
}

interface SealedPoints {
  readonly ephemeralPublicKey: Uint8Array;
  readonly sharedKey: Uint8Array;
}

function sealPlainly(ephemeralPrivateKey: Uint8Array, nodePublicKey: Uint8Array): SealedPoints {
  return {
    ephemeralPublicKey: ed25519.getPublicKey(ephemeralPrivateKey),
    sharedKey: deriveSharedKey(ephemeralPrivateKey, nodePublicKey),
  };
}

/** E = k·B and S = k·N through four X25519 results; undefined for the rare inputs the plain path must handle. */
function sealNatively(
  ephemeralPrivateKey: Uint8Array,
  nodeKey: ReturnType<typeof importX25519PublicKey>,
  nodeEight: MontgomeryPoint,
  baseEight: MontgomeryPoint,
): SealedPoints | undefined {
  const scalar = clampedScalarBytes(ephemeralPrivateKey);
  const scalarPlusEight = addEightToScalar(scalar);
  if (scalarPlusEight === undefined) {
    wipe(scalar);
    return undefined;
  }
  const key = importX25519PrivateKey(scalar);
  const keyPlusEight = importX25519PrivateKey(scalarPlusEight);
  wipe(scalar, scalarPlusEight);
  const shared = { u1: x25519(key, nodeKey), u2: x25519(keyPlusEight, nodeKey) };
  const ephemeral = { u1: x25519PublicU(key), u2: x25519PublicU(keyPlusEight) };
  if (shared.u1 === undefined || shared.u2 === undefined) return undefined;
  // k·P = ±8·P (k ≡ ±8 mod L) breaks the addition law; probability 2^-251
  if (shared.u1 === nodeEight.u || ephemeral.u1 === baseEight.u) return undefined;
  const s = recoverV(shared.u1, shared.u2, nodeEight);
  const e = recoverV(ephemeral.u1, ephemeral.u2, baseEight);
  const [sInverse, eInverse] = Fp.invertBatch([
    Fp.mul(s.numerator, Fp.add(shared.u1, 1n)),
    Fp.mul(e.numerator, Fp.add(ephemeral.u1, 1n)),
  ]);
  if (sInverse === 0n || eInverse === 0n || sInverse === undefined || eInverse === undefined)
    return undefined;
  const secret = toEdwards(shared.u1, s.numerator, s.denominator, sInverse);
  const sharedKey = hkdfCatapult(secret);
  wipe(secret);
  return { ephemeralPublicKey: toEdwards(ephemeral.u1, e.numerator, e.denominator, eInverse), sharedKey };
}

/**
 * pack(x, y) of the Montgomery point (u, v = numerator / denominator), given inverse = 1 / (numerator·(u + 1)):
 * y = (u - 1) / (u + 1), x = c·u / v = c·u·denominator / numerator.
 */
function toEdwards(u: bigint, numerator: bigint, denominator: bigint, inverse: bigint): Uint8Array {
  const x = Fp.mul(Fp.mul(MAP_CONSTANT, Fp.mul(u, denominator)), Fp.mul(inverse, Fp.add(u, 1n)));
  const y = Fp.mul(Fp.sub(u, 1n), Fp.mul(inverse, numerator));
  return packEdwards(y, x);
}

/** Montgomery (u, v) of an Edwards point with x ≠ 0, y ≠ 1: u = (1 + y) / (1 - y), v = c·u / x. */
function toMontgomery(point: EdwardsPoint): MontgomeryPoint {
  const { x, y } = point.toAffine();
  const u = Fp.div(Fp.add(1n, y), Fp.sub(1n, y));
  return { u, v: Fp.div(Fp.mul(MAP_CONSTANT, u), x) };
}

function multiplyByEight(point: EdwardsPoint): EdwardsPoint {
  return point.double().double().double();
}

let base: { readonly eight: MontgomeryPoint } | undefined;

function baseContext(): { readonly eight: MontgomeryPoint } {
  base ??= { eight: toMontgomery(multiplyByEight(ed25519.Point.BASE)) };
  return base;
}
