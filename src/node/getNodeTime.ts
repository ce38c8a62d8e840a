/** GET /node/time: the node's network time, for clock-skew correction (docs/protocol.md §3.5, §5). */
import { dtoGet, dtoInteger, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** Network time: milliseconds since the network's epoch (epochAdjustment). */
export interface NodeTime {
  readonly sendTimestampMs: number;
  readonly receiveTimestampMs: number;
}

/**
 * Reads /node/time.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getNodeTime(transport: NodeTransport): Promise<NodeTime> {
  const root = dtoRoot('/node/time', await requestJson(transport, '/node/time'));
  const stamps = dtoGet(root, 'communicationTimestamps');
  return {
    sendTimestampMs: dtoInteger(dtoGet(stamps, 'sendTimestamp')),
    receiveTimestampMs: dtoInteger(dtoGet(stamps, 'receiveTimestamp')),
  };
}
