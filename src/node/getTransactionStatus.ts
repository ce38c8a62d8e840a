/**
 * GET /transactionStatus/{hash} (docs/protocol.md §5): confirmed > unconfirmed > partial > failed. A 404 means the node
 * has never seen it or has forgotten it (e.g. dropped for a fee below the node minimum): undefined.
 */
import { toHex } from '../core/bytes.js';
import { badField, dtoGet, dtoHas, dtoRoot, dtoString, dtoUint64 } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The groups a status can be in. */
export type TransactionGroup = 'confirmed' | 'unconfirmed' | 'partial' | 'failed';

/** One transaction status. */
export interface TransactionStatus {
  readonly group: TransactionGroup;
  /** "Success" or a Failure_* code. */
  readonly code: string;
  readonly deadline: bigint | undefined;
  readonly height: bigint | undefined;
}

const GROUPS: readonly string[] = ['confirmed', 'unconfirmed', 'partial', 'failed'];

/**
 * Reads the status of a transaction; undefined when the node does not know the hash.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getTransactionStatus(
  transport: NodeTransport,
  hash: Uint8Array,
): Promise<TransactionStatus | undefined> {
  const answer = await requestJson(transport, `/transactionStatus/${toHex(hash)}`, {
    notFoundAsUndefined: true,
  });
  if (answer === undefined) return undefined;
  const root = dtoRoot('/transactionStatus/{hash}', answer);
  const groupField = dtoGet(root, 'group');
  const group = dtoString(groupField);
  if (!GROUPS.includes(group)) throw badField(groupField, 'a transaction group');
  const deadline = dtoGet(root, 'deadline');
  const height = dtoGet(root, 'height');
  return {
    group: group as TransactionGroup,
    code: dtoHas(dtoGet(root, 'code')) ? dtoString(dtoGet(root, 'code')) : '',
    deadline: dtoHas(deadline) ? dtoUint64(deadline) : undefined,
    height: dtoHas(height) ? dtoUint64(height) : undefined,
  };
}
