/**
 * Steps 4–6 of the lifecycle for a multisig account (`delegate --multisig`, docs/commands/delegate.md): the plan in
 * a bonded aggregate the initiating cosignatory signs, its hash lock announced and CONFIRMED first (else the
 * aggregate is refused with Failure_LockHash_Unknown_Hash), then the aggregate to the partial cache, the wait for
 * the cosignatures, and the state as usual; every result carries `multisig` (where the set-up stands). A bonded
 * aggregate of the account already waiting (not the journal's) stops the run first (refuseWaitingPartial).
 */
import type { SetupResult } from '../../contract/setupResult.js';
import { parseHex } from '../../core/bytes.js';
import { NO_LINKS } from '../../core/harvesting/accountLinks.js';
import type { HarvestingSummary } from '../../core/harvesting/summarizeHarvesting.js';
import type { AccountInfo } from '../../node/getAccount.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import { announceAndWait } from './announceAndWait.js';
import {
  readAndSync,
  resultOf,
  stateOf,
  waitContextOf,
  type LifecycleSession,
  type MultisigSession,
} from './lifecycleSession.js';
import type { TransactionPlan } from './plan.js';
import { refuseWaitingPartial } from '../multisig/refuseWaitingPartial.js';
import { signAndStoreBonded } from './signAndStoreBonded.js';

/** Steps 4–6 for a multisig account: lock, wait for it, bonded aggregate, wait for the cosignatures, then as usual. */
export async function runBonded(
  session: LifecycleSession,
  bonded: MultisigSession,
  plan: TransactionPlan,
  account: AccountInfo | undefined,
): Promise<SetupResult> {
  const { node, settings, keystore } = session;
  const signing = bonded.signing(account);
  // another set-up already waiting for cosignatures: a second lock would be paid for a competing aggregate
  await refuseWaitingPartial({
    client: node.client,
    networkIdentifier: node.network.identifier,
    multisigPublicKey: signing.multisigPublicKey,
    ownHashes: keystore?.file.journal.map((entry) => entry.hash) ?? [],
  });
  const stored = await signAndStoreBonded({
    plan,
    network: node.network,
    networkTime: node.networkTime(),
    aggregateVersion: node.aggregateVersion,
    feeMultiplier: session.feeMultiplier,
    keystore,
    journal: !settings.dryRun,
    now: settings.now,
    bonded: signing,
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
    return finish(false, await stateOf(session, account, { waitFor: 'nothing' }, false));
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
    return finish(
      true,
      await stateOf(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true }),
    );
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
    return finish(
      true,
      await stateOf(session, account, { waitFor: 'nothing' }, false, { unconfirmed: true }),
    );
  }
  const after = await readAndSync(session);
  return withMultisig(
    session,
    resultOf(session, plan.keys(after?.links ?? NO_LINKS), stored.transactions, plan.planned, {
      announced: true,
      summary: await stateOf(session, after, plan.then, true),
    }),
    hashes,
  );
}

/** The result with `multisig` filled in, for a multisig account's run. */
export async function withMultisig(
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
export function journalledHashes(keystore: KeystoreSession): { lock?: Uint8Array; aggregate?: Uint8Array } {
  const lock = keystore.file.journal.findLast((entry) => entry.kind === 'hashLock');
  const aggregate = keystore.file.journal.findLast((entry) => entry.announceAs === 'partial');
  return {
    ...(lock === undefined ? {} : { lock: parseHex(lock.hash, { name: 'hash' }) }),
    ...(aggregate === undefined ? {} : { aggregate: parseHex(aggregate.hash, { name: 'hash' }) }),
  };
}
