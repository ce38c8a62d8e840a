/**
 * GET /lock/hash?address= (docs/protocol.md §5; openapi HashLockInfoDTO / HashLockEntryDTO): the hash locks an
 * account owns, `{ data: [{ lock: { ownerAddress, mosaicId, amount, endHeight, status, hash } }], pagination }`.
 * `status` 0 = unused (the deposit is still held), 1 = used (the aggregate completed, the deposit came back).
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import {
  badField,
  dtoAddress,
  dtoArray,
  dtoGet,
  dtoHex,
  dtoInteger,
  dtoRoot,
  dtoUint64,
  type DtoField,
} from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** One hash lock. */
export interface HashLockInfo {
  readonly ownerAddress: Uint8Array;
  readonly mosaicId: bigint;
  readonly amount: bigint;
  /** The height at which the lock expires (its deposit then goes to that block's harvester if still unused). */
  readonly endHeight: bigint;
  readonly used: boolean;
  /** The hash of the aggregate it locks for. */
  readonly hash: Uint8Array;
}

/**
 * Reads the first page (100) of the hash locks an account owns.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getHashLocks(
  transport: NodeTransport,
  ownerAddress: Uint8Array,
): Promise<HashLockInfo[]> {
  const query = new URLSearchParams({ address: encodeAddress(ownerAddress), pageSize: '100', order: 'desc' });
  const root = dtoRoot('/lock/hash', await requestJson(transport, `/lock/hash?${query.toString()}`));
  return dtoArray(dtoGet(root, 'data')).map((entry) => readLock(dtoGet(entry, 'lock')));
}

function readLock(lock: DtoField): HashLockInfo {
  const statusField = dtoGet(lock, 'status');
  const status = dtoInteger(statusField);
  if (status !== 0 && status !== 1) throw badField(statusField, 'a lock status (0 or 1)');
  return {
    ownerAddress: dtoAddress(dtoGet(lock, 'ownerAddress')),
    mosaicId: BigInt(`0x${toHex(dtoHex(dtoGet(lock, 'mosaicId'), 8))}`),
    amount: dtoUint64(dtoGet(lock, 'amount')),
    endHeight: dtoUint64(dtoGet(lock, 'endHeight')),
    used: status === 1,
    hash: dtoHex(dtoGet(lock, 'hash'), 32),
  };
}
