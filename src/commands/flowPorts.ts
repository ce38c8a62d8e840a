/** What every flow takes from the command's outside world: clock, sleep, randomness, and stderr for progress and notes. */
import type { Clock, RandomBytes, Sleep } from '../core/ports.js';
import type { Context } from './context/context.js';

/** The ports a flow is given, wired to this invocation. */
export interface FlowPorts {
  readonly random: RandomBytes;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** Aborted by SIGINT/SIGTERM: the flow's waits return what they have (docs/cli.md, "Signals"). */
  readonly signal: AbortSignal;
  readonly onProgress: (text: string) => void;
  readonly onNote: (text: string) => void;
}

/** This invocation's clock, sleep, randomness and interruption signal; progress and notes on stderr (docs/cli.md). */
export function flowPorts(ctx: Context): FlowPorts {
  const { runtime, output } = ctx;
  return {
    random: runtime.random,
    now: runtime.now,
    sleep: runtime.sleep,
    signal: runtime.interruption(),
    onProgress: (text) => output.progress(text),
    onNote: (text) => output.note(text),
  };
}
