/** What every wait takes from the outside world: the clock, sleeping, the stop signal and a progress sink. */
import type { Clock, Sleep } from '../../core/ports.js';

/** The ports of a wait (the lifecycle's, status --watch's, onboard's). */
export interface WaitPorts {
  readonly now: Clock;
  readonly sleep: Sleep;
  /**
   * Aborted by SIGINT/SIGTERM (docs/cli.md, "Signals"): a wait takes one last look and stops, as if out of time, and
   * the command reports what it has.
   */
  readonly signal?: AbortSignal | undefined;
  /** Called with a short status line after each poll or step (progress on stderr, as --progress says). */
  readonly onProgress?: ((text: string) => void) | undefined;
}
