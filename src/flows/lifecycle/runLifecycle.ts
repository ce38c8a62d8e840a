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
import type {
  MultisigResult,
  PlannedTransaction,
  ResultTransaction,
  SetupResult,
} from '../../contract/setupResult.js';
import { parseHex } from '../../core/bytes.js';
import { CancelledError, RejectedError } from '../../core/errors.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import { NO_LINKS } from '../../core/harvesting/accountLinks.js';
import type { HarvestingSummary } from '../../core/harvesting/summarizeHarvesting.js';
import type { ConfirmedRequest } from '../../core/keystore/confirmedRequest.js';
import { describePendingEntry } from '../../core/keystore/describePendingEntry.js';
import { syncKeyStatuses } from '../../core/keystore/updateKeystore.js';
import { accountBalance, type AccountInfo } from '../../node/getAccount.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import { announceAndWait, type WaitContext } from './announceAndWait.js';
import { decideState } from './decideState.js';
import type { AfterConfirmation, LifecycleSettings, MainKey, ResultKeys, TransactionPlan } from './plan.js';
import type { NodeFacts } from './readNodeFacts.js';
import { noteOpenJournal } from './noteOpenJournal.js';
import { resumeJournal } from './settleJournal.js';
import { signAndStore } from './signAndStore.js';
import { signAndStoreBonded, type BondedSigning } from './signAndStoreBonded.js';

/** One account's run against one node. */
export interface LifecycleSession {
  readonly node: NodeFacts;
  readonly main: MainKey;
  readonly mainPublicKey: Uint8Array;
  readonly mainAddress: string;
  /** The account's keystore; undefined when it has none (then there is no journal). */
  readonly keystore: KeystoreSession | undefined;
  readonly feeMultiplier: bigint;
  readonly settings: LifecycleSettings;
  /** The keys a result names while an earlier run's transaction is still pending. */
  readonly pendingKeys: (links: AccountLinks) => ResultKeys;
  /** The newest confirmed delegation request to the node asked that the keystore's journal holds, if any. */
  readonly confirmedRequest: () => ConfirmedRequest | undefined;
  /**
   * A multisig account (`delegate --multisig`): the plan goes into a bonded aggregate the initiating cosignatory
   * signs, after a hash lock (signAndStoreBonded); `describe` says where the set-up stands for the result.
   */
  readonly bonded?: MultisigSession;
}

/** What the lifecycle needs for a multisig account. */
export interface MultisigSession {
  readonly signing: (account: AccountInfo | undefined) => BondedSigning;
  /** The result's `multisig`, given the lock and aggregate of this run or of the journal. */
  readonly describe: (hashes: {
    readonly lock?: Uint8Array;
    readonly aggregate?: Uint8Array;
  }) => Promise<MultisigResult>;
}

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
    const summary = await state(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true });
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
    const summary = await state(session, account, then, settings.wait && !settings.dryRun);
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
    const summary = await state(session, account, { waitFor: 'nothing' }, false);
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
    const summary = await state(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true });
    return resultOf(session, plan.keys(account?.links ?? NO_LINKS), transactions, plan.planned, {
      announced: true,
      summary,
    });
  }
  account = await readAndSync(session);
  const summary = await state(session, account, plan.then, true);
  return resultOf(session, plan.keys(account?.links ?? NO_LINKS), transactions, plan.planned, {
    announced: true,
    summary,
  });
}

/** Steps 4–6 for a multisig account: lock, wait for it, bonded aggregate, wait for the cosignatures, then as usual. */
async function runBonded(
  session: LifecycleSession,
  bonded: MultisigSession,
  plan: TransactionPlan,
  account: AccountInfo | undefined,
): Promise<SetupResult> {
  const { node, settings, keystore } = session;
  const stored = await signAndStoreBonded({
    plan,
    network: node.network,
    networkTime: node.networkTime(),
    aggregateVersion: node.aggregateVersion,
    feeMultiplier: session.feeMultiplier,
    keystore,
    journal: !settings.dryRun,
    now: settings.now,
    bonded: bonded.signing(account),
  });
  const keys = () => plan.keys(account?.links ?? NO_LINKS);
  const hashes = { lock: stored.lock?.hash, aggregate: stored.aggregate?.hash };
  const finish = async (announced: boolean, summary: HarvestingSummary) =>
    withMultisig(
      session,
      resultOf(session, keys(), stored.transactions, plan.planned, { announced, summary }),
      hashes,
    );
  if (settings.dryRun || stored.lock === undefined || stored.aggregate === undefined) {
    return finish(false, await state(session, account, { waitFor: 'nothing' }, false));
  }
  const waiting = waitContextOf(node, settings);
  // the aggregate is refused (Failure_LockHash_Unknown_Hash) until its lock is CONFIRMED: always wait for the lock
  settings.onProgress?.('announcing the hash lock');
  const lockOutcome = await announceAndWait({
    ...waiting,
    keystore,
    transaction: stored.lock,
    wait: true,
    announce: true,
  });
  if (lockOutcome === 'pending') {
    return finish(true, await state(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true }));
  }
  settings.onProgress?.('announcing the bonded aggregate to the partial cache');
  const outcome = await announceAndWait({
    ...waiting,
    keystore,
    transaction: stored.aggregate,
    wait: settings.wait,
    announce: true,
  });
  if (outcome === 'pending') {
    return finish(true, await state(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true }));
  }
  const after = await readAndSync(session);
  return withMultisig(
    session,
    resultOf(session, plan.keys(after?.links ?? NO_LINKS), stored.transactions, plan.planned, {
      announced: true,
      summary: await state(session, after, plan.then, true),
    }),
    hashes,
  );
}

/** The result with `multisig` filled in, for a multisig account's run. */
async function withMultisig(
  session: LifecycleSession,
  result: SetupResult,
  hashes: { readonly lock?: Uint8Array | undefined; readonly aggregate?: Uint8Array | undefined },
): Promise<SetupResult> {
  if (session.bonded === undefined) return result;
  const multisig = await session.bonded.describe({
    ...(hashes.lock === undefined ? {} : { lock: hashes.lock }),
    ...(hashes.aggregate === undefined ? {} : { aggregate: hashes.aggregate }),
  });
  return { ...result, multisig };
}

/** The newest lock and bonded aggregate the journal holds. */
function journalledHashes(keystore: KeystoreSession): { lock?: Uint8Array; aggregate?: Uint8Array } {
  const lock = keystore.file.journal.findLast((entry) => entry.kind === 'hashLock');
  const aggregate = keystore.file.journal.findLast((entry) => entry.announceAs === 'partial');
  return {
    ...(lock === undefined ? {} : { lock: parseHex(lock.hash, { name: 'hash' }) }),
    ...(aggregate === undefined ? {} : { aggregate: parseHex(aggregate.hash, { name: 'hash' }) }),
  };
}

/** The waits' shared context, from the node's facts and the run's settings. */
export function waitContextOf(node: NodeFacts, settings: LifecycleSettings): WaitContext {
  return {
    client: node.client,
    blockTimeMs: node.blockTimeMs,
    networkTime: node.networkTime,
    confirmationTimeoutMs: settings.confirmationTimeoutMs,
    now: settings.now,
    sleep: settings.sleep,
    signal: settings.signal,
    onProgress: settings.onProgress,
    announcePartial: (payload) => node.client.announcePartialTransaction(payload),
  };
}

/** Step 2 and 6a: the account as the chain has it, with the keystore's key statuses brought in line. */
async function readAndSync(session: LifecycleSession): Promise<AccountInfo | undefined> {
  const account = await session.node.client.getAccount({ publicKey: session.mainPublicKey });
  const { keystore } = session;
  if (keystore !== undefined && account !== undefined) {
    const next = syncKeyStatuses(keystore.file, account.links);
    if (next !== keystore.file) await keystore.save(next);
  }
  return account;
}

function state(
  session: LifecycleSession,
  account: AccountInfo | undefined,
  then: AfterConfirmation,
  wait: boolean,
  run: { readonly unconfirmed?: boolean } = {},
): Promise<HarvestingSummary> {
  return decideState({
    node: session.node,
    mainPublicKey: session.mainPublicKey,
    account,
    keystore: session.keystore?.file,
    then,
    wait,
    request: session.confirmedRequest(),
    settings: session.settings,
    run,
  });
}

function resultOf(
  session: LifecycleSession,
  keys: ResultKeys,
  transactions: readonly ResultTransaction[],
  plan: readonly PlannedTransaction[],
  end: { readonly announced: boolean; readonly summary: HarvestingSummary },
): SetupResult {
  return {
    network: session.node.network.name,
    mainAddress: session.mainAddress,
    mainPublicKey: session.mainPublicKey,
    nodeUrl: session.node.client.url,
    ...keys,
    transactions,
    plan,
    announced: end.announced,
    state: end.summary.state,
    reasons: end.summary.reasons,
  };
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
