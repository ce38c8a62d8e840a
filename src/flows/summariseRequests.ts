/** The summary of `harvest requests` (docs/commands/requests.md): counts over the checked requests. */
import type { ChainRequestReport, RequestsResult, RequestsSummary } from '../contract/requests.js';
import { encodeAddress } from '../core/address.js';
import type { NetworkParameters } from '../core/network.js';
import { SUPERSEDED } from './checkRequestsAgainstChain.js';

/** Counts the requests by outcome; `unlocked` is null when /node/unlockedaccount could not be read. */
export function summariseRequests(requests: readonly ChainRequestReport[]): RequestsSummary {
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

/** The result document of `harvest requests`: the node, its network, the checked requests and their summary. */
export function requestsResult(
  node: { readonly publicKey: Uint8Array; readonly address: Uint8Array; readonly network: NetworkParameters },
  requests: readonly ChainRequestReport[],
): RequestsResult {
  return {
    nodePublicKey: node.publicKey,
    nodeAddress: encodeAddress(node.address),
    network: node.network.name,
    requests: [...requests],
    summary: summariseRequests(requests),
  };
}
