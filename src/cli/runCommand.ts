/**
 * The one place a command runs: load its implementation and the context, run it, print its result and decide
 * the exit code from its outcome (src/cli/exitCodes.ts). A failure is thrown on to the caller (main(), or the
 * direct decrypt-check entry), which prints the error and maps it with exitCodeFor.
 */
import type { Command } from 'commander';
import type { Runtime } from '../commands/context/runtime.js';
import type { CommandEntry } from './commandTable.js';
import { exitCodeOf } from './exitCodes.js';
import { loadStyle } from '../ui/style.js';
import { readSettings, type GlobalOptions } from './globalOptions.js';

/**
 * One command line as commander hands it to a command: what runParsedCommand needs, so that a command line read
 * without commander (src/cli/decryptCheckCommandLine.ts) runs through exactly the same steps.
 */
export interface ParsedCommandLine {
  /** The positional arguments (commander's processedArgs). */
  readonly args: readonly string[];
  /** The command's own flags (its definition's readOptions). */
  readonly options: unknown;
  /** The global options with the command's own flags merged in (commander's optsWithGlobals). */
  readonly globals: GlobalOptions;
}

/** Runs the command that commander parsed (`command`) and returns its exit code. */
export function runCommand(entry: CommandEntry, command: Command, runtime: Runtime): Promise<number> {
  return runParsedCommand(
    entry,
    {
      args: command.processedArgs as string[],
      options: entry.definition.readOptions(command),
      globals: command.optsWithGlobals<GlobalOptions>(),
    },
    runtime,
  );
}

/** Runs a command from its parsed command line and returns its exit code. */
export async function runParsedCommand(
  entry: CommandEntry,
  parsed: ParsedCommandLine,
  runtime: Runtime,
): Promise<number> {
  // the context's node and keystore openers load flows: loaded with the command, never for help or version
  const options = parsed.globals;
  const [implementation, { createContext }, { readNetworkOption }] = await Promise.all([
    entry.load(),
    import('./createContext.js'),
    import('./readNetworkOption.js'),
  ]);
  // --network may name a file: read (and refused) before the command does anything; a command that takes no
  // --network (devnet) is not stopped by a HARVEST_NETWORK meant for the others
  const network = entry.definition.unusedGlobals?.includes('--network')
    ? undefined
    : await readNetworkOption(runtime, options.network ?? runtime.env['HARVEST_NETWORK']);
  const style = await loadStyle(readSettings(runtime, options, network).color);
  const ctx = createContext(runtime, options, network, style);
  const outcome = await implementation.run({ args: parsed.args, options: parsed.options }, ctx);
  outcome.print(ctx.output);
  await outcome.keepRunning?.();
  return exitCodeOf(outcome);
}
