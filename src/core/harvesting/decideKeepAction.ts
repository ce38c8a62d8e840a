/**
 * What `harvest keep` does for one account in one round (docs/commands/keep.md), decided from the state `status`
 * reads and what the keeper remembers. Pure: the flow gathers the facts and carries the action out.
 *
 *   ACTIVE / OPERATOR                       → nothing; an outage, if one was open, is over
 *   one of our transactions in flight        → settle it (the lifecycle re-announces the same payload), never a new one
 *   not delegated (no node link, keys not ours, an unlink under way) → nothing: keep only keeps what was set up
 *   delegated but not listed                 → an OUTAGE, counted in blocks from the first round that saw it:
 *       node gone (unreachable, unknown URL) → switch to a fallback after `switchAfterBlocks`, else wait
 *       importance 0 / balance out of range  → wait (a request now would be pruned at once)
 *       a request already sent in this outage → the node is full (or slow): switch once `switchAfterBlocks` have
 *                                               passed since the outage began AND since that request, else wait
 *   the node cannot show whom it lists (diagnostics off) → wait, the outage neither opens nor advances
 *       fewer than `graceBlocks` blocks       → wait (a restarting node lists its delegates again by itself)
 *       otherwise                            → one new request with the same remote and VRF keys
 *
 * "Never twice for one outage": the outage's start is remembered (and persisted by the flow), and a request is
 * counted as sent when the keystore's journal holds one created since then (the journal is written ahead of every
 * announcement, so a crash right after announcing still counts).
 */
import type { HarvestingReason, HarvestingState } from './summarizeHarvesting.js';

/** Where an outage started: the first round that saw the account delegated but not listed. */
export interface KeepOutage {
  readonly sinceHeight: bigint;
  /** ISO-8601: journal entries created at or after it belong to this outage. */
  readonly since: string;
}

/** The facts of one round for one account. */
export interface KeepFacts {
  readonly state: HarvestingState;
  readonly reasons: readonly HarvestingReason[];
  readonly chainHeight: bigint;
  /** Remote, VRF and node links on chain, and the keystore holds the linked remote key. */
  readonly delegated: boolean;
  /** The keystore's journal has an entry signed or announced and not settled. */
  readonly transactionInFlight: boolean;
  /** The journal holds a delegation request (not failed) created since the outage started. */
  readonly requestSentThisOutage: boolean;
  /**
   * Blocks since the newest of those requests was signed (from its journal time and the block time); undefined when
   * none. A switch waits this long too, so that the node asked last (a fallback included) has `switchAfterBlocks`
   * to list the account, and a keeper restarted right after a switch does not switch again.
   */
  readonly blocksSinceRequest: bigint | undefined;
  /** The main private key is at hand (else keep can only watch). */
  readonly canSign: boolean;
  /** At least one fallback node other than the linked one was given. */
  readonly hasFallback: boolean;
  /** ISO-8601 time of this round. */
  readonly now: string;
}

/** The thresholds, in blocks. */
export interface KeepThresholds {
  readonly graceBlocks: bigint;
  readonly switchAfterBlocks: bigint;
}

/** Why keep waits, besides the state's own reasons. */
export type KeepWaitReason =
  'GRACE' | 'REQUEST_SENT' | 'TRANSACTION_IN_FLIGHT' | 'MAIN_KEY_REQUIRED' | 'NO_FALLBACK' | 'NOT_DELEGATED';

/** The decision. */
export interface KeepDecision {
  readonly action: 'none' | 'wait' | 'settle' | 'request' | 'switch';
  /** The state's reasons, then keep's own. */
  readonly reasons: readonly (HarvestingReason | KeepWaitReason)[];
  /** The outage to remember after this round (undefined: none open). */
  readonly outage: KeepOutage | undefined;
}

const GONE: readonly HarvestingReason[] = ['NODE_UNREACHABLE', 'LINKED_TO_OTHER_NODE'];
const NOT_NOW: readonly HarvestingReason[] = [
  'ZERO_IMPORTANCE',
  'BALANCE_BELOW_MINIMUM',
  'BALANCE_ABOVE_MAXIMUM',
];

/** Decides one account's round. */
export function decideKeepAction(
  facts: KeepFacts,
  remembered: KeepOutage | undefined,
  thresholds: KeepThresholds,
): KeepDecision {
  const reasons = facts.reasons;
  if (facts.state === 'ACTIVE' || facts.state === 'OPERATOR') {
    return { action: 'none', reasons, outage: undefined };
  }
  if (facts.transactionInFlight) {
    return {
      action: facts.canSign ? 'settle' : 'wait',
      reasons: [
        ...reasons,
        'TRANSACTION_IN_FLIGHT',
        ...(facts.canSign ? [] : ['MAIN_KEY_REQUIRED' as const]),
      ],
      outage: remembered,
    };
  }
  if (!facts.delegated || facts.state === 'DEACTIVATION_PENDING') {
    return { action: 'none', reasons: [...reasons, 'NOT_DELEGATED'], outage: undefined };
  }
  // the node does not show whom it lists: nothing is known to be wrong, so no outage opens or advances
  if (reasons.includes('NODE_DIAGNOSTICS_UNAVAILABLE'))
    return { action: 'wait', reasons, outage: remembered };

  // an outage remembered from a higher chain (a reset network, another devnet) is not this chain's
  const known =
    remembered !== undefined && remembered.sinceHeight <= facts.chainHeight ? remembered : undefined;
  const outage = known ?? { sinceHeight: facts.chainHeight, since: facts.now };
  const blocksDown = facts.chainHeight - outage.sinceHeight;
  const wait = (...more: KeepWaitReason[]): KeepDecision => ({
    action: 'wait',
    reasons: [...reasons, ...more],
    outage,
  });
  const switchOrWait = (why: KeepWaitReason | undefined): KeepDecision => {
    const sinceRequest = facts.blocksSinceRequest ?? thresholds.switchAfterBlocks;
    if (blocksDown < thresholds.switchAfterBlocks || sinceRequest < thresholds.switchAfterBlocks) {
      return why === undefined ? wait() : wait(why);
    }
    if (!facts.hasFallback) return wait(...(why === undefined ? [] : [why]), 'NO_FALLBACK');
    if (!facts.canSign) return wait('MAIN_KEY_REQUIRED');
    return { action: 'switch', reasons, outage };
  };

  if (reasons.some((reason) => GONE.includes(reason))) return switchOrWait(undefined);
  if (reasons.some((reason) => NOT_NOW.includes(reason))) return wait();
  if (facts.requestSentThisOutage) return switchOrWait('REQUEST_SENT');
  if (blocksDown < thresholds.graceBlocks) return wait('GRACE');
  if (!facts.canSign) return wait('MAIN_KEY_REQUIRED');
  return { action: 'request', reasons, outage };
}
