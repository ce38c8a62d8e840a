/**
 * `harvest requests --watch`: follows the chain block by block and reports each new delegation request as it
 * appears, until stopped (SIGINT/SIGTERM) or out of time; the result is the last full scan, so verdicts are current
 * (a request's verdict changes when the account's links, importance or balance change).
 */
import { toHex } from '../core/bytes.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { NodeClient } from '../node/createNodeClient.js';
import {
  scanDelegationRequests,
  type ChainRequestReport,
  type RequestsResult,
  type ScanParameters,
} from './scanDelegationRequests.js';

/** Inputs of watchDelegationRequests. */
export interface WatchRequestsParameters extends ScanParameters {
  readonly timeoutMs: number;
  /** Resolves when the user asks to stop. */
  readonly stopped: Promise<unknown>;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** Told about every request not seen in an earlier scan. */
  readonly onNew: (report: ChainRequestReport) => void;
  /** Called with a short status line after every scan (progress on stderr). */
  readonly onProgress?: (text: string) => void;
}

/** Scans once per block time until stopped or out of time; returns the last scan. */
export async function watchDelegationRequests(
  client: NodeClient,
  parameters: WatchRequestsParameters,
): Promise<RequestsResult> {
  const started = parameters.now().getTime();
  const properties = await client.getNetworkProperties();
  const intervalMs = Math.max(200, properties.blockGenerationTargetTimeMs ?? 30_000);
  const seen = new Set<string>();
  const controller = new AbortController();
  void parameters.stopped.then(() => controller.abort());
  for (;;) {
    const result = await scanDelegationRequests(client, parameters);
    for (const report of result.requests) {
      const key = `${hexOrEmpty(report.hash)}:${report.requestId === null ? report.index : toHex(report.requestId)}`;
      if (!seen.has(key)) {
        seen.add(key);
        parameters.onNew(report);
      }
    }
    const elapsed = parameters.now().getTime() - started;
    parameters.onProgress?.(
      `watching for delegation requests (${seen.size} seen, ${Math.round(elapsed / 1000)} s)`,
    );
    if (controller.signal.aborted || elapsed >= parameters.timeoutMs) return result;
    try {
      await parameters.sleep(Math.min(intervalMs, parameters.timeoutMs - elapsed), controller.signal);
    } catch {
      // aborted by the stop signal: one last scan above is not needed, the previous one is current
      return result;
    }
  }
}

function hexOrEmpty(bytes: Uint8Array | null): string {
  return bytes === null ? '' : toHex(bytes);
}
