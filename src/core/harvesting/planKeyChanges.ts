/**
 * The planner of docs/commands/delegate.md step 4: from the account's links on chain and the keys the keystore holds, the
 * fewest key-link transactions that leave the account linked to the right node with keys we can hand over.
 *
 *   node link : keep it if it already names this node; else unlink the old one (if any), link this one
 *   remote key: keep it if the keystore holds its private key (and `rotate` is off); else unlink the old one (if
 *               any), link a FRESH key (the chain refuses a remote key it has seen before:
 *               Failure_AccountLink_Remote_Account_Ineligible)
 *   VRF key   : same rule as the remote key (no freshness rule on chain, but fresh is what the docs advise)
 *   rotate    : on a switch of node both are replaced: the previous operator decrypted them from the request
 *
 * Order inside the aggregate: node, remote, VRF, and for each the unlink before the link, because a LINK requires
 * that no key of that kind is linked (KeyLinkValidator.h) and catapult applies embedded transactions in order.
 * Pure: the fresh public keys are passed in, and reported as used or not.
 */
import { equalBytes } from '../bytes.js';
import type { AccountLinks } from './accountLinks.js';
import type { KeyLinkRole, KeyLinkTransaction } from '../transactions/transactionTypes.js';

/** What the planner needs to know. */
export interface PlanKeyChangesParameters {
  readonly links: AccountLinks;
  /** Public keys whose private keys the keystore holds. */
  readonly heldPublicKeys: readonly Uint8Array[];
  /** The node to link (its transport key); undefined leaves the node link alone (remote harvesting). */
  readonly nodePublicKey?: Uint8Array;
  /** Replace held remote and VRF keys too (a switch of node: the previous operator has decrypted them). */
  readonly rotate?: boolean;
  /** Candidates to link when a new remote or VRF key is needed. */
  readonly freshRemotePublicKey: Uint8Array;
  readonly freshVrfPublicKey: Uint8Array;
}

/** The planned key links and which keys end up linked. */
export interface KeyChangePlan {
  readonly transactions: readonly KeyLinkTransaction[];
  /** The remote and VRF public keys linked once the plan is confirmed. */
  readonly remotePublicKey: Uint8Array;
  readonly vrfPublicKey: Uint8Array;
  /** True when the fresh candidate is used (it must then be stored before anything is announced). */
  readonly remoteIsFresh: boolean;
  readonly vrfIsFresh: boolean;
}

/** The minimal list of key links (possibly empty) for the target state. */
export function planKeyChanges(parameters: PlanKeyChangesParameters): KeyChangePlan {
  const { links, heldPublicKeys, nodePublicKey } = parameters;
  const transactions: KeyLinkTransaction[] = [];
  const isHeld = (key: Uint8Array) => heldPublicKeys.some((held) => equalBytes(held, key));
  const replace = (role: KeyLinkRole, current: Uint8Array | undefined, next: Uint8Array) => {
    if (current !== undefined)
      transactions.push({ type: 'keyLink', role, action: 'unlink', linkedPublicKey: current });
    transactions.push({ type: 'keyLink', role, action: 'link', linkedPublicKey: next });
  };

  if (nodePublicKey !== undefined && !(links.node !== undefined && equalBytes(links.node, nodePublicKey))) {
    replace('node', links.node, nodePublicKey);
  }
  const rotate = parameters.rotate === true;
  const keepRemote = !rotate && links.remote !== undefined && isHeld(links.remote);
  if (!keepRemote) replace('remote', links.remote, parameters.freshRemotePublicKey);
  const keepVrf = !rotate && links.vrf !== undefined && isHeld(links.vrf);
  if (!keepVrf) replace('vrf', links.vrf, parameters.freshVrfPublicKey);

  return {
    transactions,
    remotePublicKey: keepRemote ? links.remote : parameters.freshRemotePublicKey,
    vrfPublicKey: keepVrf ? links.vrf : parameters.freshVrfPublicKey,
    remoteIsFresh: !keepRemote,
    vrfIsFresh: !keepVrf,
  };
}
