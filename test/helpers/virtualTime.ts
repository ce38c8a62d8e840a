/**
 * A virtual clock for flow tests: `now` (the Clock port) reads it, `sleep` (the Sleep port) moves it forward at
 * once, so a flow that waits ten minutes for activation finishes in microseconds. A stub node's /node/time reads
 * the same clock (see stubChain), so network time, deadlines and timeouts all follow it.
 *
 *   const time = virtualTime();
 *   await flow({ now: time.now, sleep: time.sleep, ... });
 *   expect(time.elapsedMs()).toBe(600_000);
 */
import type { Clock, Sleep } from '../../src/core/ports.js';

/** The clock and what tests read from it. */
export interface VirtualTime {
  /** The Clock port. */
  readonly now: Clock;
  /** The Sleep port: advances the clock by `ms` and resolves (rejects at once when `signal` is aborted). */
  readonly sleep: Sleep;
  /** Current virtual time, ms since the Unix epoch. */
  nowMs(): number;
  /** Moves the clock forward by hand (e.g. "an hour later, the user runs it again"). */
  advance(ms: number): void;
  /** Virtual ms since the clock was made. */
  elapsedMs(): number;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: readonly number[];
}

/** 2026-01-01T00:00:00Z: after the testnet and mainnet epochs, so network times are positive. */
export const VIRTUAL_START_MS = Date.UTC(2026, 0, 1);

/** A virtual clock starting at `startMs`. */
export function virtualTime(startMs: number = VIRTUAL_START_MS): VirtualTime {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    now: () => new Date(current),
    sleep: (ms, signal) => {
      if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
      sleeps.push(ms);
      current += Math.max(0, ms);
      return Promise.resolve();
    },
    nowMs: () => current,
    advance: (ms) => {
      current += ms;
    },
    elapsedMs: () => current - startMs,
    sleeps,
  };
}
