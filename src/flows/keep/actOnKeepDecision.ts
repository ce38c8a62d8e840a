/**
 * The second half of one account's round of `harvest keep`: carry the decision out through the delegate flow (so the
 * lifecycle's rules hold: journal written ahead, same payload on retries, fee checked against the balance) and say
 * what happened as one event.
 *
 *   request → delegate to the linked node with --resend: the stored remote and VRF keys, no new link, one request
 *   switch  → delegate to the first fallback with room, keys kept: the node link changes, one request
 *   settle  → delegate to the keystore's node without --resend: resumes the journal, sends nothing new
 */
import type { KeepEvent } from '../../contract/keep.js';
import type { SetupResult } from '../../contract/setupResult.js';
import type { KeepDecision } from '../../core/harvesting/decideKeepAction.js';
import type { NetworkParameters } from '../../core/network.js';
import type { RandomBytes } from '../../core/ports.js';
import type { FeeLevel } from '../../core/transactions/parseFeeMultiplier.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { delegateThroughNode } from '../delegateThroughNode.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import type { LifecycleSettings } from '../lifecycle/plan.js';
import type { KeepAccount, KeepAssessment } from './assessKeepAccount.js';

/** Inputs of actOnKeepDecision. */
export interface ActOnKeepDecisionParameters extends Omit<
  LifecycleSettings,
  'wait' | 'activationTimeoutMs' | 'confirmResend'
> {
  readonly connect: (url: string) => NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly fee: bigint | FeeLevel | undefined;
  readonly random: RandomBytes;
  /** Unlocks the account's keystore (one password for the keeper's life). */
  readonly openKeystore: (
    network: NetworkParameters,
    mainAddress: string,
    mainPublicKey: Uint8Array,
  ) => Promise<KeystoreSession>;
  /** Throws (FEE_BUDGET_EXCEEDED) when `fee` would go over --max-fee-per-day. */
  readonly checkFee: (fee: bigint) => void;
  /** The first fallback with room for this account, other than `linkedNodeUrl`; undefined when none has. */
  readonly chooseFallback: (linkedNodeUrl: string | null, mainAddress: string) => Promise<string | undefined>;
}

/** What was done: the event, and the fee actually paid (announced), if any. */
export interface KeepActOutcome {
  readonly event: KeepEvent;
  readonly feePaid: bigint | undefined;
}

/** Acts on one account's decision; a failure is the caller's to turn into an `error` event. */
export async function actOnKeepDecision(
  parameters: ActOnKeepDecisionParameters,
  account: KeepAccount,
  assessment: KeepAssessment,
): Promise<KeepActOutcome> {
  const { decision, report, keystore } = assessment;
  const { status } = report;
  const time = () => parameters.now().toISOString();
  const base = {
    mainAddress: assessment.mainAddress,
    nodeUrl: status.linkedNodeUrl ?? keystore?.node?.url ?? null,
    state: status.state,
    reasons: decision.reasons,
  };
  const plain = (event: 'checked' | 'waiting', decided: KeepDecision): KeepActOutcome => ({
    event: { time: time(), event, ...base, reasons: decided.reasons },
    feePaid: undefined,
  });
  if (decision.action === 'none') return plain('checked', decision);
  if (decision.action === 'wait') return plain('waiting', decision);
  // --dry-run writes nothing: resuming an earlier transaction would update the journal
  if (decision.action === 'settle' && parameters.dryRun) return plain('waiting', decision);

  let target: string | undefined;
  if (decision.action === 'switch') {
    target = await parameters.chooseFallback(status.linkedNodeUrl, assessment.mainAddress);
    if (target === undefined) {
      return plain('waiting', { ...decision, reasons: [...decision.reasons, 'NO_FALLBACK'] });
    }
  } else {
    target =
      decision.action === 'settle'
        ? (keystore?.node?.url ?? status.linkedNodeUrl ?? undefined)
        : (status.linkedNodeUrl ?? undefined);
    if (target === undefined) {
      return plain('waiting', { ...decision, reasons: [...decision.reasons, 'NO_FALLBACK'] });
    }
  }

  const result = await delegate(parameters, account, target, decision.action === 'request');
  const sent = result.transactions[0];
  const announced = result.announced && sent !== undefined;
  const dryRun = parameters.dryRun && sent !== undefined;
  if (decision.action === 'settle' || (!announced && !dryRun)) {
    return {
      event: {
        time: time(),
        event: 'waiting',
        ...base,
        state: result.state,
        reasons: [...result.reasons, ...decision.reasons.filter((reason) => !isStateReason(reason))],
      },
      feePaid: undefined,
    };
  }
  return {
    event: {
      time: time(),
      event: decision.action === 'switch' ? 'node-switched' : 'request-sent',
      mainAddress: assessment.mainAddress,
      nodeUrl: target,
      state: result.state,
      ...(sent.hash === undefined ? {} : { hash: sent.hash }),
      fee: sent.fee,
      reasons: result.reasons,
      ...(dryRun ? { dryRun: true as const } : {}),
    },
    feePaid: announced ? sent.fee : undefined,
  };
}

/** The delegate flow against `url`, unattended: the same keys, no prompt, confirmation awaited, activation not. */
async function delegate(
  parameters: ActOnKeepDecisionParameters,
  account: KeepAccount,
  url: string,
  resend: boolean,
): Promise<SetupResult> {
  const { result } = await delegateThroughNode({
    ...parameters,
    mode: 'delegate',
    client: parameters.connect(url),
    givenNodePublicKey: undefined,
    main: { privateKey: account.privateKey! },
    openKeystore: (network, mainAddress) =>
      parameters.openKeystore(network, mainAddress, mainPublicKeyOf(account)),
    confirm: (plan) => Promise.resolve(parameters.checkFee(plan.fee)),
    // the same signed payload again: safe, the chain keys it by hash (docs/commands/keep.md)
    confirmResend: () => Promise.resolve(),
    resend,
    force: false,
    keepKeys: true,
    wait: true,
    // keep itself looks again next round: the run stops once the transaction is confirmed
    activationTimeoutMs: 0,
  });
  return result;
}

function mainPublicKeyOf(account: KeepAccount): Uint8Array {
  return 'publicKey' in account.account ? account.account.publicKey : new Uint8Array(0);
}

const KEEP_REASONS = new Set([
  'GRACE',
  'REQUEST_SENT',
  'TRANSACTION_IN_FLIGHT',
  'MAIN_KEY_REQUIRED',
  'NO_FALLBACK',
  'NOT_DELEGATED',
]);

function isStateReason(reason: string): boolean {
  return !KEEP_REASONS.has(reason);
}
