/**
 * The delegation requests sent to a node's transport address in a range of blocks, opened with the node key but not
 * yet checked against chain state: a paged /transactions/confirmed search (type=16724, embedded=true so requests
 * inside aggregates count, oldest first), the transfers with the delegation marker, each opened and located (hash,
 * height).
 */
import type { ChainRequestReport } from '../contract/requests.js';
import { TRANSFER_TYPE } from '../core/transactions/findDelegationTransfers.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { SearchConfirmedPage } from '../node/searchConfirmedTransactions.js';
import { collectDelegationInputs, type ChainDelegationInput } from './collectDelegationInputs.js';
import { openRecordsAsFound } from './decrypt/openRecordsAsFound.js';
import { reportDelegationRequests } from './decryptDelegationRequests.js';

/** Full pages read one at a time before reading ahead: a history this short costs no page past its end. */
const READ_AHEAD_AFTER = 4;
/** Pages asked at once when reading ahead. */
const PAGES_IN_FLIGHT = 3;

/** Inputs of findDelegationRequests. */
export interface FindRequestsParameters {
  readonly nodePrivateKey: Uint8Array;
  /** The node's 24-byte transport address. */
  readonly nodeAddress: Uint8Array;
  readonly showSecrets: boolean;
  /** Lowest block height searched (inclusive); the whole history when absent. */
  readonly fromHeight?: bigint;
  /** Highest block height searched (inclusive); up to the chain's top when absent. */
  readonly toHeight?: bigint;
  /** Results per page (REST allows 10..100); 100 by default. */
  readonly pageSize?: number;
  /** Safety bound on the number of pages read; 1000 by default. */
  readonly maxPages?: number;
  /**
   * Told the main accounts of the requests found once the search is over, while their records are still being
   * opened: the caller can read those accounts meanwhile (scanDelegationRequests does).
   */
  readonly onSearched?: (mainPublicKeys: readonly Uint8Array[]) => void;
}

/**
 * Searches, opens and locates the requests of a range of blocks, oldest first (not checked against the chain).
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function findDelegationRequests(
  client: NodeClient,
  parameters: FindRequestsParameters,
): Promise<ChainRequestReport[]> {
  const pageSize = parameters.pageSize ?? 100;
  const maxPages = parameters.maxPages ?? 1000;
  const searchPage = (pageNumber: number) =>
    client.searchConfirmedTransactions({
      recipientAddress: parameters.nodeAddress,
      type: [TRANSFER_TYPE],
      embedded: true,
      ...(parameters.fromHeight === undefined ? {} : { fromHeight: parameters.fromHeight }),
      ...(parameters.toHeight === undefined ? {} : { toHeight: parameters.toHeight }),
      order: 'asc',
      pageSize,
      pageNumber,
    });
  // The records are opened as the pages arrive (decrypt/openRecordsAsFound.ts): on worker threads for a long
  // history, while this thread reads the next pages.
  const opening = openRecordsAsFound(parameters.nodePrivateKey);
  const found: { readonly entry: ChainDelegationInput; readonly recordIndex: number | undefined }[] = [];
  let recordCount = 0;
  try {
    await searchPages(searchPage, pageSize, maxPages, (entries) => {
      const records: Uint8Array[] = [];
      for (const entry of entries) {
        const { record } = entry.input;
        found.push({ entry, recordIndex: record === undefined ? undefined : recordCount++ });
        if (record !== undefined) records.push(record);
      }
      opening.add(records);
    });
  } catch (error) {
    await opening.cancel();
    throw error;
  }
  parameters.onSearched?.(found.flatMap(({ entry }) => entry.input.mainPublicKey ?? []));
  const results = await opening.results();
  // oldest first: SUPERSEDED marks all but the newest request of each main account
  const ordered = found
    .map(({ entry, recordIndex }) => ({
      ...entry,
      opened: recordIndex === undefined ? undefined : results[recordIndex],
    }))
    .sort((a, b) => (a.height < b.height ? -1 : a.height > b.height ? 1 : 0));
  if (ordered.length === 0) return [];
  const opened = reportDelegationRequests(
    parameters.nodePrivateKey,
    ordered.map(({ input }) => input),
    ordered.flatMap(({ opened }) => (opened === undefined ? [] : [opened])),
    { showSecrets: parameters.showSecrets },
  );
  return opened.requests.map((report, index) => ({
    ...report,
    hash: ordered[index]!.hash,
    height: ordered[index]!.height,
  }));
}

/**
 * Reads the search's pages in turn and hands each page's delegation inputs to `onPage`. A long history is read a few
 * pages ahead (the gateway answers the next while we read one); a short one page by page, so that it costs no page
 * beyond its end. A page read ahead of the end is not used, as when read in turn.
 */
async function searchPages(
  searchPage: (pageNumber: number) => Promise<SearchConfirmedPage>,
  pageSize: number,
  maxPages: number,
  onPage: (entries: readonly ChainDelegationInput[]) => void,
): Promise<void> {
  const pending = new Map<number, Promise<SearchConfirmedPage>>();
  for (let pageNumber = 1, full = 0; pageNumber <= maxPages; pageNumber++) {
    const ahead = full >= READ_AHEAD_AFTER ? PAGES_IN_FLIGHT : 1;
    for (let next = pageNumber; next < pageNumber + ahead && next <= maxPages; next++) {
      if (pending.has(next)) continue;
      const page = searchPage(next);
      page.catch(() => undefined); // awaited in turn below; a page past the end is never awaited
      pending.set(next, page);
    }
    const page = await pending.get(pageNumber)!;
    pending.delete(pageNumber);
    // the requests of each page at once: its transaction entries need not be kept until the last page
    onPage(collectDelegationInputs(page.data));
    if (page.data.length < pageSize) break;
    full += 1;
  }
}
