/**
 * `harvest node` as help shows it (docs/commands/node.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/node.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** `harvest node`. */
export const nodeDefinition = defineCommand<Record<string, never>>({
  name: 'node',
  summary: 'inspect a node before trusting it with a delegation',
  description:
    'Reads the node given with --node (or HARVEST_NODE): its network, its transport key and whether it is safe, ' +
    'whether its harvesting slots can be seen and how full they are, the lowest importance among its ' +
    'delegates, its fees and the aggregate version its chain expects.',
  unusedGlobals: ['--yes', '--home', '--no-input', '--progress'],
  configure: () => undefined,
});
