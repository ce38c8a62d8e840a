/**
 * The one place a command runs: load its implementation and the context, run it, print its result and decide
 * the exit code from its outcome (src/cli/exitCodes.ts). A failure is thrown on to main(), which prints the error
 * and maps it with exitCodeFor.
 */
import type { Command } from 'commander';
import type { Runtime } from '../commands/context/runtime.js';
import type { CommandEntry } from './commandTable.js';
import { exitCodeOf } from './exitCodes.js';
import { loadStyle } from '../ui/style.js';
import { readSettings, type GlobalOptions } from './globalOptions.js';

/** Runs the command that commander parsed (`command`) and returns its exit code. */
export async function runCommand(entry: CommandEntry, command: Command, runtime: Runtime): Promise<number> {
  // the context's node and keystore openers load flows: loaded with the command, never for help or version
  const options = command.optsWithGlobals<GlobalOptions>();
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
  const args = command.processedArgs as string[];
  const outcome = await implementation.run({ args, options: entry.definition.readOptions(command) }, ctx);
  outcome.print(ctx.output);
  await outcome.keepRunning?.();
  return exitCodeOf(outcome);
}
