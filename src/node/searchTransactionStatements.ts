/**
 * GET /statements/transaction (catapult-rest receiptRoutes.js; openapi TransactionStatementInfoDTO): one page of
 * transaction statements. The filters match whole statements (a statement with one receipt of the type, or one
 * receipt for the target, comes with all its receipts): callers keep the receipts they want. Addresses go out in
 * base32 and come back as the hex of their 24 raw bytes; the inflation receipt has no target.
 */
import { encodeAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import {
  dtoAddress,
  dtoArray,
  dtoGet,
  dtoHas,
  dtoHex,
  dtoInteger,
  dtoUint64,
  type DtoField,
} from './readDto.js';
import type { NodeTransport } from './request.js';
import { requestSearchPage } from './requestSearchPage.js';

/** Filters and paging of the search. */
export interface SearchStatementsParameters {
  readonly targetAddress?: Uint8Array;
  readonly receiptType?: readonly number[];
  /** Lowest block height (inclusive). */
  readonly fromHeight?: bigint;
  /** Highest block height (inclusive). */
  readonly toHeight?: bigint;
  /** 10 to 100 on REST. */
  readonly pageSize?: number;
  /** 1-based. */
  readonly pageNumber?: number;
  readonly order?: 'asc' | 'desc';
}

/** One receipt of a statement (balance-change receipts have a target, mosaic and amount). */
export interface StatementReceipt {
  readonly type: number;
  readonly targetAddress: Uint8Array | undefined;
  readonly mosaicId: bigint | undefined;
  readonly amount: bigint | undefined;
}

/** One transaction statement. */
export interface TransactionStatement {
  readonly height: bigint;
  readonly source: { readonly primaryId: number; readonly secondaryId: number };
  readonly receipts: readonly StatementReceipt[];
}

/** One page of statements. */
export interface StatementsPage {
  readonly data: TransactionStatement[];
  readonly pageNumber: number;
  readonly pageSize: number;
}

/**
 * Runs one page of the search.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function searchTransactionStatements(
  transport: NodeTransport,
  parameters: SearchStatementsParameters,
): Promise<StatementsPage> {
  const query = new URLSearchParams();
  if (parameters.targetAddress !== undefined)
    query.set('targetAddress', encodeAddress(parameters.targetAddress));
  for (const type of parameters.receiptType ?? []) query.append('receiptType', String(type));
  if (parameters.fromHeight !== undefined) query.set('fromHeight', parameters.fromHeight.toString());
  if (parameters.toHeight !== undefined) query.set('toHeight', parameters.toHeight.toString());
  return requestSearchPage(transport, '/statements/transaction', query, parameters, readStatement);
}

function readStatement(field: DtoField): TransactionStatement {
  const statement = dtoGet(field, 'statement');
  const source = dtoGet(statement, 'source');
  return {
    height: dtoUint64(dtoGet(statement, 'height')),
    source: dtoHas(source)
      ? {
          primaryId: dtoInteger(dtoGet(source, 'primaryId')),
          secondaryId: dtoInteger(dtoGet(source, 'secondaryId')),
        }
      : { primaryId: 0, secondaryId: 0 },
    receipts: dtoArray(dtoGet(statement, 'receipts')).map(readReceipt),
  };
}

function readReceipt(field: DtoField): StatementReceipt {
  const optional = <T>(name: string, read: (value: DtoField) => T): T | undefined => {
    const value = dtoGet(field, name);
    return dtoHas(value) ? read(value) : undefined;
  };
  return {
    type: dtoInteger(dtoGet(field, 'type')),
    targetAddress: optional('targetAddress', dtoAddress),
    mosaicId: optional('mosaicId', (value) => BigInt(`0x${toHex(dtoHex(value, 8))}`)),
    amount: optional('amount', dtoUint64),
  };
}
