/**
 * The sleep of every wait loop (docs/cli.md, "Signals"): waits `ms`, or less when `signal` aborts first (SIGINT or
 * SIGTERM). Never throws for the abort: the loop then sees `signal.aborted` and returns what it has.
 */
import type { Sleep } from '../core/ports.js';

/** Sleeps `ms` unless `signal` aborts first; true when the whole time passed. */
export async function pauseUnlessInterrupted(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal === undefined) {
    await sleep(ms);
    return true;
  }
  try {
    if (!signal.aborted) await sleep(ms, signal);
  } catch (error) {
    if (!signal.aborted) throw error; // a failure of the timer itself, not the abort
  }
  return !signal.aborted;
}
