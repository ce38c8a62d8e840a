/** One command of the table (src/cli/commandTable.ts): its light definition and how to load its implementation. */
import type { CommandModule } from '../commands/context/outcome.js';
import type { CommandDefinition } from '../commands/definitions/commandDefinition.js';

/** A command: what help shows, and how to load the code that runs it. */
export interface CommandEntry<Options = unknown> {
  readonly definition: CommandDefinition<Options>;
  readonly load: () => Promise<CommandModule<Options>>;
}

/** Pairs a definition with its implementation; the compiler checks that both agree on the flags. */
export function command<Options>(
  definition: CommandDefinition<Options>,
  load: () => Promise<CommandModule<Options>>,
): CommandEntry {
  return { definition, load };
}
