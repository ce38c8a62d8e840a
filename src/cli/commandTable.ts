/**
 * Every command of `harvest`, in the order of its help: the light definition, registered at start-up, and the one
 * import() of its implementation, made only when the command runs, so that `harvest --help`, `--version` and
 * `<command> --help` load no flow, no node client and no crypto (test/e2e/lightStartup.e2e.test.ts).
 */
import { announceDefinition } from '../commands/definitions/announce.js';
import { cosignDefinition } from '../commands/definitions/cosign.js';
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
import { command, type CommandEntry } from './commandEntry.js';
import { decryptCheckEntry } from './decryptCheckEntry.js';

export type { CommandEntry } from './commandEntry.js';

/** The commands, in the order `harvest --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  decryptCheckEntry,
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
