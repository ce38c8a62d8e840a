/**
 * The session every step of the lifecycle shares (one account, one node, one run) and the reads and shapes the
 * steps have in common: the wait context, the account read again with the keystore brought in line, the state word
 * (decideState) and the result (runLifecycle.ts, runBondedSteps.ts).
 */
import type {
  MultisigResult,
  PlannedTransaction,
  ResultTransaction,
  SetupResult,
} from '../../contract/setupResult.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import type { HarvestingSummary } from '../../core/harvesting/summarizeHarvesting.js';
import type { ConfirmedRequest } from '../../core/keystore/confirmedRequest.js';
import { syncKeyStatuses } from '../../core/keystore/updateKeystore.js';
import type { AccountInfo } from '../../node/getAccount.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import type { WaitContext } from './announceAndWait.js';
import { decideState } from './decideState.js';
import type { AfterConfirmation, LifecycleSettings, MainKey, ResultKeys } from './plan.js';
import type { NodeFacts } from './readNodeFacts.js';
import type { BondedSigning } from './signAndStoreBonded.js';

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
export async function readAndSync(session: LifecycleSession): Promise<AccountInfo | undefined> {
  const account = await session.node.client.getAccount({ publicKey: session.mainPublicKey });
  const { keystore } = session;
  if (keystore !== undefined && account !== undefined) {
    const next = syncKeyStatuses(keystore.file, account.links);
    if (next !== keystore.file) await keystore.save(next);
  }
  return account;
}

/** Step 6: the state word from the facts of this run (decideState). */
export function stateOf(
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

/** The result every set-up command returns. */
export function resultOf(
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
