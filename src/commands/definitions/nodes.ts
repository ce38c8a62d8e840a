/**
 * `harvest nodes` as help shows it (docs/commands/nodes.md): summary, description and flags.
 * No heavy import here: the code that runs it is src/commands/nodes.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest nodes`. */
export interface NodesOptions {
  readonly nodewatch?: string;
  readonly address?: string;
  readonly maxUnlockedAccounts?: string;
  readonly probeTimeout?: string;
}

/** `harvest nodes`. */
export const nodesDefinition = defineCommand<NodesOptions>({
  name: 'nodes',
  summary: 'which nodes can take a delegation: ranked, with the reason for each exclusion',
  description:
    'Lists candidate nodes from a nodewatch directory (--nodewatch; the public one of --network by default) ' +
    'and/or every --node, probes each at once with a short timeout (network, transport key, health, used ' +
    'delegate slots, lowest delegate importance, latency) and ranks the usable ones; each excluded node says why ' +
    '(UNREACHABLE, WRONG_NETWORK, NO_TRANSPORT_KEY, UNSAFE_NODE_KEY, UNHEALTHY, NO_UNLOCKED_LIST, ' +
    'FULL_AND_STRONGER). With --address, a full node counts only when the account outranks its weakest delegate.',
  unusedGlobals: ['--yes', '--home', '--no-input'],
  configure: (command) =>
    command
      .option(
        '--nodewatch <url>',
        'nodewatch base URL (env HARVEST_NODEWATCH; default the public one of --network unless --node is given)',
      )
      .option(
        '--address <base32>',
        'the account to place: full nodes count only if it outranks their weakest',
      )
      .option(
        '--max-unlocked-accounts <n>',
        "delegate slots assumed per node (REST does not publish maxUnlockedAccounts; default 5, catapult's)",
      )
      .option('--probe-timeout <seconds>', 'time allowed for each request of a probe (default 3)'),
});
