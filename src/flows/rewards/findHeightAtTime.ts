/**
 * The first block at or after a network time, by binary search over GET /blocks/{height} (block timestamps never
 * decrease): about log2(height) reads, 23 for mainnet's chain, and no index the gateway does not have.
 */
import type { NodeClient } from '../connectNode.js';
import { NodeError } from '../../core/errors.js';

/** The lowest height in [1, chainHeight] whose block time is ≥ `time`; chainHeight + 1 when none is. */
export async function findHeightAtTime(
  client: Pick<NodeClient, 'getBlock' | 'url'>,
  time: bigint,
  chainHeight: bigint,
): Promise<bigint> {
  let low = 1n;
  let high = chainHeight + 1n;
  while (low < high) {
    const middle = (low + high) / 2n;
    const block = await client.getBlock(middle);
    if (block === undefined) {
      throw new NodeError(
        'NODE_BAD_RESPONSE',
        `${client.url} has no block ${middle} below its chain height`,
        {
          details: { url: client.url, height: middle.toString() },
          hint: 'try another node',
        },
      );
    }
    if (block.timestamp >= time) high = middle;
    else low = middle + 1n;
  }
  return low;
}
