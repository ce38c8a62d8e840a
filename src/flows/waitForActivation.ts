/**
 * Waits until the node unlocks the account: its remote public key appears in /node/unlockedaccount (the one test
 * of "ACTIVE", docs/states.md#how-active-is-decided). The wallets wait about ten minutes before they give up showing "activation pending".
 */
import { equalBytes } from '../core/bytes.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { NodeClient } from '../node/createNodeClient.js';

/** Inputs of waitForActivation. */
export interface WaitForActivationParameters {
  /** The node the account delegates to (its transport key is the account's node link). */
  readonly client: Pick<NodeClient, 'getUnlockedAccounts'>;
  readonly remotePublicKey: Uint8Array;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
}

/** ACTIVE when the node lists the remote key, ACTIVATION_PENDING when time ran out first. */
export async function waitForActivation(
  parameters: WaitForActivationParameters,
): Promise<'ACTIVE' | 'ACTIVATION_PENDING'> {
  const { client, now, sleep } = parameters;
  const started = now().getTime();
  for (;;) {
    const unlocked = await client.getUnlockedAccounts();
    if (unlocked.some((key) => equalBytes(key, parameters.remotePublicKey))) return 'ACTIVE';
    const elapsed = now().getTime() - started;
    parameters.onProgress?.(`waiting for the node to unlock the account (${Math.round(elapsed / 1000)} s)`);
    if (elapsed >= parameters.timeoutMs) return 'ACTIVATION_PENDING';
    await sleep(Math.min(parameters.pollMs, Math.max(1, parameters.timeoutMs - elapsed)));
  }
}
