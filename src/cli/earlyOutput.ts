/**
 * The output of a failure found outside a command's context (a usage error, or an error thrown out of a command):
 * --json, --verbose and --no-color are read straight from argv, since the command line may not have been parsed.
 * Shared by main() and the direct decrypt-check entry (src/cli/directDecryptCheck.ts), so that both print a failure
 * alike.
 */
import type { Runtime } from '../commands/context/runtime.js';
import { createOutput, type Output } from '../ui/output.js';
import { loadStyle } from '../ui/style.js';
import { exitCodeFor } from './exitCodes.js';

/** What main() learns from argv before commander parses it, so parse errors honour --json. */
export interface EarlyFlags {
  readonly json: boolean;
  readonly verbose: boolean;
}

/** --json and --verbose, wherever they stand in argv. */
export function readEarlyFlags(argv: readonly string[]): EarlyFlags {
  return { json: argv.includes('--json'), verbose: argv.includes('--verbose') };
}

/** The output for a failure of this command line (chalk loaded only when colour is on). */
export async function earlyOutput(argv: readonly string[], runtime: Runtime): Promise<Output> {
  return createOutput(runtime.io, {
    ...readEarlyFlags(argv),
    style: await loadStyle(
      !argv.includes('--no-color') && runtime.env['NO_COLOR'] === undefined && runtime.io.stderrIsTTY,
    ),
  });
}

/** Prints `error` (the JSON error document with --json, else a message on stderr) and returns its exit code. */
export async function reportFailure(
  argv: readonly string[],
  runtime: Runtime,
  error: unknown,
): Promise<number> {
  (await earlyOutput(argv, runtime)).error(error);
  return exitCodeFor(error);
}
