/**
 * The delegation requests sent to a node's transport address in a range of blocks, opened with the node key but not
 * yet checked against chain state: a paged /transactions/confirmed search (type=16724, embedded=true so requests
 * inside aggregates count, oldest first), the transfers with the delegation marker, each opened and located (hash,
 * height).
 */
import type { ChainRequestReport } from '../contract/requests.js';
import { TRANSFER_TYPE } from '../core/transactions/findDelegationTransfers.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { TransactionEntry } from '../node/readTransactionEntry.js';
import { collectDelegationInputs } from './collectDelegationInputs.js';
import { decryptDelegationRequestsInParallel } from './decryptDelegationRequests.js';

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
  const entries: TransactionEntry[] = [];
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await client.searchConfirmedTransactions({
      recipientAddress: parameters.nodeAddress,
      type: [TRANSFER_TYPE],
      embedded: true,
      ...(parameters.fromHeight === undefined ? {} : { fromHeight: parameters.fromHeight }),
      ...(parameters.toHeight === undefined ? {} : { toHeight: parameters.toHeight }),
      order: 'asc',
      pageSize,
      pageNumber,
    });
    entries.push(...page.data);
    if (page.data.length < pageSize) break;
  }
  // oldest first: SUPERSEDED marks all but the newest request of each main account
  const found = collectDelegationInputs(entries).sort((a, b) =>
    a.height < b.height ? -1 : a.height > b.height ? 1 : 0,
  );
  if (found.length === 0) return [];
  const opened = await decryptDelegationRequestsInParallel(
    parameters.nodePrivateKey,
    found.map(({ input }) => input),
    { showSecrets: parameters.showSecrets },
  );
  return opened.requests.map((report, index) => ({
    ...report,
    hash: found[index]!.hash,
    height: found[index]!.height,
  }));
}
