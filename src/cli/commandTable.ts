/**
 * Every command of `harvest`, in the order of its help: the light definition, registered at start-up, and the one
 * import() of its implementation, made only when the command runs, so that `harvest --help`, `--version` and
 * `<command> --help` load no flow, no node client and no crypto (test/e2e/lightStartup.e2e.test.ts).
 */
import type { CommandModule } from '../commands/context/outcome.js';
import { announceDefinition } from '../commands/definitions/announce.js';
import type { CommandDefinition } from '../commands/definitions/commandDefinition.js';
import { cosignDefinition } from '../commands/definitions/cosign.js';
import { decryptCheckDefinition } from '../commands/definitions/decryptCheck.js';
import { delegateDefinition } from '../commands/definitions/delegate.js';
import { devnetDefinition } from '../commands/definitions/devnet.js';
import { keepDefinition } from '../commands/definitions/keep.js';
import { linkRemoteDefinition } from '../commands/definitions/linkRemote.js';
import { nodeDefinition } from '../commands/definitions/node.js';
import { nodesDefinition } from '../commands/definitions/nodes.js';
import { onboardDefinition } from '../commands/definitions/onboard.js';
import { requestsDefinition } from '../commands/definitions/requests.js';
import { rewardsDefinition } from '../commands/definitions/rewards.js';
import { signDefinition } from '../commands/definitions/sign.js';
import { statusDefinition } from '../commands/definitions/status.js';
import { unlinkDefinition } from '../commands/definitions/unlink.js';

/** A command: what help shows, and how to load the code that runs it. */
export interface CommandEntry<Options = unknown> {
  readonly definition: CommandDefinition<Options>;
  readonly load: () => Promise<CommandModule<Options>>;
}

/** Pairs a definition with its implementation; the compiler checks that both agree on the flags. */
function command<Options>(
  definition: CommandDefinition<Options>,
  load: () => Promise<CommandModule<Options>>,
): CommandEntry {
  return { definition, load };
}

/** The commands, in the order `harvest --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  command(decryptCheckDefinition, () => import('../commands/decryptCheck.js')),
  command(delegateDefinition, () => import('../commands/delegate.js')),
  command(linkRemoteDefinition, () => import('../commands/linkRemote.js')),
  command(signDefinition, () => import('../commands/sign.js')),
  command(nodeDefinition, () => import('../commands/node.js')),
  command(nodesDefinition, () => import('../commands/nodes.js')),
  command(requestsDefinition, () => import('../commands/requests.js')),
  command(statusDefinition, () => import('../commands/status.js')),
  command(rewardsDefinition, () => import('../commands/rewards.js')),
  command(unlinkDefinition, () => import('../commands/unlink.js')),
  command(announceDefinition, () => import('../commands/announce.js')),
  command(cosignDefinition, () => import('../commands/cosign.js')),
  command(onboardDefinition, () => import('../commands/onboard.js')),
  command(keepDefinition, () => import('../commands/keep.js')),
  command(devnetDefinition, () => import('../commands/devnet.js')),
];
