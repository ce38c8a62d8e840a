/**
 * Network time and clock skew (docs/protocol.md §3.5): Symbol times (deadlines, /node/time) count milliseconds since the
 * network epoch (epochAdjustment). A local clock that is off by minutes makes the node refuse a deadline, so the
 * offset to the node's clock is measured from /node/time and applied to every deadline.
 */
import { networkTimeOf } from '../core/networkTime.js';
import type { Clock } from '../core/ports.js';
import type { NodeClient } from './createNodeClient.js';

/**
 * Measures node clock − local clock in ms, taking the local time half-way through the request (so the round trip
 * does not count as skew).
 * @throws {NodeError} NODE_* when /node/time cannot be read
 */
export async function measureClockOffset(
  client: Pick<NodeClient, 'getNodeTime'>,
  epochAdjustmentSeconds: number,
  now: Clock,
): Promise<number> {
  const before = now().getTime();
  const time = await client.getNodeTime();
  const after = now().getTime();
  const localMidpoint = new Date(Math.round((before + after) / 2));
  return time.sendTimestampMs - Number(networkTimeOf(localMidpoint, epochAdjustmentSeconds));
}
