/**
 * One page of a catapult-rest search (`/transactions/confirmed`, `/statements/transaction`, …): the common paging
 * filters added to the route's own, the `{data: [...], pagination: {pageNumber, pageSize}}` answer read with `read`
 * for each entry. A gateway that leaves out `pagination` is taken at its word for the page asked.
 */
import { dtoArray, dtoGet, dtoHas, dtoInteger, dtoRoot, type DtoField } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The paging filters every search takes. */
export interface SearchPaging {
  readonly pageSize?: number;
  readonly pageNumber?: number;
  readonly order?: 'asc' | 'desc';
}

/** One page of entries. */
export interface SearchPage<Entry> {
  readonly data: Entry[];
  readonly pageNumber: number;
  readonly pageSize: number;
}

/**
 * GET `path` with `query` plus the paging filters, and reads each entry.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function requestSearchPage<Entry>(
  transport: NodeTransport,
  path: string,
  query: URLSearchParams,
  paging: SearchPaging,
  read: (entry: DtoField) => Entry,
): Promise<SearchPage<Entry>> {
  if (paging.pageSize !== undefined) query.set('pageSize', String(paging.pageSize));
  if (paging.pageNumber !== undefined) query.set('pageNumber', String(paging.pageNumber));
  if (paging.order !== undefined) query.set('order', paging.order);
  const text = query.toString();
  const root = dtoRoot(path, await requestJson(transport, `${path}${text === '' ? '' : `?${text}`}`));
  const pagination = dtoGet(root, 'pagination');
  return {
    data: dtoArray(dtoGet(root, 'data')).map(read),
    pageNumber: dtoHas(pagination) ? dtoInteger(dtoGet(pagination, 'pageNumber')) : (paging.pageNumber ?? 1),
    pageSize: dtoHas(pagination) ? dtoInteger(dtoGet(pagination, 'pageSize')) : (paging.pageSize ?? 10),
  };
}
