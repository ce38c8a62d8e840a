/**
 * `harvest requests` (docs/commands/requests.md): every delegation request ever sent to the node's transport address,
 * found with a paged /transactions/confirmed search (embedded=true, so requests inside aggregates count), opened
 * with the node key and checked against chain state like `decrypt-check --node`.
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { derivePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import { TRANSFER_TYPE } from '../core/transactions/findDelegationTransfers.js';
import { checkNetwork } from '../node/checkNetwork.js';
import { checkNodeKeyMatches } from './checkNodeKeyMatches.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { TransactionEntry } from '../node/readTransactionEntry.js';
import { checkRequestsAgainstChain, SUPERSEDED } from './checkRequestsAgainstChain.js';
import { collectDelegationInputs } from './collectDelegationInputs.js';
import { decryptDelegationRequestsInParallel } from './decryptDelegationRequests.js';
import type { ChainRequestReport, RequestsSummary, RequestsResult } from '../contract/requests.js';
export type { ChainRequestReport, RequestsSummary, RequestsResult } from '../contract/requests.js';

/** Options of scanDelegationRequests. */
export interface ScanParameters {
  readonly nodePrivateKey: Uint8Array;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly showSecrets: boolean;
  /** Results per page (REST allows 10..100). */
  readonly pageSize?: number;
  /** Safety bound on the number of pages read. */
  readonly maxPages?: number;
}

/**
 * Finds, opens and checks every delegation request sent to the node.
 * @throws {InputError} WRONG_NETWORK
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function scanDelegationRequests(
  client: NodeClient,
  parameters: ScanParameters,
): Promise<RequestsResult> {
  const { network, nodeInfo } = await checkNetwork(client, parameters.expectedNetwork);
  const nodePublicKey = derivePublicKey(parameters.nodePrivateKey);
  checkNodeKeyMatches(nodeInfo, nodePublicKey, client.url);
  const nodeAddress = deriveAddress(nodePublicKey, network.identifier);
  const pageSize = parameters.pageSize ?? 100;
  const maxPages = parameters.maxPages ?? 1000;
  const entries: TransactionEntry[] = [];
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await client.searchConfirmedTransactions({
      recipientAddress: nodeAddress,
      type: [TRANSFER_TYPE],
      embedded: true,
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
  const opened = await decryptDelegationRequestsInParallel(
    parameters.nodePrivateKey,
    found.map(({ input }) => input),
    { showSecrets: parameters.showSecrets },
  );
  const located: ChainRequestReport[] = opened.requests.map((report, index) => ({
    ...report,
    hash: found[index]!.hash,
    height: found[index]!.height,
  }));
  const requests = await checkRequestsAgainstChain(client, located, {
    nodePublicKey,
    expectedNetwork: network,
  });
  return {
    nodePublicKey,
    nodeAddress: encodeAddress(nodeAddress),
    network: network.name,
    requests,
    summary: summarise(requests),
  };
}

function summarise(requests: readonly ChainRequestReport[]): RequestsSummary {
  const count = (test: (report: ChainRequestReport) => boolean) => requests.filter(test).length;
  const unlockedKnown = requests.some((report) => report.unlocked !== null);
  const anyOpened = requests.some((report) => report.verdict !== null);
  return {
    total: requests.length,
    ok: count((report) => report.ok),
    failed: count((report) => !report.ok),
    acceptable: count((report) => report.verdict === 'ACCEPTABLE'),
    rejected: count((report) => report.verdict === 'REJECTED'),
    superseded: count((report) => report.reasons.includes(SUPERSEDED)),
    unlocked: unlockedKnown || !anyOpened ? count((report) => report.unlocked === true) : null,
  };
}
