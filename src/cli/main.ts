import { CommanderError, type Command } from 'commander';
import type { Runtime } from '../commands/context/runtime.js';
import { InputError } from '../core/errors.js';
import { earlyOutput, readEarlyFlags, reportFailure } from './earlyOutput.js';
import { ExitCode } from './exitCodes.js';
import { createProcessRuntime } from './processRuntime.js';
import type { CommandEntry } from './commandTable.js';
import { createProgram } from './program.js';
import { runCommand } from './runCommand.js';

/**
 * Runs one invocation of `harvest` and returns its exit code. Never calls process.exit, so stdout always flushes.
 * Tests pass `overrides` to replace any part of the outside world.
 */
export async function main(argv: readonly string[], overrides: Partial<Runtime> = {}): Promise<number> {
  const runtime: Runtime = { ...createProcessRuntime(), ...overrides };
  return runHarvest(argv, runtime, (entry, command) => runCommand(entry, command, runtime));
}

/** Runs the command commander parsed and returns its exit code (src/cli/runCommand.ts, or a test's recorder). */
export type RunParsedCommand = (entry: CommandEntry, command: Command) => Promise<number>;

/**
 * Parses `argv`, hands the command to `run` and returns the exit code: the command's, or that of a usage error,
 * help, version or failure. Errors are printed here: the JSON error document with --json, else a message on stderr.
 */
export async function runHarvest(
  argv: readonly string[],
  runtime: Runtime,
  run: RunParsedCommand,
): Promise<number> {
  const early = readEarlyFlags(argv);
  const output = () => earlyOutput(argv, runtime);
  try {
    // set by the one command that runs; help and version run none, and exit 0
    let commandExitCode: number = ExitCode.Ok;
    const program = createProgram(runtime, early, async (entry, command) => {
      commandExitCode = await run(entry, command);
    });
    // `harvest help help`: the help of `help` is the program's help (commander would call `help` unknown)
    const words = argv[0] === 'help' && argv[1] === 'help' ? ['help', ...argv.slice(2)] : argv;
    await program.parseAsync([...words], { from: 'user' });
    return commandExitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
      ) {
        return ExitCode.Ok;
      }
      // `harvest help <name>` of no such command: commander prints the program's help and gives a placeholder
      // message ("(outputHelp)"); say what was wrong instead
      if (error.code === 'commander.help') {
        const asked = argv[argv.indexOf('help') + 1];
        (await output()).error(
          new InputError('INVALID_INPUT', `unknown command '${asked ?? 'help'}'`, {
            hint: 'harvest --help lists the commands',
          }),
        );
        return ExitCode.Usage;
      }
      if (early.json) {
        (await output()).error(new InputError('INVALID_INPUT', error.message.replace(/^error: /, '')));
      }
      return ExitCode.Usage;
    }
    return reportFailure(argv, runtime, error);
  }
}
