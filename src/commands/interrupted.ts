/**
 * One-shot commands cut short by SIGINT/SIGTERM (docs/cli.md, "Signals"): the normal result, as far as the run got,
 * with `"interrupted": true`, and exit 130.
 */
import type { Context } from './context/context.js';
import type { CommandOutcome } from './context/outcome.js';

/** `result` with `interrupted: true` when the invocation's signal aborted; `result` itself otherwise. */
export function markInterrupted<Result extends object>(
  ctx: Context,
  result: Result,
): Result & { readonly interrupted?: true } {
  return ctx.runtime.interruption().aborted ? { ...result, interrupted: true } : result;
}

/** Exit 130 for an interrupted result, else `otherwise` (e.g. pending, exit 5). */
export function interruptedExit(
  result: { readonly interrupted?: true },
  otherwise: Pick<CommandOutcome, 'exit'>,
): Pick<CommandOutcome, 'exit'> {
  return result.interrupted === true ? { exit: 'interrupted' } : otherwise;
}
