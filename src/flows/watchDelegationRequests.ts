/**
 * `harvest requests --watch` (docs/commands/requests.md#--watch): one full scan, then only the blocks added since,
 * so that the cost of each block does not grow with the node's request history.
 *
 *   read the chain height H, scan the whole history up to H (search, open, check), note every request
 *   each block time: read the chain height; when it grew, search only the new blocks (fromHeight = last H + 1,
 *     toHeight = the new H), open and check the new requests alone, note each
 *   when stopped (SIGINT/SIGTERM or --watch-timeout): check every known request once more against the chain
 *     (account reads, no search), so that the verdicts of the result are current
 */
import { deriveAddress } from '../core/address.js';
import { toHex } from '../core/bytes.js';
import { derivePublicKey } from '../core/keys.js';
import type { Clock, Sleep } from '../core/ports.js';
import { checkNetwork } from '../node/checkNetwork.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { checkNodeKeyMatches } from './checkNodeKeyMatches.js';
import { checkRequestsAgainstChain } from './checkRequestsAgainstChain.js';
import { findDelegationRequests } from './findDelegationRequests.js';
import type { ChainRequestReport, RequestsResult, ScanParameters } from './scanDelegationRequests.js';
import { requestsResult } from './summariseRequests.js';

/** Inputs of watchDelegationRequests. */
export interface WatchRequestsParameters extends ScanParameters {
  readonly timeoutMs: number;
  /** Resolves when the user asks to stop. */
  readonly stopped: Promise<unknown>;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** Told about every request when it is first found, with its verdict at that block. */
  readonly onNew: (report: ChainRequestReport) => void;
  /** Called with a short status line after every pass (progress on stderr). */
  readonly onProgress?: (text: string) => void;
}

/**
 * Scans once, then follows new blocks until stopped or out of time; returns every request found, checked again at
 * the end.
 * @throws {InputError} WRONG_NETWORK, NODE_KEY_MISMATCH
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function watchDelegationRequests(
  client: NodeClient,
  parameters: WatchRequestsParameters,
): Promise<RequestsResult> {
  const started = parameters.now().getTime();
  const { network, nodeInfo } = await checkNetwork(client, parameters.expectedNetwork);
  const nodePublicKey = derivePublicKey(parameters.nodePrivateKey);
  checkNodeKeyMatches(nodeInfo, nodePublicKey, client.url);
  const nodeAddress = deriveAddress(nodePublicKey, network.identifier);
  const properties = await client.getNetworkProperties();
  const intervalMs = Math.max(200, properties.blockGenerationTargetTimeMs ?? 30_000);
  const check = (reports: readonly ChainRequestReport[]) =>
    checkRequestsAgainstChain(client, reports, { nodePublicKey, expectedNetwork: network });
  const controller = new AbortController();
  void parameters.stopped.then(() => controller.abort());

  /** Every request found so far, opened but unchecked, oldest first. */
  const known: ChainRequestReport[] = [];
  const seen = new Set<string>();
  let range: { fromHeight?: bigint; toHeight: bigint } = { toHeight: (await client.getChainInfo()).height };
  for (;;) {
    const found = await findDelegationRequests(client, {
      nodePrivateKey: parameters.nodePrivateKey,
      nodeAddress,
      showSecrets: parameters.showSecrets,
      ...range,
      ...(parameters.pageSize === undefined ? {} : { pageSize: parameters.pageSize }),
      ...(parameters.maxPages === undefined ? {} : { maxPages: parameters.maxPages }),
    });
    const fresh = found.filter((report) => {
      const key = `${report.height}:${report.source}:${report.requestId === null ? '' : toHex(report.requestId)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) {
      known.push(...fresh);
      for (const report of await check(fresh)) parameters.onNew(report);
    }
    // wait for a block higher than the last one searched
    for (;;) {
      const elapsed = parameters.now().getTime() - started;
      parameters.onProgress?.(
        `watching for delegation requests (${known.length} seen, ${Math.round(elapsed / 1000)} s)`,
      );
      if (controller.signal.aborted || elapsed >= parameters.timeoutMs) return finish();
      try {
        await parameters.sleep(Math.min(intervalMs, parameters.timeoutMs - elapsed), controller.signal);
      } catch {
        return finish(); // aborted by the stop signal
      }
      const height = (await client.getChainInfo()).height;
      if (height > range.toHeight) {
        range = { fromHeight: range.toHeight + 1n, toHeight: height };
        break;
      }
    }
  }

  async function finish(): Promise<RequestsResult> {
    const requests = await check(known.map((report, index) => ({ ...report, index })));
    return requestsResult({ publicKey: nodePublicKey, address: nodeAddress, network }, requests);
  }
}
