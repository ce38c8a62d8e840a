/**
 * THE transaction lifecycle (docs/ARCHITECTURE.md): every online command that changes an account's links runs
 * through here, in this order, and nothing is announced before every check has passed:
 *
 *   1. settle the journal: what an earlier run left unconfirmed is resumed first (never a new plan while an old
 *      one could still confirm); still pending → CONFIRMATION_PENDING, nothing new
 *   2. read the account; bring the keystore's key statuses in line with the chain
 *   3. the plan builder decides what to change (or that nothing needs sending)
 *   4. build, check the fee, confirm, sign, WRITE AHEAD (signAndStore)
 *   5. announce, wait for confirmation (announceAndWait)
 *   6. read the account again; wait for the node; the state word from summarizeHarvesting (decideState)
 *
 * Pending outcomes are results, not errors, so that scripts keep the hashes and keys of what was announced; the
 * command boundary turns them into exit 5.
 */
import type { SetupResult } from '../../contract/setupResult.js';
import { CancelledError, RejectedError } from '../../core/errors.js';
import { NO_LINKS } from '../../core/harvesting/accountLinks.js';
import { describePendingEntry } from '../../core/keystore/describePendingEntry.js';
import { accountBalance, type AccountInfo } from '../../node/getAccount.js';
import { announceAndWait } from './announceAndWait.js';
import { readAndSync, resultOf, stateOf, waitContextOf, type LifecycleSession } from './lifecycleSession.js';
import type { AfterConfirmation, ResultKeys, TransactionPlan } from './plan.js';
import { noteOpenJournal } from './noteOpenJournal.js';
import { journalledHashes, runBonded, withMultisig } from './runBondedSteps.js';
import { resumeJournal } from './settleJournal.js';
import { signAndStore } from './signAndStore.js';

export { waitContextOf, type LifecycleSession, type MultisigSession } from './lifecycleSession.js';

/** What a plan builder decided. */
export type PlanStep =
  | { readonly plan: TransactionPlan }
  /** Nothing to send: the result names `keys`, after waiting as `then` says. */
  | { readonly nothingToSend: { readonly keys: ResultKeys; readonly then: AfterConfirmation } };

/** Runs steps 1–6 with the plan `build` makes from the settled account. */
export async function runLifecycle(
  session: LifecycleSession,
  build: (account: AccountInfo | undefined) => Promise<PlanStep> | PlanStep,
): Promise<SetupResult> {
  try {
    return await runSteps(session, build);
  } catch (error) {
    // a signed transaction left open in the journal: the error says that a re-run resumes it
    throw noteOpenJournal(error, session.keystore);
  }
}

async function runSteps(
  session: LifecycleSession,
  build: (account: AccountInfo | undefined) => Promise<PlanStep> | PlanStep,
): Promise<SetupResult> {
  const { node, settings, keystore } = session;
  const waiting = waitContextOf(node, settings);
  const pending =
    keystore === undefined
      ? undefined
      : (
          await resumeJournal({
            ...waiting,
            keystore,
            confirmResend: settings.confirmResend,
            readOnly: settings.dryRun,
            waitForPartial: settings.wait,
            onResume: (kind, hash, outcome) =>
              settings.onNote?.(`earlier ${kind} transaction ${hash}: ${outcome}`),
          })
        ).pending;
  let account = await readAndSync(session);
  if (pending !== undefined) {
    const entry = keystore!.file.journal.find((candidate) => candidate.hash === pending)!;
    const summary = await stateOf(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true });
    return withMultisig(
      session,
      resultOf(session, session.pendingKeys(account?.links ?? NO_LINKS), [describePendingEntry(entry)], [], {
        announced: entry.state === 'announced',
        summary,
      }),
      journalledHashes(keystore!),
    );
  }

  const step = await build(account);
  if ('nothingToSend' in step) {
    const { keys, then } = step.nothingToSend;
    const summary = await stateOf(session, account, then, settings.wait && !settings.dryRun);
    const result = resultOf(session, keys, [], [], { announced: false, summary });
    return keystore === undefined ? result : withMultisig(session, result, journalledHashes(keystore));
  }
  const plan: TransactionPlan = {
    ...step.plan,
    // SIGINT/SIGTERM before or during the confirmation: nothing is signed, written ahead or announced
    confirm: async (fee, aggregateVersion, multisig) => {
      await step.plan.confirm(fee, aggregateVersion, multisig);
      if (settings.signal?.aborted === true) throw interruptedBeforeAnnouncing();
    },
  };
  if (session.bonded !== undefined) return runBonded(session, session.bonded, plan, account);
  const stored = await signAndStore({
    plan,
    network: node.network,
    main: session.main,
    networkTime: node.networkTime(),
    aggregateVersion: node.aggregateVersion,
    feeMultiplier: session.feeMultiplier,
    balance: account === undefined ? undefined : accountBalance(account, node.properties.harvestingMosaicId),
    keystore,
    journal: !settings.dryRun,
    now: settings.now,
  });
  const transactions = [stored.transaction];
  if (settings.dryRun || stored.signed === undefined) {
    const summary = await stateOf(session, account, { waitFor: 'nothing' }, false);
    return resultOf(session, plan.keys(account?.links ?? NO_LINKS), transactions, plan.planned, {
      announced: false,
      summary,
    });
  }

  const outcome = await announceAndWait({
    ...waiting,
    keystore,
    transaction: stored.signed,
    wait: settings.wait,
    announce: true,
  });
  if (outcome === 'pending') {
    const summary = await stateOf(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true });
    return resultOf(session, plan.keys(account?.links ?? NO_LINKS), transactions, plan.planned, {
      announced: true,
      summary,
    });
  }
  account = await readAndSync(session);
  const summary = await stateOf(session, account, plan.then, true);
  return resultOf(session, plan.keys(account?.links ?? NO_LINKS), transactions, plan.planned, {
    announced: true,
    summary,
  });
}

/** SIGINT/SIGTERM before anything was signed: nothing announced, nothing written ahead (docs/cli.md, "Signals"). */
export function interruptedBeforeAnnouncing(): CancelledError {
  return new CancelledError('interrupted before anything was announced', {
    hint: 'nothing was sent; run the command again',
  });
}

/** A rejection by the chain of what the plan builder assumed (kept here so every flow words it the same). */
export function notOnChain(mainAddress: string): RejectedError {
  return new RejectedError('NOT_ELIGIBLE', `the chain does not know ${mainAddress}: it has no balance`, {
    hint: 'fund the account with at least 10,000 XYM first',
  });
}
