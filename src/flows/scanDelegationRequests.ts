/**
 * `harvest requests` (docs/commands/requests.md): every delegation request ever sent to the node's transport address,
 * found with a paged /transactions/confirmed search (findDelegationRequests), opened
 * with the node key and checked against chain state like `decrypt-check --node`.
 */
import { deriveAddress } from '../core/address.js';
import { derivePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import { checkNetwork } from '../node/checkNetwork.js';
import { checkNodeKeyMatches } from './checkNodeKeyMatches.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { checkRequestsAgainstChain } from './checkRequestsAgainstChain.js';
import { findDelegationRequests } from './findDelegationRequests.js';
import { readAccountsByPublicKey, type AccountsByKey } from './readAccountsByPublicKey.js';
import { requestsResult } from './summariseRequests.js';
import type { RequestsResult } from '../contract/requests.js';
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
  /** Highest block height searched (inclusive); up to the chain's top when absent. */
  readonly toHeight?: bigint;
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
  // the main accounts are read while the records are still being opened (on workers for a long history)
  let accounts: Promise<AccountsByKey> | undefined;
  const located = await findDelegationRequests(client, {
    nodePrivateKey: parameters.nodePrivateKey,
    nodeAddress,
    showSecrets: parameters.showSecrets,
    ...(parameters.toHeight === undefined ? {} : { toHeight: parameters.toHeight }),
    ...(parameters.pageSize === undefined ? {} : { pageSize: parameters.pageSize }),
    ...(parameters.maxPages === undefined ? {} : { maxPages: parameters.maxPages }),
    onSearched: (mainPublicKeys) => {
      accounts = readAccountsByPublicKey(client, mainPublicKeys);
      accounts.catch(() => undefined); // awaited by checkRequestsAgainstChain, or dropped with the search's error
    },
  });
  const requests = await checkRequestsAgainstChain(client, located, {
    nodePublicKey,
    expectedNetwork: network,
    ...(accounts === undefined ? {} : { accounts }),
  });
  return requestsResult({ publicKey: nodePublicKey, address: nodeAddress, network }, requests);
}
