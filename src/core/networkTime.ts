/**
 * Network time (docs/protocol.md, "Time and deadlines"): Symbol times — deadlines, /node/time — count milliseconds
 * since the network epoch (epochAdjustment). One type for it everywhere, bigint like the deadlines it is compared
 * with; a local clock that is off by minutes makes the node refuse a deadline, so the offset to the node's clock
 * (node clock − local clock) is applied wherever a node was asked.
 */
import type { Clock } from './ports.js';

/** Milliseconds since the network epoch. */
export type NetworkTime = bigint;

/** The network time now. */
export type NetworkClock = () => NetworkTime;

/** Network time of a wall-clock instant, with `offsetMs` = node clock − local clock. */
export function networkTimeOf(date: Date, epochAdjustmentSeconds: number, offsetMs = 0): NetworkTime {
  return BigInt(date.getTime() + offsetMs) - BigInt(epochAdjustmentSeconds) * 1000n;
}

/** The wall-clock instant of a network time, undoing `offsetMs`. */
export function wallClockOf(time: NetworkTime, epochAdjustmentSeconds: number, offsetMs = 0): Date {
  return new Date(Number(time) + epochAdjustmentSeconds * 1000 - offsetMs);
}

/** A network clock that follows `now`, skew-corrected by `offsetMs`. */
export function networkClock(now: Clock, epochAdjustmentSeconds: number, offsetMs = 0): NetworkClock {
  return () => networkTimeOf(now(), epochAdjustmentSeconds, offsetMs);
}
