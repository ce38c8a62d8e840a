/**
 * GET /blocks/{height} (catapult-rest blockRoutes.js; openapi BlockInfoDTO): the header facts rewards need. The
 * signer is the key that signed the block (a delegate's remote key, or a main key); `beneficiaryAddress` is the hex
 * of its 24 raw bytes; `timestamp` is ms since the network epoch.
 */
import { dtoAddress, dtoGet, dtoHas, dtoHex, dtoRoot, dtoUint64 } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The parts of a block we use. */
export interface BlockHeader {
  readonly height: bigint;
  /** ms since the network epoch. */
  readonly timestamp: bigint;
  readonly signerPublicKey: Uint8Array;
  readonly beneficiaryAddress: Uint8Array;
  /** Fees of the block's transactions, µXYM (0 when the node does not say). */
  readonly totalFee: bigint;
}

/**
 * Reads the block at `height`; undefined when the chain is not that high yet (404).
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getBlock(transport: NodeTransport, height: bigint): Promise<BlockHeader | undefined> {
  const answer = await requestJson(transport, `/blocks/${height}`, { notFoundAsUndefined: true });
  if (answer === undefined) return undefined;
  return readBlockHeader(dtoRoot('/blocks/{height}', answer));
}

/** One BlockInfoDTO, checked field by field. */
export function readBlockHeader(root: ReturnType<typeof dtoRoot>): BlockHeader {
  const block = dtoGet(root, 'block');
  const meta = dtoGet(root, 'meta');
  const totalFee = dtoHas(meta) ? dtoGet(meta, 'totalFee') : undefined;
  return {
    height: dtoUint64(dtoGet(block, 'height')),
    timestamp: dtoUint64(dtoGet(block, 'timestamp')),
    signerPublicKey: dtoHex(dtoGet(block, 'signerPublicKey'), 32),
    beneficiaryAddress: dtoAddress(dtoGet(block, 'beneficiaryAddress')),
    totalFee: totalFee !== undefined && dtoHas(totalFee) ? dtoUint64(totalFee) : 0n,
  };
}
