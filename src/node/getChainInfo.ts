/** GET /chain/info: chain height and finalization (docs/protocol.md §5). */
import { dtoGet, dtoHas, dtoRoot, dtoUint64 } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The parts of /chain/info we use. */
export interface ChainInfo {
  readonly height: bigint;
  /** Height of the latest finalized block, when the node reports it. */
  readonly finalizedHeight: bigint | undefined;
}

/**
 * Reads /chain/info.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getChainInfo(transport: NodeTransport): Promise<ChainInfo> {
  const root = dtoRoot('/chain/info', await requestJson(transport, '/chain/info'));
  const finalized = dtoGet(root, 'latestFinalizedBlock');
  return {
    height: dtoUint64(dtoGet(root, 'height')),
    finalizedHeight: dtoHas(finalized) ? dtoUint64(dtoGet(finalized, 'height')) : undefined,
  };
}
