/**
 * `harvest keep --fallback-node`: the first fallback, in the order given, that can take the account now: it answers,
 * is on the keeper's network, publishes a transport key, is not the node the account is linked to, and, when
 * `--max-unlocked-accounts` says how many delegates a node takes, lists fewer than that (REST exposes no slot count:
 * docs/protocol.md). A fallback that fails a check is skipped with a note saying why.
 *
 * `auto` in the list (docs/commands/nodes.md) stands for node discovery at that place: the usable candidates in rank
 * order (room, weakest delegate, latency judged by discoverNodes for this account), the linked node left out.
 */
import { HarvestError } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import { checkNetwork } from '../../node/checkNetwork.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { AUTO_NODE } from '../connectNode.js';
import { readUnlocked } from '../lifecycle/waitForNode.js';

/** Inputs of chooseFallbackNode. */
export interface ChooseFallbackNodeParameters {
  readonly urls: readonly string[];
  readonly connect: (url: string) => NodeClient;
  readonly network: NetworkParameters;
  readonly maxUnlockedAccounts: number | undefined;
  readonly onNote?: ((text: string) => void) | undefined;
  /** `auto`: the usable candidates for the account, best first (node discovery); absent when `auto` is not listed. */
  readonly discover?:
    ((mainAddress: Uint8Array, network: NetworkParameters) => Promise<readonly string[]>) | undefined;
}

/** The URL of the first usable fallback other than `linkedNodeUrl`, or undefined. */
export async function chooseFallbackNode(
  parameters: ChooseFallbackNodeParameters,
  linkedNodeUrl: string | null,
  mainAddress: Uint8Array,
): Promise<string | undefined> {
  for (const url of parameters.urls) {
    if (url === linkedNodeUrl) continue;
    if (url === AUTO_NODE) {
      // discovery's best first, each checked as an explicit fallback is (network, transport key, room)
      for (const candidate of await discovered(parameters, mainAddress)) {
        if (candidate === linkedNodeUrl) continue;
        if ((await unusable(parameters, candidate)) === undefined) return candidate;
      }
      parameters.onNote?.('fallback auto: node discovery found no usable node besides the linked one');
      continue;
    }
    const why = await unusable(parameters, url);
    if (why === undefined) return url;
    parameters.onNote?.(`fallback ${url} skipped: ${why}`);
  }
  return undefined;
}

/** Node discovery's usable candidates; a discovery that fails is said and yields none (the next fallback is tried). */
async function discovered(
  parameters: ChooseFallbackNodeParameters,
  mainAddress: Uint8Array,
): Promise<readonly string[]> {
  if (parameters.discover === undefined) return [];
  try {
    return await parameters.discover(mainAddress, parameters.network);
  } catch (error) {
    if (!(error instanceof HarvestError)) throw error;
    parameters.onNote?.(`fallback auto: node discovery failed (${error.code}: ${error.message})`);
    return [];
  }
}

async function unusable(parameters: ChooseFallbackNodeParameters, url: string): Promise<string | undefined> {
  const client = parameters.connect(url);
  try {
    const { nodeInfo } = await checkNetwork(client, parameters.network);
    if (nodeInfo.nodePublicKey === undefined) return 'it publishes no transport key';
    const max = parameters.maxUnlockedAccounts;
    if (max === undefined) return undefined;
    const unlocked = await readUnlocked(client);
    if (unlocked !== undefined && unlocked.length >= max)
      return `full (${unlocked.length} of ${max} delegates)`;
    return undefined;
  } catch (error) {
    if (error instanceof HarvestError) return `${error.code}: ${error.message}`;
    throw error;
  }
}
