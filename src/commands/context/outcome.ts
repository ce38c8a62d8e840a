/**
 * What a command returns: its result with how to show it, and why it did not fully succeed, if so. The CLI prints
 * the result and turns `exit` into the exit code in one place (src/cli/exitCodes.ts; the codes are in docs/cli.md).
 */
import type { Formatter, Output } from '../../ui/output.js';
import type { Context } from './context.js';

/**
 * Why a command that printed its result still did not fully succeed: `pending` (exit 5) while a confirmation or
 * activation is still awaited, `rejected` (exit 4) when part of the work was refused, `internal` (exit 1) when
 * part of it hit a bug, `interrupted` (exit 130) when SIGINT/SIGTERM cut a one-shot command short (docs/cli.md,
 * "Signals"); `node` (exit 3) and `usage` (exit 2) when part of the work met a node or input error that a streaming
 * command (`keep --once`) reported as an event.
 */
export type PartialExit = 'pending' | 'rejected' | 'internal' | 'interrupted' | 'node' | 'usage';

/** The outcome of one command run. */
export interface CommandOutcome {
  /** Prints the result through `output` (JSON with --json, else its human rendering). */
  readonly print: (output: Output) => void;
  readonly exit?: PartialExit;
  /** For a server (`harvest devnet`): runs after the result is printed, until the server stops. */
  readonly keepRunning?: () => Promise<void>;
}

/** The operands and flags of one command line, as commander parsed them. */
export interface CommandInput<Options> {
  /** The positional arguments, in order (e.g. the plan file of `harvest sign`). */
  readonly args: readonly string[];
  readonly options: Options;
}

/** A command's implementation module: loaded with one import() when the command runs (src/cli/commandTable.ts). */
export interface CommandModule<Options> {
  run(input: CommandInput<Options>, ctx: Context): Promise<CommandOutcome>;
}

/** The outcome of a command whose result is `result`, shown by `format`. */
export function outcome<Result>(
  result: Result,
  format: Formatter<Result>,
  more: Omit<CommandOutcome, 'print'> = {},
): CommandOutcome {
  return { print: (output) => output.result(result, format), ...more };
}
