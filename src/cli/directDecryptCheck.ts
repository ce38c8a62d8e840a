/**
 * `harvest decrypt-check` without commander and the command table: the entry of dist/app/decryptCheck.cjs
 * (scripts/bundle.js), which bin/harvest.js loads for a command line starting with `decrypt-check`. A plain
 * command line (src/cli/decryptCheckCommandLine.ts) runs the table's own decrypt-check entry through the same steps
 * as the program (src/cli/runCommand.ts), and a failure is printed as main() prints it; any other command line is
 * left to the program. It starts as CommonJS, one file: no ES module loader, whose first use alone costs about as
 * much as commander (docs/performance.md, "Start-up, third pass").
 */
import type { Runtime } from '../commands/context/runtime.js';
import { decryptCheckCommandLine } from './decryptCheckCommandLine.js';
import { decryptCheckEntry } from './decryptCheckEntry.js';
import { reportFailure } from './earlyOutput.js';
import { createProcessRuntime } from './processRuntime.js';
import { runParsedCommand } from './runCommand.js';

/**
 * Runs `harvest decrypt-check …` and resolves to its exit code, or returns undefined, running nothing, when the
 * command line is not a plain one: the program (src/cli/main.ts) then reads it. Tests pass `overrides` as to main().
 */
export function runDecryptCheckDirectly(
  argv: readonly string[],
  overrides: Partial<Runtime> = {},
): Promise<number> | undefined {
  // the working directory as the runtime will have it (--home is made absolute against it); the runtime itself is
  // made only for a command line read here, the program makes its own
  const parsed = decryptCheckCommandLine(argv, overrides.cwd ?? process.cwd());
  if (parsed === undefined) return undefined;
  const runtime: Runtime = { ...createProcessRuntime(), ...overrides };
  return runParsedCommand(decryptCheckEntry, parsed, runtime).catch((error: unknown) =>
    reportFailure(argv, runtime, error),
  );
}
