/**
 * GET /transactions/confirmed with filters (docs/protocol.md §5; catapult-rest transactionRoutes.js). Addresses and
 * signer keys are passed as base32 / hex; without `embedded: true` transfers inside aggregates are not returned.
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import { readTransactionEntry, type TransactionEntry } from './readTransactionEntry.js';
import type { NodeTransport } from './request.js';
import { requestSearchPage } from './requestSearchPage.js';

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
  return requestSearchPage(transport, '/transactions/confirmed', query, parameters, readTransactionEntry);
}
