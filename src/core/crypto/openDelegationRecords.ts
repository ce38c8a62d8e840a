/**
 * Opening delegation records with native X25519: the node's result, byte for byte, several times faster than the
 * plain noble path (openDelegationRecordPlain.ts), and faster still per record in batches (Montgomery's trick).
 *
 * For a record whose ephemeral key is A = (y_A, sign) and a node scalar s (clamped, unreduced, as catapult uses it):
 *
 *   1. decode A strictly (canonical y, on the curve, the sign bit honoured: one square root, in OpenSSL);
 *      R = 8·A by three doublings; convert A and R to Montgomery coordinates      one inversion, batched
 *   2. X25519(8m, u_A) = u_A  <=>  A is in the main subgroup and not the identity  (montgomery.ts isPrimeOrderU)
 *      otherwise the node uses the all-zero key: we try that key, as the node does
 *   3. u1 = X25519(s, u_A) = u(s·A), u2 = X25519(s + 8, u_A) = u(s·A + R)
 *   4. v1 from u1, u2 and R (Okeya–Sakurai), then S = s·A in Edwards form (y and the sign of x)  one inversion, batched
 *   5. AES key = HKDF(pack(S)); AES-GCM decides whether the record was sealed for this node
 *
 * Step 4 is why the sign is computed rather than guessed: trying both signs and letting the GCM tag decide would also
 * accept a record whose ephemeral sign bit was flipped (-A gives -S, the other sign), which the node rejects.
 *
 * Not constant-time in the BigInt parts (see montgomery.ts); the node scalar only enters OpenSSL.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes, wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { decodeEdwardsPoint } from './decodeEdwardsPoint.js';
import type { OpenedDelegation } from './delegationFormat.js';
import {
  addEightToScalar,
  clampedScalarBytes,
  Fp,
  importX25519PrivateKey,
  importX25519PublicKey,
  isPrimeOrderU,
  MAP_CONSTANT,
  packEdwards,
  recoverV,
  x25519,
} from './montgomery.js';
import { assertRecordSize, openWithKey, openWithZeroKey } from './openDelegationRecordPlain.js';
import { deriveSharedKey, hkdfCatapult } from './sharedKey.js';

/** Opens records for one node key; the key is imported into OpenSSL once. */
export interface DelegationOpener {
  /** Opens one 124-byte record (ephemeral key | tag | iv | ciphertext) as the node would. */
  open(record: Uint8Array): OpenedDelegation;
  /** Opens many records, sharing the field inversions; the same results as `open` on each, in order. */
  openMany(records: readonly Uint8Array[]): OpenedDelegation[];
  /**
   * The AES key the node derives for each ephemeral public key, or undefined where the key is invalid
   * (non-canonical, off the curve, small order, torsion component) and the node falls back to the all-zero key.
   */
  sharedKeys(ephemeralPublicKeys: readonly Uint8Array[]): (Uint8Array | undefined)[];
}

/**
 * An opener for the node whose transport private key is `nodePrivateKey` (32 bytes).
 * @throws {InputError} INVALID_KEY when the private key is not 32 bytes; INVALID_MESSAGE from open/openMany when a
 *   record is not 124 bytes
 */
export function createDelegationOpener(nodePrivateKey: Uint8Array): DelegationOpener {
  const privateKey = new Uint8Array(nodePrivateKey); // a copy (Buffer.slice is a view)
  if (privateKey.length !== 32) throw new InputError('INVALID_KEY', 'private key must be 32 bytes');
  const scalar = clampedScalarBytes(privateKey);
  const scalarPlusEight = addEightToScalar(scalar);
  const native =
    scalarPlusEight === undefined
      ? undefined
      : { key: importX25519PrivateKey(scalar), keyPlusEight: importX25519PrivateKey(scalarPlusEight) };
  wipe(scalar, ...(scalarPlusEight === undefined ? [] : [scalarPlusEight]));

  const sharedKeys = (publicKeys: readonly Uint8Array[]): (Uint8Array | undefined)[] =>
    native === undefined
      ? publicKeys.map((publicKey) => derivePlainly(privateKey, publicKey))
      : deriveBatch(privateKey, native.key, native.keyPlusEight, publicKeys);
  const openMany = (records: readonly Uint8Array[]): OpenedDelegation[] => {
    records.forEach(assertRecordSize);
    const keys = sharedKeys(records.map((record) => record.subarray(0, 32)));
    return records.map((record, index) => {
      const key = keys[index];
      return key === undefined ? openWithZeroKey(record) : openWithKey(record, key, false);
    });
  };
  return { open: (record) => openMany([record])[0]!, openMany, sharedKeys };
}

let lastOpener: { readonly nodePrivateKey: Uint8Array; readonly opener: DelegationOpener } | undefined;

/**
 * The opener for `nodePrivateKey`, reusing the last one built: a scan opens every record with one node key, and the
 * two OpenSSL key imports cost as much as opening a record. The copy kept for comparison lives as long as the
 * KeyObjects that already hold the same secret.
 */
export function delegationOpenerFor(nodePrivateKey: Uint8Array): DelegationOpener {
  if (lastOpener === undefined || !equalBytes(lastOpener.nodePrivateKey, nodePrivateKey)) {
    lastOpener = {
      nodePrivateKey: new Uint8Array(nodePrivateKey),
      opener: createDelegationOpener(nodePrivateKey),
    };
  }
  return lastOpener.opener;
}

/** Opens many records for one node key (a batch API for harvesters.dat files and request histories). */
export function openDelegationRecords(
  nodePrivateKey: Uint8Array,
  records: readonly Uint8Array[],
): OpenedDelegation[] {
  return delegationOpenerFor(nodePrivateKey).openMany(records);
}

/** The plain path's answer: deriveSharedKey, or undefined where it refuses the key (the node's zero-key case). */
function derivePlainly(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array | undefined {
  try {
    return deriveSharedKey(privateKey, publicKey);
  } catch (error) {
    if (error instanceof InputError && error.code === 'INVALID_KEY') return undefined;
    throw error;
  }
}

type KeyObject = ReturnType<typeof importX25519PrivateKey>;

/** Per-key state between the batched inversions. */
type Stage =
  /** Finished: the key, or undefined for the node's zero-key fallback. */
  | { readonly kind: 'done'; readonly key: Uint8Array | undefined }
  | {
      readonly kind: 'decoded';
      readonly yA: bigint;
      readonly rX: bigint;
      readonly rY: bigint;
      readonly rZ: bigint;
    };

function deriveBatch(
  nodePrivateKey: Uint8Array,
  key: KeyObject,
  keyPlusEight: KeyObject,
  publicKeys: readonly Uint8Array[],
): (Uint8Array | undefined)[] {
  // Step 1: decode A, R = 8A (projective), denominator (1 - y_A)·(Z_R - Y_R)·X_R for the batched inversion.
  const decoded = publicKeys.map(decodeEphemeral);
  const firstInverses = Fp.invertBatch(
    decoded.map((stage) =>
      stage.kind === 'decoded'
        ? Fp.mul(Fp.sub(1n, stage.yA), Fp.mul(Fp.sub(stage.rZ, stage.rY), stage.rX))
        : 1n,
    ),
  );

  // Steps 2 and 3: Montgomery coordinates, the prime-order check, the two X25519 products.
  const multiplied = decoded.map((stage, index) => {
    if (stage.kind === 'done') return stage;
    const inverse = firstInverses[index]!;
    const rDenominator = Fp.mul(Fp.sub(stage.rZ, stage.rY), stage.rX);
    const uA = Fp.mul(Fp.add(1n, stage.yA), Fp.mul(inverse, rDenominator)); // (1 + y) / (1 - y)
    const rInverse = Fp.mul(inverse, Fp.sub(1n, stage.yA)); // 1 / ((Z - Y)·X)
    const rSum = Fp.add(stage.rZ, stage.rY);
    const r = {
      u: Fp.mul(Fp.mul(rSum, stage.rX), rInverse), // (Z + Y) / (Z - Y)
      v: Fp.mul(Fp.mul(MAP_CONSTANT, Fp.mul(rSum, stage.rZ)), rInverse), // c·u / x
    };
    const publicKey = importX25519PublicKey(uA);
    if (!isPrimeOrderU(uA, publicKey)) return { kind: 'done' as const, key: undefined };
    const u1 = x25519(key, publicKey);
    const u2 = x25519(keyPlusEight, publicKey);
    if (u1 === undefined || u2 === undefined || u1 === r.u) {
      // s·A = ±R only if s ≡ ±8 (mod L): a node key of probability 2^-251; the plain path handles it
      return { kind: 'done' as const, key: derivePlainly(nodePrivateKey, publicKeys[index]!) };
    }
    return { kind: 'recovered' as const, u1, ...recoverV(u1, u2, r) };
  });

  // Step 4: x_S = c·u1 / v1 = c·u1·2v_R / numerator and y_S = (u1 - 1) / (u1 + 1), one inversion of both.
  const secondInverses = Fp.invertBatch(
    multiplied.map((stage) =>
      stage.kind === 'recovered' ? Fp.mul(stage.numerator, Fp.add(stage.u1, 1n)) : 1n,
    ),
  );
  return multiplied.map((stage, index) => {
    if (stage.kind === 'done') return stage.key;
    const inverse = secondInverses[index]!;
    // v1 = 0 cannot happen for a prime-order S; the plain path answers if it ever did
    if (inverse === 0n) return derivePlainly(nodePrivateKey, publicKeys[index]!);
    const x = Fp.mul(
      Fp.mul(MAP_CONSTANT, Fp.mul(stage.u1, stage.denominator)),
      Fp.mul(inverse, Fp.add(stage.u1, 1n)),
    );
    const y = Fp.mul(Fp.sub(stage.u1, 1n), Fp.mul(inverse, stage.numerator));
    const secret = packEdwards(y, x);
    const sharedKey = hkdfCatapult(secret);
    wipe(secret);
    return sharedKey;
  });
}

/**
 * Step 1 for one ephemeral key: strict decoding (the node's IsCanonicalKey and on-curve test; the square root in
 * OpenSSL, decodeEdwardsPoint.ts) and R = 8·A. The prime-order test comes after the batched inversion, in step 2.
 */
function decodeEphemeral(ephemeralPublicKey: Uint8Array): Stage {
  const affine = decodeEdwardsPoint(ephemeralPublicKey); // strict: y < p, on the curve, no "-0"
  // x_A = 0 (y = ±1): A is of small order; the node refuses it
  if (affine === undefined || affine.x === 0n) return { kind: 'done', key: undefined };
  const eight = ed25519.Point.fromAffine(affine).double().double().double();
  // 8A with x = 0 or y = z: A is of small order; the node refuses it
  if (eight.X === 0n || Fp.eql(eight.Y, eight.Z)) return { kind: 'done', key: undefined };
  return { kind: 'decoded', yA: affine.y, rX: eight.X, rY: eight.Y, rZ: eight.Z };
}
