import { CommanderError } from 'commander';
import { InputError } from '../core/errors.js';
import { createOutput } from '../ui/output.js';
import { createProcessRuntime, type Runtime } from './context.js';
import { ExitCode, exitCodeFor } from './exitCodes.js';
import { createProgram } from './program.js';

/**
 * Runs one invocation of `harvest` and returns its exit code. Never calls process.exit, so stdout always flushes.
 * Tests pass `overrides` to replace any part of the outside world.
 */
export async function main(argv: readonly string[], overrides: Partial<Runtime> = {}): Promise<number> {
  const runtime: Runtime = { ...createProcessRuntime(), ...overrides };
  const early = { json: argv.includes('--json'), verbose: argv.includes('--verbose') };
  const output = () =>
    createOutput(runtime.io, {
      ...early,
      color: !argv.includes('--no-color') && runtime.env['NO_COLOR'] === undefined && runtime.io.stderrIsTTY,
    });
  try {
    const invocation = { runtime, exitCode: ExitCode.Ok as number };
    await createProgram(invocation, early).parseAsync([...argv], { from: 'user' });
    return invocation.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
      ) {
        return ExitCode.Ok;
      }
      if (early.json) {
        output().error(new InputError('INVALID_INPUT', error.message.replace(/^error: /, '')));
      }
      return ExitCode.Usage;
    }
    output().error(error);
    return exitCodeFor(error);
  }
}
