/**
 * Opening delegation records with native X25519: the node's result, byte for byte, several times faster than the
 * plain noble path (openDelegationRecordPlain.ts), and faster still per record in batches (Montgomery's trick).
 *
 * The node (catapult) decodes the ephemeral key A strictly, refuses it unless [L]A = O and A ≠ O, and derives the
 * AES key from the packed Edwards point S = s·A, s its clamped, unreduced scalar. Write A = P + T, P in the main
 * subgroup, T of order dividing 8. X25519 clamps its scalar to a multiple of 8, so it only ever sees P: the torsion
 * check has to come from elsewhere. Per node key we choose a companion scalar k (chooseCompanion.ts):
 *
 *   k ≡ 0 (mod 8), 2^254 ≤ k < 2^255 (unchanged by X25519's clamp), k ≡ ±(s + δ) (mod L), δ = +1 or -1
 *
 * and per record:
 *
 *   1. decode A strictly (canonical y, on the curve, the sign bit honoured: one square root, in OpenSSL), x_A ≠ 0;
 *      u_A = (1 + y_A)/(1 - y_A)                                                        one inversion, batched
 *   2. u_S = X25519(s, u_A) = u(s·P);  w = X25519(k, u_A) = u((s + δ)·P)                  two native ladders
 *      u_S refused by OpenSSL (all zero): P = O, A is of small order
 *   3. with R = δ·A (so u_R = u_A, v_R = δ·v_A), the Montgomery addition law (Okeya–Sakurai, montgomery.ts) gives
 *        N = f(u_S) + f(u_A) - (w + 486662 + u_S + u_A)·(u_S - u_A)²,   v_S = N / (2·v_R),  f(u) = u³ + A·u² + u
 *      and (u_S, v_S) is on the curve, N² = 4·f(u_A)·f(u_S), exactly when w is u(S + R) or u(S - R). When T = O,
 *      w = u(S + R): the check passes and v_S is right. When T ≠ O, w = u(S + R - δT) with δT ≠ O (δ is odd), which
 *      is neither: the check fails, and the node's torsion refusal is reproduced without a third ladder
 *   4. S in Edwards form, with c² = -486664 and v_A = c·u_A/x_A:
 *        x_S = c·u_S/v_S = 2δ·c²·u_S·u_A / (N·x_A),   y_S = (u_S - 1)/(u_S + 1)             one inversion, batched
 *   5. AES key = HKDF(pack(S)); AES-GCM decides whether the record was sealed for this node
 *
 * Step 3 is why the sign of x_S is computed rather than guessed: trying both signs and letting the GCM tag decide
 * would also accept a record whose ephemeral sign bit was flipped (-A gives -S, the other sign), which the node
 * rejects. A node key with s ≡ ±1 (mod L) has no companion (S = ±A there: u_S = u_A breaks step 3); it is handled
 * as what it is, S = ±A, and X25519(s, u_A) = u_A is then the torsion check. No real key hits it (probability
 * 2^-251), the tests do.
 *
 * Not constant-time in the BigInt parts (field25519.ts); the node scalar enters BigInt arithmetic once per key,
 * to choose the companion, and OpenSSL for every product.
 */
import { equalBytes, wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { chooseCompanion, type Companion } from './chooseCompanion.js';
import { decodeEdwardsPoint } from './decodeEdwardsPoint.js';
import type { OpenedDelegation } from './delegationFormat.js';
import { add, bytesToNumberLE, invertBatch, mul, neg, sqr, sub } from './field25519.js';
import { hkdfCatapult } from './hkdfCatapult.js';
import {
  clampedScalarBytes,
  fieldToBytes,
  importX25519PrivateKey,
  importX25519PublicKey,
  montgomeryRhs,
  MONTGOMERY_A,
  packEdwards,
  x25519,
} from './montgomery.js';
import { assertRecordSize, openWithKey, openWithZeroKey } from './openRecordWithKey.js';

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

/** 2·c² = 2·(-486664): the constant of x_S in step 4. */
const TWICE_C_SQUARED = neg(973328n);

type KeyObject = ReturnType<typeof importX25519PrivateKey>;

/** The node key as OpenSSL holds it, and how its records are opened (module comment). */
type NodeScalar =
  | {
      readonly kind: 'companion';
      readonly key: KeyObject;
      readonly companion: KeyObject;
      readonly delta: bigint;
    }
  | { readonly kind: 'plusMinusOne'; readonly key: KeyObject; readonly sign: 1 | -1 };

/**
 * An opener for the node whose transport private key is `nodePrivateKey` (32 bytes).
 * @throws {InputError} INVALID_KEY when the private key is not 32 bytes; INVALID_MESSAGE from open/openMany when a
 *   record is not 124 bytes
 */
export function createDelegationOpener(nodePrivateKey: Uint8Array): DelegationOpener {
  if (nodePrivateKey.length !== 32) throw new InputError('INVALID_KEY', 'private key must be 32 bytes');
  const scalar = clampedScalarBytes(nodePrivateKey);
  try {
    return createOpenerForScalar(scalar);
  } finally {
    wipe(scalar);
  }
}

/**
 * An opener for a clamped node scalar given as its 32 little-endian bytes (bit 254 set, bits 255 and 0–2 clear):
 * createDelegationOpener without the hash, so that the tests can reach the scalars no hash gives in practice.
 */
export function createOpenerForScalar(scalarBytes: Uint8Array): DelegationOpener {
  const node = importNodeScalar(scalarBytes);
  const sharedKeys = (publicKeys: readonly Uint8Array[]): (Uint8Array | undefined)[] =>
    deriveBatch(node, publicKeys);
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

function importNodeScalar(scalarBytes: Uint8Array): NodeScalar {
  const key = importX25519PrivateKey(scalarBytes);
  const companion: Companion = chooseCompanion(bytesToNumberLE(scalarBytes));
  if (companion.kind === 'plusMinusOne') return { kind: 'plusMinusOne', key, sign: companion.sign };
  const companionBytes = fieldToBytes(companion.scalar);
  const companionKey = importX25519PrivateKey(companionBytes);
  wipe(companionBytes);
  return { kind: 'companion', key, companion: companionKey, delta: companion.delta };
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

/**
 * Wipes the cached copy of the last node key and drops its opener (a worker thread does before it ends: its memory
 * is freed, not zeroed). OpenSSL clears the KeyObjects' secrets when they are freed.
 */
export function forgetDelegationOpener(): void {
  lastOpener?.nodePrivateKey.fill(0);
  lastOpener = undefined;
}

/** Opens many records for one node key (a batch API for harvesters.dat files and request histories). */
export function openDelegationRecords(
  nodePrivateKey: Uint8Array,
  records: readonly Uint8Array[],
): OpenedDelegation[] {
  return delegationOpenerFor(nodePrivateKey).openMany(records);
}

/** A decoded ephemeral key: its affine Edwards coordinates. */
interface Decoded {
  readonly x: bigint;
  readonly y: bigint;
}

/** After the ladders: what step 4 needs. */
interface Multiplied {
  readonly uS: bigint;
  readonly numerator: bigint;
  readonly uA: bigint;
  readonly xA: bigint;
}

/** Per-key state between the batched inversions: finished (a key, or undefined for the zero-key fallback) or not. */
type Stage<T> =
  { readonly done: true; readonly key: Uint8Array | undefined } | { readonly done: false; readonly at: T };

const REFUSED = { done: true, key: undefined } as const;

function deriveBatch(node: NodeScalar, publicKeys: readonly Uint8Array[]): (Uint8Array | undefined)[] {
  // Step 1: strict decoding; x = 0 (y = ±1) is the identity or the point of order 2, which the node refuses.
  const decoded = publicKeys.map((publicKey): Stage<Decoded> => {
    const point = decodeEdwardsPoint(publicKey);
    return point === undefined || point.x === 0n ? REFUSED : { done: false, at: point };
  });
  const firstInverses = invertBatch(decoded.map((stage) => (stage.done ? 0n : sub(1n, stage.at.y))));

  // Steps 2 and 3: the two ladders and the on-curve test of the recovered point.
  const multiplied = decoded.map((stage, index): Stage<Multiplied> => {
    if (stage.done) return stage;
    const { x: xA, y: yA } = stage.at;
    const uA = mul(add(1n, yA), firstInverses[index]!);
    const publicKey = importX25519PublicKey(uA);
    const uS = x25519(node.key, publicKey);
    if (uS === undefined) return REFUSED; // s·P = O: P = O, A is of small order
    if (node.kind === 'plusMinusOne') {
      // S = s·A = ±A when A is torsion-free, and then X25519(s, u_A) = u(±P) = u_A; otherwise A has torsion
      if (uS !== uA) return REFUSED;
      return { done: true, key: sharedKeyOf(yA, node.sign === 1 ? xA : neg(xA)) };
    }
    const w = x25519(node.companion, publicKey);
    if (w === undefined) return REFUSED; // not reached: (s + δ)·P ≠ O for P ≠ O
    const fS = montgomeryRhs(uS);
    const fA = montgomeryRhs(uA);
    const numerator = sub(add(fS, fA), mul(add(add(w, MONTGOMERY_A), add(uS, uA)), sqr(sub(uS, uA))));
    // on the curve only if w = u(S ± δA): A is torsion-free (module comment, step 3)
    if (sqr(numerator) !== mul(4n, mul(fA, fS))) return REFUSED;
    return { done: false, at: { uS, numerator, uA, xA } };
  });

  // Step 4: x_S = 2δc²·u_S·u_A / (N·x_A) and y_S = (u_S - 1)/(u_S + 1), one inversion of N·x_A·(u_S + 1).
  const secondInverses = invertBatch(
    multiplied.map((stage) =>
      stage.done ? 0n : mul(mul(stage.at.numerator, stage.at.xA), add(stage.at.uS, 1n)),
    ),
  );
  const deltaFactor = node.kind === 'companion' && node.delta < 0n ? neg(TWICE_C_SQUARED) : TWICE_C_SQUARED;
  return multiplied.map((stage, index) => {
    if (stage.done) return stage.key;
    const { uS, numerator, uA, xA } = stage.at;
    const inverse = secondInverses[index]!; // not 0: N ≠ 0 passed step 3, x_A ≠ 0, u_S ≠ -1 on this curve
    const x = mul(mul(deltaFactor, mul(uS, uA)), mul(inverse, add(uS, 1n)));
    const y = mul(sub(uS, 1n), mul(inverse, mul(numerator, xA)));
    return sharedKeyOf(y, x);
  });
}

/** Step 5's key from the affine Edwards point S: HKDF of its packed form. */
function sharedKeyOf(y: bigint, x: bigint): Uint8Array {
  const secret = packEdwards(y, x);
  const sharedKey = hkdfCatapult(secret);
  wipe(secret);
  return sharedKey;
}
