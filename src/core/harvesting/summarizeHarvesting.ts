/**
 * The harvesting state of an account in the wallets' vocabulary (docs/states.md; docs/landscape.md): one state word
 * plus the reasons behind it, from facts gathered by the status flow. Pure: every fact is passed in.
 *
 * "Active" has exactly one test (docs/states.md#how-active-is-decided): the node whose transport key is the account's node link lists the
 * account's linked remote key in /node/unlockedaccount.
 */
import { equalBytes } from '../bytes.js';
import { anyLinked, type AccountLinks } from './accountLinks.js';

/** The state words of docs/states.md. */
export type HarvestingState =
  | 'INACTIVE'
  | 'KEYS_LINKED'
  | 'ACTIVATION_PENDING'
  | 'ACTIVE'
  | 'DEACTIVATION_PENDING'
  | 'OPERATOR'
  | 'CONFIRMATION_PENDING'
  | 'UNKNOWN';

/** Why the state is what it is (stable codes, part of the --json contract). */
export type HarvestingReason =
  | 'ZERO_IMPORTANCE'
  | 'BALANCE_BELOW_MINIMUM'
  | 'BALANCE_ABOVE_MAXIMUM'
  | 'NODE_UNREACHABLE'
  | 'NODE_DIAGNOSTICS_UNAVAILABLE'
  | 'NODE_FULL_LIKELY'
  | 'REMOTE_KEY_NOT_IN_KEYSTORE'
  | 'LINKED_TO_OTHER_NODE'
  | 'REMOTE_KEY_NOT_LINKED'
  | 'VRF_KEY_NOT_LINKED'
  | 'REQUEST_NOT_SENT'
  | 'REQUEST_AGE_UNKNOWN'
  | 'REQUEST_SENT_AT_ZERO_IMPORTANCE'
  | 'UNKNOWN_ACCOUNT';

/** What the linked node (the one whose transport key is the account's node link) says, if it could be asked. */
export type LinkedNodeView =
  /** No node link, nothing to ask. */
  | { readonly kind: 'none' }
  /** We do not know that node's URL (it is not the node asked, and the keystore does not remember it). */
  | { readonly kind: 'unknown' }
  /** Its URL is known but it did not answer. */
  | { readonly kind: 'unreachable' }
  /** It answered; `unlocked` is undefined when /node/unlockedaccount is not available (diagnostics off). */
  | { readonly kind: 'asked'; readonly unlocked: readonly Uint8Array[] | undefined };

/** Everything the state depends on. */
export interface HarvestingFacts {
  /** Undefined when the chain does not know the account. */
  readonly account:
    | {
        readonly links: AccountLinks;
        /** Undefined only offline, when no account document was given. */
        readonly balance: bigint | undefined;
        readonly importance: bigint | undefined;
      }
    | undefined;
  readonly minHarvesterBalance: bigint;
  readonly maxHarvesterBalance: bigint;
  readonly linkedNode: LinkedNodeView;
  /** True when the account is the owner of the node asked (/node/info.publicKey). */
  readonly isNodeOwner: boolean;
  /** What our keystore knows about this account (all false when there is no keystore entry). */
  readonly keystore: {
    /** The keystore holds the private key of the linked remote key. */
    readonly holdsRemoteKey: boolean;
    /** A link-remote (operator) setup was recorded. */
    readonly linkRemoteRecorded: boolean;
    /** An announcement of ours is not confirmed yet (and its deadline has not passed). */
    readonly pending: 'delegate' | 'unlink' | undefined;
  };
  /**
   * How many blocks ago a delegation request from this account to the linked node was confirmed (journal or chain),
   * undefined when none was found, null when the search could not be read (the node failed it).
   */
  readonly requestConfirmedBlocksAgo: number | undefined | null;
  /**
   * The newest confirmed request to the linked node (from our journal) was sent while importance was 0: the node
   * accepted and dropped it, and will not take it up when importance grows.
   */
  readonly requestSentAtZeroImportance?: boolean;
  /** What a command that just changed the account knows beyond the chain (absent for `status`). */
  readonly run?: RunFacts;
}

/** Facts of a delegate, link-remote, unlink or announce run, so that its result says what `status` would. */
export interface RunFacts {
  /** Nothing could be asked (offline signing): only INACTIVE or UNKNOWN can be said. */
  readonly offline?: boolean;
  /** A transaction of this run is announced (or resumed) but not confirmed yet. */
  readonly unconfirmed?: boolean;
  /** The run waited its whole activation timeout after a confirmed request, and the node did not unlock it. */
  readonly activationTimedOut?: boolean;
  /** The node this run unlinked the account from: whether it still lists the remote key (null: it cannot say). */
  readonly leftNode?: { readonly stillUnlocked: boolean | null };
}

/** Blocks after which a confirmed, eligible but still locked request most likely lost the competition for a slot. */
export const SLOT_LOST_AFTER_BLOCKS = 5;

/** The state word, its reasons, and whether the linked node lists the remote key (null when unknown). */
export interface HarvestingSummary {
  readonly state: HarvestingState;
  readonly reasons: HarvestingReason[];
  readonly unlocked: boolean | null;
}

/** Decides the state word and its reasons. */
export function summarizeHarvesting(facts: HarvestingFacts): HarvestingSummary {
  const { account, keystore, linkedNode } = facts;
  if (account === undefined) return { state: 'INACTIVE', reasons: ['UNKNOWN_ACCOUNT'], unlocked: null };
  const { links } = account;
  const reasons = eligibilityReasons(facts);
  const run = facts.run ?? {};
  if (run.offline === true)
    return { state: anyLinked(links) ? 'UNKNOWN' : 'INACTIVE', reasons, unlocked: null };
  if (run.unconfirmed === true) return { state: 'CONFIRMATION_PENDING', reasons, unlocked: null };
  if (run.leftNode !== undefined) return afterLeaving(facts, run.leftNode.stillUnlocked, reasons);
  if (links.remote !== undefined && !keystore.holdsRemoteKey) reasons.push('REMOTE_KEY_NOT_IN_KEYSTORE');
  const unlocked = isUnlocked(links, linkedNode);

  if (keystore.pending === 'unlink') return { state: 'DEACTIVATION_PENDING', reasons, unlocked };
  if (keystore.pending === 'delegate') return { state: 'CONFIRMATION_PENDING', reasons, unlocked };
  if (!anyLinked(links)) return { state: 'INACTIVE', reasons, unlocked };
  if (links.remote === undefined) reasons.push('REMOTE_KEY_NOT_LINKED');
  if (links.vrf === undefined) reasons.push('VRF_KEY_NOT_LINKED');

  if (links.node === undefined) {
    const operator =
      links.remote !== undefined &&
      links.vrf !== undefined &&
      (facts.isNodeOwner || keystore.linkRemoteRecorded);
    return { state: operator ? 'OPERATOR' : 'KEYS_LINKED', reasons, unlocked };
  }
  if (linkedNode.kind === 'unknown' || linkedNode.kind === 'none') {
    return { state: 'UNKNOWN', reasons: [...reasons, 'LINKED_TO_OTHER_NODE'], unlocked: null };
  }
  if (linkedNode.kind === 'unreachable') {
    return { state: 'UNKNOWN', reasons: [...reasons, 'NODE_UNREACHABLE'], unlocked: null };
  }
  if (unlocked === true) return { state: 'ACTIVE', reasons, unlocked };
  if (unlocked === null) reasons.push('NODE_DIAGNOSTICS_UNAVAILABLE');
  if (facts.requestSentAtZeroImportance === true) reasons.push('REQUEST_SENT_AT_ZERO_IMPORTANCE');
  if (links.remote === undefined || links.vrf === undefined || account.importance === 0n) {
    return { state: 'KEYS_LINKED', reasons, unlocked };
  }
  // The node dropped the request it took at importance 0: only a new one can activate the account.
  if (facts.requestSentAtZeroImportance === true) return { state: 'KEYS_LINKED', reasons, unlocked };
  const age = facts.requestConfirmedBlocksAgo;
  if (age === undefined) return { state: 'KEYS_LINKED', reasons: [...reasons, 'REQUEST_NOT_SENT'], unlocked };
  // The search failed: links right and eligible, so a request is presumed on its way (not a new one's cue).
  if (age === null)
    return { state: 'ACTIVATION_PENDING', reasons: [...reasons, 'REQUEST_AGE_UNKNOWN'], unlocked };
  // Only an eligible account's request can have lost the competition for a slot; a keystore that lacks the
  // remote key says nothing about the node.
  const waitedLongEnough = age >= SLOT_LOST_AFTER_BLOCKS || run.activationTimedOut === true;
  if (unlocked === false && eligibilityReasons(facts).length === 0 && waitedLongEnough)
    reasons.push('NODE_FULL_LIKELY');
  return { state: 'ACTIVATION_PENDING', reasons, unlocked };
}

/**
 * Right after an unlink: the node link is gone, so the node that harvested should drop the delegate; while it still
 * lists the remote key the account is DEACTIVATION_PENDING, else the links left decide.
 */
function afterLeaving(
  facts: HarvestingFacts,
  stillUnlocked: boolean | null,
  reasons: HarvestingReason[],
): HarvestingSummary {
  const links = facts.account!.links;
  if (stillUnlocked === null) reasons.push('NODE_DIAGNOSTICS_UNAVAILABLE');
  if (stillUnlocked === true) return { state: 'DEACTIVATION_PENDING', reasons, unlocked: true };
  return { state: anyLinked(links) ? 'KEYS_LINKED' : 'INACTIVE', reasons, unlocked: stillUnlocked };
}

function eligibilityReasons(facts: HarvestingFacts): HarvestingReason[] {
  const reasons: HarvestingReason[] = [];
  const account = facts.account;
  if (account === undefined) return reasons;
  if (account.importance === 0n) reasons.push('ZERO_IMPORTANCE');
  const balance = account.balance;
  if (balance !== undefined && balance < facts.minHarvesterBalance) reasons.push('BALANCE_BELOW_MINIMUM');
  if (balance !== undefined && balance > facts.maxHarvesterBalance) reasons.push('BALANCE_ABOVE_MAXIMUM');
  return reasons;
}

function isUnlocked(links: AccountLinks, linkedNode: LinkedNodeView): boolean | null {
  if (linkedNode.kind !== 'asked' || linkedNode.unlocked === undefined) return null;
  const remote = links.remote;
  if (remote === undefined) return false;
  return linkedNode.unlocked.some((key) => equalBytes(key, remote));
}
