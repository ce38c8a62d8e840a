/**
 * `harvest delegate --node` and `harvest link-remote --node`: every step of docs/commands/delegate.md, in order; nothing is
 * announced before every check has passed.
 *
 *   1. read the node (network, properties, fees, height, clock); check the transport key (NODE_KEY_UNKNOWN,
 *      NODE_KEY_MISMATCH; UNSAFE_NODE_KEY is refused by the delegate flow before any key is made)
 *   2. unlock the keystore, then settle what an earlier run left unconfirmed (resumeJournal)
 *   3. read the account; bring the keystore's key statuses in line with the chain
 *   4. already done? links right and the node lists the remote key → ACTIVE, nothing sent. Links right and a
 *      confirmed request in the journal → wait for activation, send nothing new unless --resend
 *   5. plan, confirm, sign, write ahead (the delegate flow: flows/delegate.ts)
 *   6. announce, wait for confirmation (announceAndWait), then for the node to unlock the remote key
 *
 * The result is the object of docs/commands/delegate.md with its `state`; pending outcomes are results too (exit 5 is decided
 * by the command), so that scripts keep the hashes and keys of what was announced.
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, parseHex, toHex } from '../core/bytes.js';
import { InputError, NodeError, RejectedError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { openPrivateKey } from '../core/keystore/keystoreCrypto.js';
import { describePendingEntry } from '../core/keystore/describePendingEntry.js';
import { holdsKey, syncKeyStatuses } from '../core/keystore/updateKeystore.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, RandomBytes, Sleep } from '../core/ports.js';
import { findDelegationTransfers } from '../core/transactions/findDelegationTransfers.js';
import type { FeeLevel } from '../core/transactions/parseFeeMultiplier.js';
import { resolveFeeMultiplier } from '../core/transactions/resolveFeeMultiplier.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { accountBalance, type AccountInfo } from '../node/getAccount.js';
import { announceAndWait } from './announceAndWait.js';
import { delegate, type DelegatePlan, type DelegateResult } from './delegate.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import { readNodeFacts, type NodeFacts } from './readNodeFacts.js';
import { resumeJournal } from './resumeJournal.js';
import { waitForActivation } from './waitForActivation.js';

/** Inputs of delegateThroughNode. */
export interface DelegateThroughNodeParameters {
  readonly mode: 'delegate' | 'linkRemote';
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  /** --node-public-key, when given: must equal the node's /node/info nodePublicKey. */
  readonly givenNodePublicKey: Uint8Array | undefined;
  /**
   * The main key: the private key signs; with only the public key (cold signing, `--prepare`) the plan is returned
   * unsigned and nothing is announced or journalled.
   */
  readonly main: { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };
  /** Unlocks (or creates) the account's keystore; asked once the network, hence the address, is known. */
  readonly openKeystore: (network: NetworkParameters, mainAddress: string) => Promise<KeystoreSession>;
  /** --fee: a multiplier, a level, or undefined for the default max(median, node minimum). */
  readonly fee: bigint | FeeLevel | undefined;
  readonly confirm: (plan: DelegatePlan) => Promise<void>;
  /** Asked before a transaction an earlier run signed (but may not have announced) is announced now. */
  readonly confirmResend: (summary: string) => Promise<void>;
  /** --dry-run: sign and print, announce nothing, journal nothing. */
  readonly dryRun: boolean;
  /** False with --no-wait. */
  readonly wait: boolean;
  /** --resend: send a fresh request with the stored keys even when one was confirmed. */
  readonly resend: boolean;
  /** --force: send the request even with importance 0. */
  readonly force: boolean;
  readonly confirmationTimeoutMs: number;
  readonly activationTimeoutMs: number;
  readonly random: RandomBytes;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
  readonly onNote?: (text: string) => void;
  /** Checks that depend on the node's network (e.g. link-remote's beneficiary), run before anything else. */
  readonly checkNetwork?: (network: NetworkParameters) => void;
}

/** The result, plus the remote and VRF private keys for link-remote's config file (never printed). */
export interface DelegateThroughNodeOutcome {
  readonly result: DelegateResult;
  /** The network the node is on (for plan and signed files). */
  readonly network?: NetworkParameters;
  readonly secrets: { readonly remotePrivateKey: Uint8Array; readonly vrfPrivateKey: Uint8Array } | undefined;
}

/** Runs the whole online delegation (or remote-harvesting set-up) against one node. */
export async function delegateThroughNode(
  parameters: DelegateThroughNodeParameters,
): Promise<DelegateThroughNodeOutcome> {
  const facts = await readNodeFacts({
    client: parameters.client,
    expectedNetwork: parameters.expectedNetwork,
    now: parameters.now,
  });
  parameters.checkNetwork?.(facts.network);
  return { ...(await runWithFacts(parameters, facts)), network: facts.network };
}

async function runWithFacts(
  parameters: DelegateThroughNodeParameters,
  facts: NodeFacts,
): Promise<DelegateThroughNodeOutcome> {
  const { client, mode, now } = parameters;
  const nodePublicKey = mode === 'delegate' ? checkNodeKey(facts, parameters.givenNodePublicKey) : undefined;
  const main = parameters.main;
  const mainPublicKey = 'privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey;
  const prepareOnly = !('privateKey' in main);
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier));

  const keystore = await parameters.openKeystore(facts.network, mainAddress);
  const waiting = {
    client,
    keystore,
    blockTimeMs: facts.blockTimeMs,
    networkTimeMs: facts.networkTimeMs,
    confirmationTimeoutMs: parameters.confirmationTimeoutMs,
    now,
    sleep: parameters.sleep,
    ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
  };
  const resumed = await resumeJournal({
    ...waiting,
    confirmResend: parameters.confirmResend,
    readOnly: parameters.dryRun,
    onResume: (kind, hash, outcome) => parameters.onNote?.(`earlier ${kind} transaction ${hash}: ${outcome}`),
  });

  let account = await readAccount(client, mainAddress, mainPublicKey);
  await saveIfChanged(keystore, syncKeyStatuses(keystore.file, account.links));
  const base = baseResult(facts, mainAddress, mainPublicKey, account, nodePublicKey);
  if (resumed.pending !== undefined) {
    const entry = keystore.file.journal.find((candidate) => candidate.hash === resumed.pending)!;
    const pendingKey = (role: 'remote' | 'vrf') =>
      keystore.file.keys.findLast((key) => key.role === role && key.status !== 'unlinked')?.publicKey;
    const remote = pendingKey('remote');
    const vrf = pendingKey('vrf');
    return {
      result: {
        ...base,
        remotePublicKey: remote === undefined ? base.remotePublicKey : toHex(remote),
        vrfPublicKey: vrf === undefined ? base.vrfPublicKey : toHex(vrf),
        transactions: [describePendingEntry(entry)],
        announced: entry.state === 'announced',
        state: 'CONFIRMATION_PENDING',
        reasons: [],
      },
      secrets: undefined,
    };
  }

  const linksRight =
    holdsKey(keystore.file, account.links.remote) &&
    holdsKey(keystore.file, account.links.vrf) &&
    (nodePublicKey === undefined
      ? account.links.node === undefined
      : account.links.node !== undefined && equalBytes(account.links.node, nodePublicKey));
  if (linksRight) {
    const done = await alreadySetUp(parameters, facts, keystore, account, nodePublicKey, base);
    if (done !== undefined) return done;
  }

  const { result: planned, secrets } = await delegate({
    mode,
    facts: {
      network: facts.network,
      networkTimeMs: BigInt(facts.networkTimeMs()),
      aggregateVersion: facts.aggregateVersion,
      feeMultiplier: resolveFeeMultiplier(parameters.fee, facts.fees),
      account: {
        links: definedLinks(account),
        importance: account.importance,
        balance: accountBalance(account, facts.properties.harvestingMosaicId),
      },
      harvesterBalance: {
        min: facts.properties.minHarvesterBalance,
        max: facts.properties.maxHarvesterBalance,
      },
      ...(nodePublicKey === undefined ? {} : { nodePublicKey }),
      nodeUrl: client.url,
    },
    main,
    keystore,
    random: parameters.random,
    now,
    confirm: parameters.confirm,
    force: parameters.force,
    journal: !parameters.dryRun,
  });
  if (parameters.dryRun || prepareOnly) return { result: { ...planned, state: base.state }, secrets };

  const transaction = planned.transactions[0]!;
  const outcome = await announceAndWait({
    ...waiting,
    transaction: { hash: transaction.hash!, payload: transaction.payload, deadline: transaction.deadline },
    wait: parameters.wait,
    announce: true,
  });
  const announced = { ...planned, announced: true };
  if (outcome === 'pending') return { result: { ...announced, state: 'CONFIRMATION_PENDING' }, secrets };

  account = await readAccount(client, mainAddress, mainPublicKey);
  await saveIfChanged(keystore, syncKeyStatuses(keystore.file, account.links));
  if (mode === 'linkRemote') return { result: { ...announced, state: 'OPERATOR' }, secrets };
  if (planned.reasons.includes('ZERO_IMPORTANCE')) {
    parameters.onNote?.(nextRecalculationNote(facts));
    return { result: { ...announced, state: 'KEYS_LINKED' }, secrets };
  }
  const state = await activation(
    parameters,
    facts,
    parseHex(planned.remotePublicKey ?? '', { name: 'remote key', length: 32 }),
  );
  return {
    result: { ...announced, state: state.state, reasons: [...planned.reasons, ...state.reasons] },
    secrets,
  };
}

/** The links are right: decide whether anything is left to send (step 4). */
async function alreadySetUp(
  parameters: DelegateThroughNodeParameters,
  facts: NodeFacts,
  keystore: KeystoreSession,
  account: AccountInfo,
  nodePublicKey: Uint8Array | undefined,
  base: DelegateResult,
): Promise<DelegateThroughNodeOutcome | undefined> {
  const remote = account.links.remote!;
  const secrets = {
    remotePrivateKey: heldPrivateKey(keystore, remote),
    vrfPrivateKey: heldPrivateKey(keystore, account.links.vrf!),
  };
  if (nodePublicKey === undefined) return { result: { ...base, state: 'OPERATOR' }, secrets };
  const unlocked = await readUnlocked(parameters.client);
  if (unlocked?.some((key) => equalBytes(key, remote)) === true) {
    return { result: { ...base, state: 'ACTIVE' }, secrets };
  }
  if (account.importance === 0n && !parameters.force) {
    parameters.onNote?.(nextRecalculationNote(facts));
    return { result: { ...base, state: 'KEYS_LINKED', reasons: ['ZERO_IMPORTANCE'] }, secrets };
  }
  if (parameters.resend || !hasConfirmedRequest(keystore, nodePublicKey, facts.network.identifier)) {
    return undefined; // plan: just a fresh request with the stored keys
  }
  if (parameters.dryRun || !parameters.wait)
    return { result: { ...base, state: 'ACTIVATION_PENDING' }, secrets };
  parameters.onNote?.(
    'a request was confirmed earlier: waiting for the node (pass --resend to send a new one)',
  );
  const state = await activation(parameters, facts, remote);
  return { result: { ...base, ...state }, secrets };
}

/** Step 6b: wait for /node/unlockedaccount to list the remote key. */
async function activation(
  parameters: DelegateThroughNodeParameters,
  facts: NodeFacts,
  remotePublicKey: Uint8Array,
): Promise<{ readonly state: string; readonly reasons: string[] }> {
  if (!parameters.wait) return { state: 'ACTIVATION_PENDING', reasons: [] };
  if ((await readUnlocked(parameters.client)) === undefined) {
    return { state: 'ACTIVATION_PENDING', reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'] };
  }
  const state = await waitForActivation({
    client: parameters.client,
    remotePublicKey,
    timeoutMs: parameters.activationTimeoutMs,
    pollMs: Math.min(10_000, Math.max(200, Math.floor(facts.blockTimeMs / 2))),
    now: parameters.now,
    sleep: parameters.sleep,
    ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
  });
  return { state, reasons: state === 'ACTIVE' ? [] : ['NODE_FULL_LIKELY'] };
}

function checkNodeKey(facts: NodeFacts, given: Uint8Array | undefined): Uint8Array {
  const fromNode = facts.nodeInfo.nodePublicKey;
  if (fromNode === undefined && given === undefined) {
    throw new InputError(
      'NODE_KEY_UNKNOWN',
      `${facts.client.url} does not publish its transport key (nodePublicKey)`,
      {
        hint: "pass --node-public-key with the node's transport public key (node.key.pem), from its operator",
      },
    );
  }
  if (fromNode !== undefined && given !== undefined && !equalBytes(fromNode, given)) {
    throw new InputError(
      'NODE_KEY_MISMATCH',
      `--node-public-key ${toHex(given)} differs from the node's transport key ${toHex(fromNode)}`,
      { hint: 'check that --node names the node you meant' },
    );
  }
  return fromNode ?? given!;
}

async function readAccount(
  client: NodeClient,
  mainAddress: string,
  mainPublicKey: Uint8Array,
): Promise<AccountInfo> {
  const account = await client.getAccount({ publicKey: mainPublicKey });
  if (account === undefined) {
    throw new RejectedError('NOT_ELIGIBLE', `the chain does not know ${mainAddress}: it has no balance`, {
      hint: 'fund the account with at least 10,000 XYM first',
    });
  }
  return account;
}

async function readUnlocked(client: NodeClient): Promise<Uint8Array[] | undefined> {
  try {
    return await client.getUnlockedAccounts();
  } catch (error) {
    if (error instanceof NodeError) return undefined;
    throw error;
  }
}

/** A confirmed journal entry holding a delegation transfer to this node's transport address. */
function hasConfirmedRequest(
  keystore: KeystoreSession,
  nodePublicKey: Uint8Array,
  networkIdentifier: number,
): boolean {
  const nodeAddress = deriveAddress(nodePublicKey, networkIdentifier);
  return keystore.file.journal.some(
    (entry) =>
      entry.state === 'confirmed' &&
      findDelegationTransfers(parseHex(entry.payload, { name: 'payload' })).some((transfer) =>
        equalBytes(transfer.recipientAddress, nodeAddress),
      ),
  );
}

async function saveIfChanged(keystore: KeystoreSession, next: KeystoreSession['file']): Promise<void> {
  if (next !== keystore.file) await keystore.save(next);
}

function heldPrivateKey(keystore: KeystoreSession, publicKey: Uint8Array): Uint8Array {
  const stored = keystore.file.keys.find((key) => equalBytes(key.publicKey, publicKey))!;
  return openPrivateKey(keystore.key, stored, keystore.path);
}

function definedLinks(account: AccountInfo) {
  const { remote, vrf, node } = account.links;
  return {
    ...(remote === undefined ? {} : { remote }),
    ...(vrf === undefined ? {} : { vrf }),
    ...(node === undefined ? {} : { node }),
  };
}

function baseResult(
  facts: NodeFacts,
  mainAddress: string,
  mainPublicKey: Uint8Array,
  account: AccountInfo,
  nodePublicKey: Uint8Array | undefined,
): DelegateResult {
  const { remote, vrf, node } = account.links;
  const linked = remote !== undefined || vrf !== undefined || node !== undefined;
  return {
    network: facts.network.name,
    mainAddress,
    mainPublicKey: toHex(mainPublicKey),
    nodeUrl: facts.client.url,
    nodePublicKey: nodePublicKey === undefined ? null : toHex(nodePublicKey),
    remotePublicKey: remote === undefined ? null : toHex(remote),
    vrfPublicKey: vrf === undefined ? null : toHex(vrf),
    transactions: [],
    plan: [],
    announced: false,
    state: linked ? 'KEYS_LINKED' : 'INACTIVE',
    reasons: [],
  };
}

function nextRecalculationNote(facts: NodeFacts): string {
  const grouping = facts.properties.importanceGrouping ?? 720n;
  const next = (facts.chainHeight / grouping + 1n) * grouping;
  const seconds = Number(next - facts.chainHeight) * (facts.blockTimeMs / 1000);
  return (
    `importance is 0: the request is not sent now (the node would drop it). Importance is recalculated at height ` +
    `${next} (in about ${Math.ceil(seconds / 60)} min); then run again, or with --resend`
  );
}
