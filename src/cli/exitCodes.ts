import type { CommandOutcome, PartialExit } from '../commands/context/outcome.js';
import { CancelledError, InputError, NodeError, PendingError, RejectedError } from '../core/errors.js';

/** The exit codes of docs/cli.md. */
export const ExitCode = {
  Ok: 0,
  Bug: 1,
  Usage: 2,
  NodeUnavailable: 3,
  Rejected: 4,
  Pending: 5,
  Cancelled: 130,
} as const;

/** The exit code of each way a command that printed its result can fall short. */
const PARTIAL_EXIT_CODES: Readonly<Record<PartialExit, number>> = {
  pending: ExitCode.Pending,
  rejected: ExitCode.Rejected,
  internal: ExitCode.Bug,
  interrupted: ExitCode.Cancelled,
  node: ExitCode.NodeUnavailable,
  usage: ExitCode.Usage,
};

/** The exit code of a command that printed its result: 0, or why it did not fully succeed. */
export function exitCodeOf(outcome: CommandOutcome): number {
  return outcome.exit === undefined ? ExitCode.Ok : PARTIAL_EXIT_CODES[outcome.exit];
}

/** The exit code of a command that failed: the only place that turns an error into an exit code. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return ExitCode.Usage;
  if (error instanceof NodeError) return ExitCode.NodeUnavailable;
  if (error instanceof RejectedError) return ExitCode.Rejected;
  if (error instanceof PendingError) return ExitCode.Pending;
  if (error instanceof CancelledError) return ExitCode.Cancelled;
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    return ExitCode.Cancelled;
  }
  return ExitCode.Bug;
}
