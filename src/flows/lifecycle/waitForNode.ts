/**
 * The last step of the lifecycle: waiting for the node to act on the chain's news. "Active" has exactly one test
 * (docs/states.md): the node whose transport key is the account's node link lists the account's remote key in
 * /node/unlockedaccount. After a delegation the node must come to list it; after an unlink it must drop it.
 * The wallets wait about ten minutes before they give up showing "activation pending".
 */
import { equalBytes } from '../../core/bytes.js';
import { NodeError } from '../../core/errors.js';
import type { WaitPorts } from './waitPorts.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { pauseUnlessInterrupted } from '../pauseUnlessInterrupted.js';

/** Inputs of waitForNode. */
export interface WaitForNodeParameters extends WaitPorts {
  readonly client: Pick<NodeClient, 'getUnlockedAccounts'>;
  readonly remotePublicKey: Uint8Array;
  /** `listed`: until the node unlocks the account; `dropped`: until it no longer does. */
  readonly until: 'listed' | 'dropped';
  readonly timeoutMs: number;
  readonly pollMs: number;
}

/**
 * True once the node is as wanted, false when time ran out (or the wait was interrupted) first. A poll that fails
 * (NODE_*, after the client's retries) is "not known yet" and the wait goes on (docs/cli.md, "Retries").
 * @throws {NodeError} when time ran out and the last poll had failed
 */
export async function waitForNode(parameters: WaitForNodeParameters): Promise<boolean> {
  const { client, now, sleep, until } = parameters;
  const started = now().getTime();
  const doing = until === 'listed' ? 'unlock the account' : 'drop the delegate';
  for (;;) {
    let failure: NodeError | undefined;
    try {
      const unlocked = await client.getUnlockedAccounts();
      const listed = unlocked.some((key) => equalBytes(key, parameters.remotePublicKey));
      if (listed === (until === 'listed')) return true;
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      failure = error;
    }
    const elapsed = now().getTime() - started;
    if (elapsed >= parameters.timeoutMs || parameters.signal?.aborted === true) {
      if (failure !== undefined && parameters.signal?.aborted !== true) throw failure;
      return false;
    }
    parameters.onProgress?.(`waiting for the node to ${doing} (${Math.round(elapsed / 1000)} s)`);
    await pauseUnlessInterrupted(
      sleep,
      Math.min(parameters.pollMs, Math.max(1, parameters.timeoutMs - elapsed)),
      parameters.signal,
    );
  }
}

/** /node/unlockedaccount, or undefined when the node does not serve it (diagnostics off, light REST, an error). */
export async function readUnlocked(
  client: Pick<NodeClient, 'getUnlockedAccounts'>,
): Promise<Uint8Array[] | undefined> {
  try {
    return await client.getUnlockedAccounts();
  } catch (error) {
    if (error instanceof NodeError) return undefined;
    throw error;
  }
}

/** How often to ask the node while waiting for activation: half a block, within 0.2–10 s. */
export function activationPollMs(blockTimeMs: number): number {
  return Math.min(10_000, Math.max(200, Math.floor(blockTimeMs / 2)));
}

/** How often to ask while waiting for a confirmation or for the node to prune: a quarter block, within 0.1–5 s. */
export function confirmationPollMs(blockTimeMs: number): number {
  return Math.min(5_000, Math.max(100, Math.floor(blockTimeMs / 4)));
}

/** Inputs of waitForActivation (the library's name for waiting until `listed`). */
export type WaitForActivationParameters = Omit<WaitForNodeParameters, 'until'>;

/** ACTIVE when the node lists the remote key, ACTIVATION_PENDING when time ran out first. */
export async function waitForActivation(
  parameters: WaitForActivationParameters,
): Promise<'ACTIVE' | 'ACTIVATION_PENDING'> {
  return (await waitForNode({ ...parameters, until: 'listed' })) ? 'ACTIVE' : 'ACTIVATION_PENDING';
}
