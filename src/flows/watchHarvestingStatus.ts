/**
 * `harvest status --watch`: reads the status again every block time until its state word changes or the watch
 * times out. A node that fails between two reads is reported as progress and asked again at the next poll: a watch
 * outlives a hiccup, and the last good status is what the caller gets when time runs out.
 */
import { NodeError } from '../core/errors.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { HarvestingStatusReport } from './getHarvestingStatus.js';

/** Inputs of watchHarvestingStatus. */
export interface WatchHarvestingStatusParameters {
  /** The status to compare against (the first read). */
  readonly initial: HarvestingStatusReport;
  /** Reads the status again. */
  readonly read: () => Promise<HarvestingStatusReport>;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
}

/** How a watch ended: the latest status, and whether its state word differs from the initial one. */
export interface WatchOutcome {
  readonly report: HarvestingStatusReport;
  readonly changed: boolean;
}

/** Polls until the state word changes (changed: true) or timeoutMs passes (changed: false, latest status). */
export async function watchHarvestingStatus(
  parameters: WatchHarvestingStatusParameters,
): Promise<WatchOutcome> {
  const { initial, now, sleep } = parameters;
  const started = now().getTime();
  let latest = initial;
  for (;;) {
    const elapsed = now().getTime() - started;
    if (elapsed >= parameters.timeoutMs) return { report: latest, changed: false };
    await sleep(Math.max(1, Math.min(parameters.pollMs, parameters.timeoutMs - elapsed)));
    try {
      latest = await parameters.read();
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      parameters.onProgress?.(`status read failed (${error.code}); trying again at the next block`);
      continue;
    }
    if (latest.status.state !== initial.status.state) return { report: latest, changed: true };
    const seconds = Math.round((now().getTime() - started) / 1000);
    parameters.onProgress?.(`still ${latest.status.state} after ${seconds} s (watching for a change)`);
  }
}
