/**
 * The companion scalar of a node key for opening delegation records with two X25519 ladders
 * (openDelegationRecords.ts, steps 2 and 3): for the node's clamped scalar s, a k with
 *
 *   k ≡ 0 (mod 8) and 2^254 ≤ k < 2^255     X25519's clamp leaves it as it is
 *   k ≡ ±(s + δ) (mod L), δ = +1 or -1       so that X25519(k, u(A)) = u((s + δ)·A) for a torsion-free A
 *
 * By the Chinese remainder theorem each target t = ±(s + δ) mod L has one k in [0, 8L) with k ≡ 0 (mod 8):
 * k = t + L·j with j ≡ -t·L⁻¹ (mod 8). 8L exceeds 2^255 by less than 2^128, so of the two signs of one δ
 * (k and 8L - k) one lies in [2^254, 2^255) unless k is within 2^128 of 0 or 8L; and the k of δ = +1 and of
 * δ = -1 differ by 6L + 2 (mod 8L), so they cannot both be that close. A companion therefore always exists, except
 * where the method itself fails: s ≡ ±1 (mod L), when s·A = ±A and the addition law of step 3 degenerates. Then
 * the answer says so, and the opener uses S = ±A directly.
 *
 * The scalar is secret; this runs once per node key, in BigInt (not constant-time, as openDelegationRecords.ts says).
 */
import { GROUP_ORDER } from './montgomery.js';

/** How records are opened for one node scalar. */
export type Companion =
  /** The companion k of the ladder for (s + δ). */
  | { readonly kind: 'companion'; readonly scalar: bigint; readonly delta: 1n | -1n }
  /** s ≡ sign (mod L): s·A = sign·A for every torsion-free A. */
  | { readonly kind: 'plusMinusOne'; readonly sign: 1 | -1 };

const LOWEST = 1n << 254n;
const HIGHEST = 1n << 255n; // exclusive
/** L⁻¹ mod 8 (L ≡ 5, and 5·5 ≡ 1). */
const INVERSE_OF_ORDER_MOD_8 = [1n, 3n, 5n, 7n].find((candidate) => (GROUP_ORDER * candidate) % 8n === 1n)!;

/**
 * The companion of the clamped scalar `scalar` (2^254 ≤ s < 2^255, s ≡ 0 mod 8).
 * @throws {Error} never for such a scalar (the module comment proves a companion exists); a bug if it does
 */
export function chooseCompanion(scalar: bigint): Companion {
  const residue = scalar % GROUP_ORDER;
  if (residue === 1n) return { kind: 'plusMinusOne', sign: 1 };
  if (residue === GROUP_ORDER - 1n) return { kind: 'plusMinusOne', sign: -1 };
  for (const delta of [1n, -1n] as const) {
    const target = (((residue + delta) % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER;
    for (const signed of [target, (GROUP_ORDER - target) % GROUP_ORDER]) {
      const multiple = (((-signed % 8n) + 8n) * INVERSE_OF_ORDER_MOD_8) % 8n;
      const candidate = signed + GROUP_ORDER * multiple;
      if (candidate >= LOWEST && candidate < HIGHEST) return { kind: 'companion', scalar: candidate, delta };
    }
  }
  throw new Error('no companion scalar: not a clamped scalar');
}
