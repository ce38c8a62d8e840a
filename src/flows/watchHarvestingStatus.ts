/**
 * `harvest status --watch`: reads the status again every block time until its state word changes or the watch
 * times out. A poll that fails is "not known yet": reported as progress and asked again at the next poll, so that a
 * watch outlives a hiccup. But a status is never reported from stale data: after `maxFailedPolls` failed polls in a
 * row, or when the watch ends (timeout or SIGINT/SIGTERM) while the last poll failed, the watch fails with that
 * poll's NODE_* error (exit 3). Stopped by a signal after a good poll, it returns the latest status.
 */
import { NodeError } from '../core/errors.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { HarvestingStatusReport } from './getHarvestingStatus.js';
import { pauseUnlessInterrupted } from './pauseUnlessInterrupted.js';

/** Inputs of watchHarvestingStatus. */
export interface WatchHarvestingStatusParameters {
  /** The status to compare against (the first read). */
  readonly initial: HarvestingStatusReport;
  /** Reads the status again. */
  readonly read: () => Promise<HarvestingStatusReport>;
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** Failed polls in a row that end the watch with the last one's error (≥ 1; default 5). */
  readonly maxFailedPolls?: number | undefined;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** Aborted by SIGINT/SIGTERM: the watch ends with the latest status. */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: (text: string) => void;
}

/** --max-failed-polls default. */
export const DEFAULT_MAX_FAILED_POLLS = 5;

/** How a watch ended: the latest status, and whether its state word differs from the initial one. */
export interface WatchOutcome {
  readonly report: HarvestingStatusReport;
  readonly changed: boolean;
  /** True when SIGINT/SIGTERM ended the watch. */
  readonly interrupted?: boolean;
}

/**
 * Polls until the state word changes (changed: true), timeoutMs passes (changed: false, latest status) or the
 * signal aborts (interrupted: true, latest status).
 * @throws {NodeError} the last poll's error after maxFailedPolls failed polls in a row, or when the watch ends
 *   while the last poll failed
 */
export async function watchHarvestingStatus(
  parameters: WatchHarvestingStatusParameters,
): Promise<WatchOutcome> {
  const { initial, now, sleep, signal } = parameters;
  const maxFailedPolls = parameters.maxFailedPolls ?? DEFAULT_MAX_FAILED_POLLS;
  const started = now().getTime();
  let latest = initial;
  let failed: { readonly error: NodeError; readonly count: number } | undefined;
  for (;;) {
    const elapsed = now().getTime() - started;
    const interrupted = signal?.aborted === true;
    if (interrupted || elapsed >= parameters.timeoutMs) {
      if (failed !== undefined) throw failed.error;
      return { report: latest, changed: false, ...(interrupted ? { interrupted } : {}) };
    }
    const slept = await pauseUnlessInterrupted(
      sleep,
      Math.max(1, Math.min(parameters.pollMs, parameters.timeoutMs - elapsed)),
      signal,
    );
    if (!slept) continue;
    try {
      latest = await parameters.read();
      failed = undefined;
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      failed = { error, count: (failed?.count ?? 0) + 1 };
      if (failed.count >= maxFailedPolls) throw error;
      parameters.onProgress?.(
        `status read failed (${error.code}, ${failed.count}/${maxFailedPolls}); trying again at the next block`,
      );
      continue;
    }
    if (latest.status.state !== initial.status.state) return { report: latest, changed: true };
    const seconds = Math.round((now().getTime() - started) / 1000);
    parameters.onProgress?.(`still ${latest.status.state} after ${seconds} s (watching for a change)`);
  }
}
