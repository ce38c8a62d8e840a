/**
 * GET /transactions/confirmed with filters (docs/protocol.md §5; catapult-rest transactionRoutes.js). Addresses and
 * signer keys are passed as base32 / hex; without `embedded: true` transfers inside aggregates are not returned.
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import { dtoArray, dtoGet, dtoHas, dtoInteger, dtoRoot } from './readDto.js';
import { readTransactionEntry, type TransactionEntry } from './readTransactionEntry.js';
import { requestJson, type NodeTransport } from './request.js';

/** Filters and paging of the search. */
export interface SearchConfirmedParameters {
  readonly recipientAddress?: Uint8Array;
  readonly signerPublicKey?: Uint8Array;
  readonly type?: readonly number[];
  readonly embedded?: boolean;
  /** Lowest block height searched (inclusive). */
  readonly fromHeight?: bigint;
  /** Highest block height searched (inclusive). */
  readonly toHeight?: bigint;
  /** 10 to 100 on REST. */
  readonly pageSize?: number;
  /** 1-based. */
  readonly pageNumber?: number;
  readonly order?: 'asc' | 'desc';
}

/** One page of results. */
export interface SearchConfirmedPage {
  readonly data: TransactionEntry[];
  readonly pageNumber: number;
  readonly pageSize: number;
}

/**
 * Runs one page of the search.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function searchConfirmedTransactions(
  transport: NodeTransport,
  parameters: SearchConfirmedParameters,
): Promise<SearchConfirmedPage> {
  const query = new URLSearchParams();
  if (parameters.recipientAddress !== undefined)
    query.set('recipientAddress', encodeAddress(parameters.recipientAddress));
  if (parameters.signerPublicKey !== undefined)
    query.set('signerPublicKey', toHex(parameters.signerPublicKey));
  for (const type of parameters.type ?? []) query.append('type', String(type));
  if (parameters.embedded !== undefined) query.set('embedded', String(parameters.embedded));
  if (parameters.fromHeight !== undefined) query.set('fromHeight', parameters.fromHeight.toString());
  if (parameters.toHeight !== undefined) query.set('toHeight', parameters.toHeight.toString());
  if (parameters.pageSize !== undefined) query.set('pageSize', String(parameters.pageSize));
  if (parameters.pageNumber !== undefined) query.set('pageNumber', String(parameters.pageNumber));
  if (parameters.order !== undefined) query.set('order', parameters.order);
  const text = query.toString();
  const root = dtoRoot(
    '/transactions/confirmed',
    await requestJson(transport, `/transactions/confirmed${text === '' ? '' : `?${text}`}`),
  );
  const pagination = dtoGet(root, 'pagination');
  return {
    data: dtoArray(dtoGet(root, 'data')).map(readTransactionEntry),
    pageNumber: dtoHas(pagination)
      ? dtoInteger(dtoGet(pagination, 'pageNumber'))
      : (parameters.pageNumber ?? 1),
    pageSize: dtoHas(pagination) ? dtoInteger(dtoGet(pagination, 'pageSize')) : (parameters.pageSize ?? 10),
  };
}
