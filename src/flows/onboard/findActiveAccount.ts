/**
 * Step 4a of onboarding: an account already set up needs neither its keystore's password nor scrypt. From public
 * facts only (the keystore's plain JSON, as `status` reads it; the chain; the node's list read once for the batch),
 * a row is ACTIVE without running the delegate flow when that flow would announce nothing and write nothing:
 *
 *   - the keystore's journal has no entry still `signed` or `announced` (nothing to resume)
 *   - the chain links the remote and VRF keys the keystore holds, and the node link is the assigned node's
 *     transport key
 *   - the keystore's key statuses already agree with the chain (nothing to record)
 *   - the assigned node lists the remote key, and summarizeHarvesting (through decideState) says ACTIVE
 *
 * Anything else (or a node error) returns undefined: the row runs the delegate flow as before.
 */
import type { OnboardAccountResult } from '../../contract/onboard.js';
import { deriveAddress } from '../../core/address.js';
import { equalBytes } from '../../core/bytes.js';
import { HarvestError } from '../../core/errors.js';
import { newestConfirmedRequest } from '../../core/keystore/confirmedRequest.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { holdsKey, syncKeyStatuses } from '../../core/keystore/updateKeystore.js';
import { decideState } from '../lifecycle/decideState.js';
import type { OnboardAccountsParameters, Prepared, ProbedNode } from './onboardTypes.js';

/** The ACTIVE row of an account that needs nothing, or undefined when it must run the delegate flow. */
export async function findActiveAccount(
  parameters: OnboardAccountsParameters,
  entry: Prepared,
  file: KeystoreFile,
  probe: ProbedNode,
): Promise<OnboardAccountResult | undefined> {
  const { facts, unlockedKeys } = probe;
  const nodeKey = facts?.nodeInfo.nodePublicKey;
  if (facts === undefined || unlockedKeys === undefined || nodeKey === undefined) return undefined;
  if (file.journal.some((item) => item.state === 'signed' || item.state === 'announced')) return undefined;
  const mainPublicKey = entry.publicKey!;
  let account;
  try {
    account = await probe.client.getAccount({ publicKey: mainPublicKey });
  } catch (error) {
    if (error instanceof HarvestError) return undefined; // the delegate flow meets it again and reports it
    throw error;
  }
  if (account === undefined) return undefined;
  const { links } = account;
  const remote = links.remote;
  if (
    remote === undefined ||
    !holdsKey(file, remote) ||
    !holdsKey(file, links.vrf) ||
    links.node === undefined ||
    !equalBytes(links.node, nodeKey) ||
    syncKeyStatuses(file, links) !== file ||
    !unlockedKeys.some((key) => equalBytes(key, remote))
  ) {
    return undefined;
  }
  const summary = await decideState({
    node: facts,
    mainPublicKey,
    account,
    keystore: file,
    then: { waitFor: 'nothing' },
    wait: false,
    request: newestConfirmedRequest(file, deriveAddress(nodeKey, facts.network.identifier)),
    settings: {
      dryRun: false,
      wait: false,
      confirmationTimeoutMs: parameters.confirmationTimeoutMs,
      activationTimeoutMs: parameters.activationTimeoutMs,
      confirmResend: () => Promise.resolve(),
      now: parameters.now,
      sleep: parameters.sleep,
    },
    unlocked: unlockedKeys,
  });
  if (summary.state !== 'ACTIVE') return undefined;
  return {
    line: entry.input.line,
    mainAddress: entry.mainAddress!,
    state: summary.state,
    nodeUrl: probe.client.url,
    error: null,
    remotePublicKey: remote,
    announced: false,
    reasons: summary.reasons,
  };
}
