/**
 * Deadlines count milliseconds since the network epoch (docs/protocol.md §3.5):
 *
 *   deadline = now_unix_ms − epochAdjustment·1000 + lifetime_ms
 *
 * The node refuses a deadline later than block time + maxTransactionLifetime (6 h on the public networks,
 * Failure_Core_Future_Deadline), so we default to 2 h and never go past 6 h.
 */
import { InputError } from '../errors.js';

/** Default lifetime of what we sign: 2 hours. */
export const DEFAULT_LIFETIME_MS = 2n * 3600n * 1000n;
/** The public networks' maxTransactionLifetime: 6 hours. */
export const MAX_LIFETIME_MS = 6n * 3600n * 1000n;

/**
 * The deadline of a transaction signed at `networkTimeMs` that may wait `lifetimeMs` to be included.
 * @throws {InputError} INVALID_INPUT for a negative network time or a lifetime outside (0, 6 h]
 */
export function computeDeadline(networkTimeMs: bigint, lifetimeMs: bigint = DEFAULT_LIFETIME_MS): bigint {
  if (networkTimeMs < 0n) {
    throw new InputError('INVALID_INPUT', 'the clock is before the network epoch', {
      hint: 'check the system clock',
    });
  }
  if (lifetimeMs <= 0n || lifetimeMs > MAX_LIFETIME_MS) {
    throw new InputError('INVALID_INPUT', 'transaction lifetime must be more than 0 and at most 6 hours');
  }
  return networkTimeMs + lifetimeMs;
}
