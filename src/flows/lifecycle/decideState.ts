/**
 * The last step of the lifecycle: follow the node (docs/states.md), then let summarizeHarvesting — the one judge of
 * the state word, which `status` uses too — decide from the account as the chain has it now, what the node asked
 * says, our keystore, and what this run knows (pending, waited in vain, just left a node).
 */
import { equalBytes } from '../../core/bytes.js';
import { NodeError } from '../../core/errors.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import {
  summarizeHarvesting,
  type HarvestingSummary,
  type RunFacts,
} from '../../core/harvesting/summarizeHarvesting.js';
import type { ConfirmedRequest } from '../../core/keystore/confirmedRequest.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { holdsKey } from '../../core/keystore/updateKeystore.js';
import { accountBalance, type AccountInfo } from '../../node/getAccount.js';
import type { AfterConfirmation, LifecycleSettings } from './plan.js';
import type { NodeFacts } from './readNodeFacts.js';
import { activationPollMs, confirmationPollMs, readUnlocked, waitForNode } from './waitForNode.js';

/** Inputs of decideState. */
export interface DecideStateParameters {
  readonly node: NodeFacts;
  readonly mainPublicKey: Uint8Array;
  /** The account as the chain has it now (undefined: unknown to the chain). */
  readonly account: AccountInfo | undefined;
  readonly keystore: KeystoreFile | undefined;
  /** What to wait for; `wait: false` only looks. */
  readonly then: AfterConfirmation;
  readonly wait: boolean;
  /** The newest delegation request to the node asked that is confirmed (journal or this run), if any. */
  readonly request: ConfirmedRequest | undefined;
  readonly settings: LifecycleSettings;
  readonly run?: RunFacts;
  /** The node's /node/unlockedaccount when the caller has just read it (then it is not read again). */
  readonly unlocked?: readonly Uint8Array[] | undefined;
}

/** Waits as `then` says, then decides the state word and its reasons. */
export async function decideState(parameters: DecideStateParameters): Promise<HarvestingSummary> {
  const { node, account, keystore } = parameters;
  if (account === undefined) return summarize(parameters, undefined, {});
  const links = account.links;
  const linkedHere = isLinkedTo(links, node);
  let unlocked: readonly Uint8Array[] | undefined;
  let run: RunFacts = parameters.run ?? {};
  const then = parameters.then;
  if (then.waitFor === 'departure') {
    run = { ...run, leftNode: { stillUnlocked: await followDeparture(parameters, then.remotePublicKey) } };
  } else if (linkedHere && links.remote !== undefined) {
    unlocked = parameters.unlocked ?? (await readUnlocked(node.client));
    const remote = links.remote;
    const listed = unlocked?.some((key) => equalBytes(key, remote)) === true;
    if (unlocked !== undefined && !listed && then.waitFor === 'activation' && parameters.wait) {
      const active = await followActivation(parameters, remote);
      if (active === undefined) unlocked = undefined;
      else if (active) unlocked = [remote];
      else run = { ...run, activationTimedOut: true };
    }
  }
  return summarize(parameters, unlocked, run, linkedHere, keystore);
}

function summarize(
  parameters: DecideStateParameters,
  unlocked: readonly Uint8Array[] | undefined,
  run: RunFacts,
  linkedHere = false,
  keystore: KeystoreFile | undefined = parameters.keystore,
): HarvestingSummary {
  const { node, account } = parameters;
  const links = account?.links;
  return summarizeHarvesting({
    account:
      account === undefined
        ? undefined
        : {
            links: account.links,
            balance: accountBalance(account, node.properties.harvestingMosaicId),
            importance: account.importance,
          },
    minHarvesterBalance: node.properties.minHarvesterBalance,
    maxHarvesterBalance: node.properties.maxHarvesterBalance,
    linkedNode:
      links?.node === undefined
        ? { kind: 'none' }
        : linkedHere
          ? { kind: 'asked', unlocked }
          : { kind: 'unknown' },
    isNodeOwner: equalBytes(node.nodeInfo.publicKey, parameters.mainPublicKey),
    keystore: {
      holdsRemoteKey: keystore !== undefined && holdsKey(keystore, links?.remote),
      linkRemoteRecorded: keystore?.remoteHarvesting !== undefined,
      pending: undefined,
    },
    requestConfirmedBlocksAgo: parameters.request === undefined ? undefined : 0,
    requestSentAtZeroImportance: parameters.request?.atZeroImportance === true,
    run,
  });
}

/** True when the account's node link is the transport key of the node asked. */
export function isLinkedTo(links: AccountLinks, node: NodeFacts): boolean {
  const transportKey = node.nodeInfo.nodePublicKey;
  return links.node !== undefined && transportKey !== undefined && equalBytes(links.node, transportKey);
}

/** True when unlocked in time, false when not, undefined when the node cannot say. */
async function followActivation(parameters: DecideStateParameters, remote: Uint8Array) {
  const { settings, node } = parameters;
  return catchNodeError(() =>
    waitForNode({
      client: node.client,
      remotePublicKey: remote,
      until: 'listed',
      timeoutMs: settings.activationTimeoutMs,
      pollMs: activationPollMs(node.blockTimeMs),
      now: settings.now,
      sleep: settings.sleep,
      signal: settings.signal,
      onProgress: settings.onProgress,
    }),
  );
}

/** Whether the node still lists the remote key after a short wait for its pruning (null: it cannot say). */
async function followDeparture(
  parameters: DecideStateParameters,
  remote: Uint8Array,
): Promise<boolean | null> {
  const { settings, node } = parameters;
  const dropped = await catchNodeError(() =>
    waitForNode({
      client: node.client,
      remotePublicKey: remote,
      until: 'dropped',
      timeoutMs: parameters.wait ? (settings.deactivationTimeoutMs ?? 2 * node.blockTimeMs) : 0,
      pollMs: confirmationPollMs(node.blockTimeMs),
      now: settings.now,
      sleep: settings.sleep,
      signal: settings.signal,
      onProgress: settings.onProgress,
    }),
  );
  return dropped === undefined ? null : !dropped;
}

async function catchNodeError(wait: () => Promise<boolean>): Promise<boolean | undefined> {
  try {
    return await wait();
  } catch (error) {
    if (error instanceof NodeError) return undefined;
    throw error;
  }
}
