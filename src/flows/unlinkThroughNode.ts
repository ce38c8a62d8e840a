/**
 * `harvest unlink --node` (docs/commands/unlink.md): the delegate steps of docs/commands/delegate.md with an unlink plan.
 *
 *   1. read the node (network, fees, clock: readNodeFacts)
 *   2. the keystore, when the account has one, is unlocked and its journal settled first (resumeJournal); unlink
 *      needs no stored key, so an account without a keystore has no journal and nothing is written
 *   3. read the account; plan the unlinks of what is linked NOW (an UNLINK must name the linked key, docs/protocol.md §3):
 *      the node link by default (the node then prunes the delegate), with `all` also the remote and VRF links;
 *      nothing to unlink → the state as it is, nothing sent
 *   4. one aggregate (node, remote, VRF order), fee = size × multiplier, deadline = network time + 2 h
 *   5. confirm(plan) — CONFIRMATION_REQUIRED / CANCELLED before anything is written or sent
 *   6. sign; WRITE AHEAD the journal entry (kind 'unlink', state 'signed') before announcing
 *   7. announce and wait (announceAndWait), then the state afterwards: the node asked, when its transport key was
 *      the linked one, still listing the remote key → DEACTIVATION_PENDING (after a short wait for its pruning);
 *      otherwise KEYS_LINKED, or INACTIVE when nothing is linked any more
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { InputError, NodeError, RejectedError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { syncKeyStatuses } from '../core/keystore/updateKeystore.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, Sleep } from '../core/ports.js';
import { buildAggregate } from '../core/transactions/buildAggregate.js';
import { computeDeadline } from '../core/transactions/computeDeadline.js';
import type { FeeLevel } from '../core/transactions/parseFeeMultiplier.js';
import { resolveFeeMultiplier } from '../core/transactions/resolveFeeMultiplier.js';
import { signTransaction } from '../core/transactions/signTransaction.js';
import type { KeyLinkRole, KeyLinkTransaction } from '../core/transactions/transactionTypes.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { ACCOUNT_TYPE, accountBalance, type AccountInfo } from '../node/getAccount.js';
import { announceAndWait } from './announceAndWait.js';
import type { DelegateResult, PlannedTransaction, ResultTransaction } from './delegate.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import { readNodeFacts, type NodeFacts } from './readNodeFacts.js';
import { resumeJournal } from './resumeJournal.js';
import { describePendingEntry } from '../core/keystore/describePendingEntry.js';

/** What confirm() is shown. */
export interface UnlinkPlan {
  readonly network: string;
  readonly mainAddress: string;
  readonly nodeUrl: string;
  readonly transactions: readonly PlannedTransaction[];
  readonly aggregateVersion: number;
  readonly fee: bigint;
  /** True when the account's node link is the transport key of the node asked. */
  readonly linkedToThisNode: boolean;
}

/** Inputs of unlinkThroughNode. */
export interface UnlinkThroughNodeParameters {
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly mainPrivateKey: Uint8Array;
  /** Unlocks the account's keystore; undefined when the account has none (then there is no journal). */
  readonly openKeystore: (
    network: NetworkParameters,
    mainAddress: string,
  ) => Promise<KeystoreSession | undefined>;
  /** --all: the remote and VRF links too. */
  readonly all: boolean;
  readonly fee: bigint | FeeLevel | undefined;
  readonly confirm: (plan: UnlinkPlan) => Promise<void>;
  /** Asked before a transaction an earlier run signed (but may not have announced) is announced now. */
  readonly confirmResend: (summary: string) => Promise<void>;
  /** --dry-run: sign and print, announce nothing, journal nothing. */
  readonly dryRun: boolean;
  /** False with --no-wait. */
  readonly wait: boolean;
  readonly confirmationTimeoutMs: number;
  /** How long to wait for the node to prune the delegate after the node unlink confirmed. */
  readonly deactivationTimeoutMs?: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
  readonly onNote?: (text: string) => void;
}

/** Unlinks the node link (and with `all` every link) of the main account through one node. */
export async function unlinkThroughNode(parameters: UnlinkThroughNodeParameters): Promise<DelegateResult> {
  const { client, now } = parameters;
  const facts = await readNodeFacts({ client, expectedNetwork: parameters.expectedNetwork, now });
  const mainPublicKey = derivePublicKey(parameters.mainPrivateKey);
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier));

  const keystore = await parameters.openKeystore(facts.network, mainAddress);
  const waiting = {
    client,
    blockTimeMs: facts.blockTimeMs,
    networkTimeMs: facts.networkTimeMs,
    confirmationTimeoutMs: parameters.confirmationTimeoutMs,
    now,
    sleep: parameters.sleep,
    ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
  };
  const resumed =
    keystore === undefined
      ? undefined
      : await resumeJournal({
          ...waiting,
          keystore,
          confirmResend: parameters.confirmResend,
          readOnly: parameters.dryRun,
          onResume: (kind, hash, outcome) =>
            parameters.onNote?.(`earlier ${kind} transaction ${hash}: ${outcome}`),
        });

  const account = await client.getAccount({ publicKey: mainPublicKey });
  checkMainAccount(account);
  if (keystore !== undefined && account !== undefined) {
    await keystore.save(syncKeyStatuses(keystore.file, account.links));
  }
  const base = baseResult(facts, mainAddress, mainPublicKey, account);
  if (resumed?.pending !== undefined && keystore !== undefined) {
    const entry = keystore.file.journal.find((candidate) => candidate.hash === resumed.pending)!;
    return {
      ...base,
      transactions: [describePendingEntry(entry)],
      announced: entry.state === 'announced',
      state: 'CONFIRMATION_PENDING',
    };
  }
  if (account === undefined) {
    parameters.onNote?.(`the chain does not know ${mainAddress}: nothing is linked`);
    return base;
  }

  const unlinks = planUnlinks(account, parameters.all);
  if (unlinks.length === 0) {
    parameters.onNote?.(
      parameters.all
        ? 'nothing is linked: nothing to unlink'
        : 'no node link: nothing to unlink (--all unlinks the remote and VRF keys)',
    );
    return base;
  }
  const unsigned = buildAggregate({
    networkIdentifier: facts.network.identifier,
    signerPublicKey: mainPublicKey,
    deadline: computeDeadline(BigInt(facts.networkTimeMs())),
    fee: { multiplier: resolveFeeMultiplier(parameters.fee, facts.fees) },
    transactions: unlinks,
    version: facts.aggregateVersion,
  });
  const balance = accountBalance(account, facts.network.currencyMosaicId);
  if (balance < unsigned.fee) {
    throw new RejectedError(
      'INSUFFICIENT_BALANCE',
      `balance ${balance} µXYM does not cover the fee of ${unsigned.fee} µXYM`,
    );
  }
  const nodeKey = facts.nodeInfo.nodePublicKey;
  const linkedNode = account.links.node;
  const linkedToThisNode =
    linkedNode !== undefined && nodeKey !== undefined && equalBytes(linkedNode, nodeKey);
  const plan = unlinks.map(describeUnlink);
  await parameters.confirm({
    network: facts.network.name,
    mainAddress,
    nodeUrl: client.url,
    transactions: plan,
    aggregateVersion: facts.aggregateVersion,
    fee: unsigned.fee,
    linkedToThisNode,
  });

  const signed = signTransaction(
    unsigned.payload,
    parameters.mainPrivateKey,
    facts.network.generationHashSeed,
  );
  const transaction: ResultTransaction = {
    kind: 'unlink',
    hash: toHex(signed.hash),
    payload: toHex(signed.payload),
    fee: unsigned.fee,
    deadline: unsigned.deadline,
  };
  const planned: DelegateResult = { ...base, transactions: [transaction], plan };
  if (parameters.dryRun) return planned;

  // Write ahead: a crash after announcing must leave a journal entry that the next run settles first.
  if (keystore !== undefined) {
    await keystore.save({
      ...keystore.file,
      journal: [
        ...keystore.file.journal,
        {
          kind: 'unlink',
          hash: transaction.hash!,
          payload: transaction.payload,
          deadline: unsigned.deadline,
          createdAt: now().toISOString(),
          state: 'signed',
        },
      ],
    });
  }
  const outcome = await announceAndWait({
    ...waiting,
    ...(keystore === undefined ? {} : { keystore }),
    transaction: { hash: transaction.hash!, payload: transaction.payload, deadline: transaction.deadline },
    wait: parameters.wait,
    announce: true,
  });
  const announced = { ...planned, announced: true };
  if (outcome === 'pending') return { ...announced, state: 'CONFIRMATION_PENDING' };

  const after = await client.getAccount({ publicKey: mainPublicKey });
  if (keystore !== undefined && after !== undefined) {
    await keystore.save(syncKeyStatuses(keystore.file, after.links));
  }
  const linksAfter = after?.links ?? { remote: undefined, vrf: undefined, node: undefined };
  const anyLinked =
    linksAfter.remote !== undefined || linksAfter.vrf !== undefined || linksAfter.node !== undefined;
  const settled = { ...announced, ...linkedKeys(linksAfter), state: anyLinked ? 'KEYS_LINKED' : 'INACTIVE' };
  const remote = account.links.remote;
  if (!linkedToThisNode || remote === undefined) return settled;
  const pruned = await waitForPruning(parameters, facts, remote);
  if (pruned === undefined) return { ...settled, reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'] };
  return pruned ? settled : { ...settled, state: 'DEACTIVATION_PENDING' };
}

/** The unlinks, in the planner's order (node, remote, VRF), each naming the key linked now. */
function planUnlinks(account: AccountInfo, all: boolean): KeyLinkTransaction[] {
  const roles: KeyLinkRole[] = all ? ['node', 'remote', 'vrf'] : ['node'];
  return roles.flatMap((role): KeyLinkTransaction[] => {
    const linked = account.links[role];
    return linked === undefined ? [] : [{ type: 'keyLink', role, action: 'unlink', linkedPublicKey: linked }];
  });
}

/** True once the node no longer lists the remote key; false when time ran out; undefined when it cannot say. */
async function waitForPruning(
  parameters: UnlinkThroughNodeParameters,
  facts: NodeFacts,
  remote: Uint8Array,
): Promise<boolean | undefined> {
  const timeoutMs = parameters.deactivationTimeoutMs ?? 2 * facts.blockTimeMs;
  const pollMs = Math.min(5_000, Math.max(100, Math.floor(facts.blockTimeMs / 4)));
  const started = parameters.now().getTime();
  for (;;) {
    let unlocked: Uint8Array[];
    try {
      unlocked = await parameters.client.getUnlockedAccounts();
    } catch (error) {
      if (error instanceof NodeError) return undefined;
      throw error;
    }
    if (!unlocked.some((key) => equalBytes(key, remote))) return true;
    const elapsed = parameters.now().getTime() - started;
    if (!parameters.wait || elapsed >= timeoutMs) return false;
    parameters.onProgress?.(`waiting for the node to drop the delegate (${Math.round(elapsed / 1000)} s)`);
    await parameters.sleep(Math.min(pollMs, Math.max(1, timeoutMs - elapsed)));
  }
}

function describeUnlink(transaction: KeyLinkTransaction): PlannedTransaction {
  return { kind: `${transaction.role}Unlink`, publicKey: toHex(transaction.linkedPublicKey) };
}

function linkedKeys(links: AccountInfo['links']): Pick<DelegateResult, 'remotePublicKey' | 'vrfPublicKey'> {
  return {
    remotePublicKey: links.remote === undefined ? null : toHex(links.remote),
    vrfPublicKey: links.vrf === undefined ? null : toHex(links.vrf),
  };
}

function baseResult(
  facts: NodeFacts,
  mainAddress: string,
  mainPublicKey: Uint8Array,
  account: AccountInfo | undefined,
): DelegateResult {
  const links = account?.links ?? { remote: undefined, vrf: undefined, node: undefined };
  const linked = links.remote !== undefined || links.vrf !== undefined || links.node !== undefined;
  return {
    network: facts.network.name,
    mainAddress,
    mainPublicKey: toHex(mainPublicKey),
    nodeUrl: facts.client.url,
    // The node key the account is linked to (what is unlinked by default), not necessarily the node asked.
    nodePublicKey: links.node === undefined ? null : toHex(links.node),
    ...linkedKeys(links),
    transactions: [],
    plan: [],
    announced: false,
    state: linked ? 'KEYS_LINKED' : 'INACTIVE',
    reasons: [],
  };
}

/** Refuses a key file that is a remote account's (its "remote" link is then its main account). */
function checkMainAccount(account: AccountInfo | undefined): void {
  if (account !== undefined && account.accountType === ACCOUNT_TYPE.remote) {
    throw new InputError('INVALID_KEY', 'the key given is a remote account key, not the main account key', {
      hint: 'pass the main account key with --key-file',
    });
  }
}
