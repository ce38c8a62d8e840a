/**
 * A command as `harvest --help` knows it: name, summary, description, arguments and flags, with no import of the
 * code that runs it. The CLI registers every definition at start-up and loads a command's implementation only
 * when that command runs (src/cli/commandTable.ts), so that help and version stay light (docs/ARCHITECTURE.md).
 */
import type { Command } from 'commander';

/** Global flags that only some commands read. */
export type UnusedGlobalFlag =
  '--node' | '--network' | '--timeout' | '--yes' | '--home' | '--no-input' | '--progress';

/** The light half of a command; `Options` is the shape of its flags as commander parses them. */
export interface CommandDefinition<Options> {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  /**
   * The global flags (docs/cli.md) this command never reads (or lists among its own flags), left out of its
   * `--help`; every other global flag, including any added later, is listed under "Global Options".
   */
  readonly unusedGlobals?: readonly UnusedGlobalFlag[];
  /** Declares the arguments and flags (docs/commands/<name>.md); the CLI adds the action. */
  readonly configure: (command: Command, program: Command) => void;
  /** The flags of a parsed command line, typed. */
  readonly readOptions: (command: Command) => Options;
}

/** A definition whose flags are read as commander parsed them. */
export function defineCommand<Options extends object>(
  definition: Omit<CommandDefinition<Options>, 'readOptions'>,
): CommandDefinition<Options> {
  return { ...definition, readOptions: (command) => command.opts<Options & Record<string, unknown>>() };
}
