/**
 * `harvest announce <signed.json> --node` (docs/commands/sign.md): the online half of cold signing. Every check runs
 * before anything is announced:
 *
 *   1. read the node (readNodeFacts); a signed file naming another network (identifier or generation hash seed)
 *      → WRONG_NETWORK
 *   2. each payload: one whole Symbol transaction (INVALID_PAYLOAD) for the node's network byte (WRONG_NETWORK),
 *      signed (INVALID_PAYLOAD when the signature is zero), and its signature verifies with the node's generation
 *      hash seed — a payload signed for another network fails here (WRONG_NETWORK; INVALID_PAYLOAD when the file
 *      named this network, as the bytes were then altered); the file's hash, when given, is the payload's
 *   3. only key links and delegation requests (UNSAFE_TRANSACTION) unless allowAny
 *   4. a deadline already passed → TRANSACTION_REJECTED (status Expired): the chain can never take it
 *   5. what the node already knows is not announced again (confirmed: skipped; failed: TRANSACTION_REJECTED)
 *   6. review (show and confirm: CONFIRMATION_REQUIRED / CANCELLED) — nothing was sent before this
 *   7. announce and wait for each in order (announceAndWait, no keystore); then the account's state, waiting for
 *      activation when the file held a delegation request to this node
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { InputError, NodeError, RejectedError } from '../core/errors.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, Sleep } from '../core/ports.js';
import { checkAggregateSafety } from '../core/transactions/checkAggregateSafety.js';
import {
  describeTransaction,
  type InnerDescription,
  type TransactionDescription,
} from '../core/transactions/describeTransaction.js';
import { hashTransaction } from '../core/transactions/hashTransaction.js';
import type { AnnounceFile } from '../core/transactions/parseAnnounceFile.js';
import { isUnsigned, verifyTransactionSignature } from '../core/transactions/verifyTransactionSignature.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { announceAndWait } from './announceAndWait.js';
import type { DelegateResult, PlannedTransaction, ResultTransaction } from './delegate.js';
import { readNodeFacts, type NodeFacts } from './readNodeFacts.js';
import { waitForActivation } from './waitForActivation.js';

/** Inputs of announceSignedFile. */
export interface AnnounceSignedFileParameters {
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly file: AnnounceFile;
  /** --allow-any: announce even what is not a key link or delegation request. */
  readonly allowAny: boolean;
  /** Shown every transaction before anything is announced; throws to stop. */
  readonly review: (descriptions: readonly TransactionDescription[]) => Promise<void>;
  /** --dry-run: check and show, announce nothing. */
  readonly dryRun: boolean;
  /** False with --no-wait. */
  readonly wait: boolean;
  readonly confirmationTimeoutMs: number;
  readonly activationTimeoutMs: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
  readonly onNote?: (text: string) => void;
}

interface Checked {
  readonly description: TransactionDescription;
  readonly transaction: ResultTransaction;
  /** What the node knows of it before we announce. */
  readonly known: 'confirmed' | 'unconfirmed' | undefined;
}

/** Checks, shows, announces and follows every transaction of a signed file. */
export async function announceSignedFile(parameters: AnnounceSignedFileParameters): Promise<DelegateResult> {
  const { client, file, now } = parameters;
  const facts = await readNodeFacts({ client, expectedNetwork: parameters.expectedNetwork, now });
  checkFileNetwork(file, facts);
  const checked: Checked[] = [];
  for (const [index, entry] of file.transactions.entries()) {
    checked.push(await checkTransaction(parameters, facts, index, entry));
  }
  const mainPublicKey = checked[0]!.description.signerPublicKey;
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier));
  const inners = checked.flatMap(({ description }) => description.transactions);
  const plan = inners.map((inner) => describePlanned(inner, facts));
  // the keys this file links (the last link of each kind wins), so that pending results keep them (docs/cli.md)
  const linkedBy = (kind: string) => {
    const key = inners.findLast((inner) => inner.kind === kind)?.linkedPublicKey;
    return key === undefined ? null : toHex(key);
  };
  const base: DelegateResult = {
    network: facts.network.name,
    mainAddress,
    mainPublicKey: toHex(mainPublicKey),
    nodeUrl: client.url,
    nodePublicKey: linkedBy('nodeLink'),
    remotePublicKey: linkedBy('remoteLink'),
    vrfPublicKey: linkedBy('vrfLink'),
    transactions: checked.map((entry) => entry.transaction),
    plan,
    announced: false,
    state: 'UNKNOWN',
    reasons: [],
  };

  const toSend = checked.filter((entry) => entry.known !== 'confirmed');
  if (toSend.length > 0) {
    await parameters.review(checked.map((entry) => entry.description));
    if (parameters.dryRun) return { ...(await accountState(parameters, facts, mainPublicKey, base, false)) };
  } else {
    parameters.onNote?.('every transaction of the file is already confirmed: nothing to announce');
  }

  let announced = false;
  for (const entry of toSend) {
    const outcome = await announceAndWait({
      client,
      transaction: {
        hash: entry.transaction.hash!,
        payload: entry.transaction.payload,
        deadline: entry.transaction.deadline,
      },
      wait: parameters.wait,
      announce: entry.known === undefined,
      blockTimeMs: facts.blockTimeMs,
      networkTimeMs: facts.networkTimeMs,
      confirmationTimeoutMs: parameters.confirmationTimeoutMs,
      now,
      sleep: parameters.sleep,
      ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
    });
    announced = true;
    if (outcome === 'pending' && parameters.wait) {
      return { ...base, announced, state: 'CONFIRMATION_PENDING' };
    }
  }
  if (!parameters.wait && toSend.length > 0) return { ...base, announced, state: 'CONFIRMATION_PENDING' };

  const requestsToThisNode = checked.some(({ description }) =>
    description.transactions.some((inner) => isRequestTo(inner, facts)),
  );
  return accountState(parameters, facts, mainPublicKey, { ...base, announced }, requestsToThisNode);
}

function checkFileNetwork(file: AnnounceFile, facts: NodeFacts): void {
  const named = file.network;
  if (named === undefined) return;
  if (
    named.identifier !== facts.network.identifier ||
    !equalBytes(named.generationHashSeed, facts.network.generationHashSeed)
  ) {
    throw new InputError(
      'WRONG_NETWORK',
      `the file was signed for ${named.name} (identifier ${named.identifier}, generation hash seed ` +
        `${toHex(named.generationHashSeed)}), but ${facts.client.url} is on ${facts.network.name} ` +
        `(identifier ${facts.network.identifier}, seed ${toHex(facts.network.generationHashSeed)})`,
      { hint: 'announce it through a node of the network it was signed for' },
    );
  }
}

async function checkTransaction(
  parameters: AnnounceSignedFileParameters,
  facts: NodeFacts,
  index: number,
  entry: AnnounceFile['transactions'][number],
): Promise<Checked> {
  const label = parameters.file.transactions.length === 1 ? 'the transaction' : `transaction ${index + 1}`;
  const { payload } = entry;
  const description = describeTransaction(payload);
  const { network } = facts;
  if (description.networkIdentifier !== network.identifier) {
    throw new InputError(
      'WRONG_NETWORK',
      `${label} is for network ${description.networkIdentifier}, the node is on ${network.identifier}`,
      { hint: 'announce it through a node of the network it was signed for' },
    );
  }
  if (isUnsigned(payload)) {
    throw new InputError('INVALID_PAYLOAD', `${label} is not signed (its signature is zero)`, {
      hint: 'sign it first with `harvest sign`',
    });
  }
  if (!verifyTransactionSignature(payload, network.generationHashSeed)) {
    if (parameters.file.network !== undefined) {
      throw new InputError(
        'INVALID_PAYLOAD',
        `the signature of ${label} does not verify: the payload was altered after signing`,
      );
    }
    throw new InputError(
      'WRONG_NETWORK',
      `the signature of ${label} does not verify with the generation hash seed of ${facts.client.url} ` +
        `(${toHex(network.generationHashSeed)}): it was signed for another network, or altered`,
      { hint: 'announce it through a node of the network it was signed for' },
    );
  }
  const hash = toHex(hashTransaction(payload, network.generationHashSeed));
  if (entry.hash !== undefined && entry.hash !== hash) {
    throw new InputError(
      'INVALID_FILE',
      `${label} has hash ${entry.hash} in the file, but its payload hashes to ${hash}`,
    );
  }
  if (!parameters.allowAny) checkAggregateSafety(description);
  const status = await parameters.client.getTransactionStatus(
    hashTransaction(payload, network.generationHashSeed),
  );
  if (status?.group === 'failed') {
    throw new RejectedError('TRANSACTION_REJECTED', `the node rejected ${label} earlier: ${status.code}`, {
      details: { hash, status: status.code },
    });
  }
  if (status?.group !== 'confirmed' && BigInt(facts.networkTimeMs()) >= description.deadline) {
    throw new RejectedError('TRANSACTION_REJECTED', `${label} expired: its deadline has passed`, {
      details: { hash, status: 'Expired' },
      hint: 'plan and sign it again (a signed transaction lives at most a few hours)',
    });
  }
  return {
    description,
    transaction: {
      kind: entry.kind ?? description.kind,
      hash,
      payload: toHex(payload),
      fee: description.fee,
      deadline: description.deadline,
    },
    known: status === undefined ? undefined : status.group === 'confirmed' ? 'confirmed' : 'unconfirmed',
  };
}

/** The account's links and state afterwards (or as they are, for --dry-run). */
async function accountState(
  parameters: AnnounceSignedFileParameters,
  facts: NodeFacts,
  mainPublicKey: Uint8Array,
  result: DelegateResult,
  awaitActivation: boolean,
): Promise<DelegateResult> {
  const account = await parameters.client.getAccount({ publicKey: mainPublicKey });
  const { remote, vrf, node } = account?.links ?? { remote: undefined, vrf: undefined, node: undefined };
  const withLinks = {
    ...result,
    nodePublicKey: node === undefined ? null : toHex(node),
    remotePublicKey: remote === undefined ? null : toHex(remote),
    vrfPublicKey: vrf === undefined ? null : toHex(vrf),
  };
  if (remote === undefined && vrf === undefined && node === undefined)
    return { ...withLinks, state: 'INACTIVE' };
  const nodeKey = facts.nodeInfo.nodePublicKey;
  if (remote === undefined || node === undefined || nodeKey === undefined || !equalBytes(node, nodeKey)) {
    return { ...withLinks, state: 'KEYS_LINKED' };
  }
  let unlocked: Uint8Array[];
  try {
    unlocked = await parameters.client.getUnlockedAccounts();
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    return { ...withLinks, state: 'UNKNOWN', reasons: ['NODE_DIAGNOSTICS_UNAVAILABLE'] };
  }
  if (unlocked.some((key) => equalBytes(key, remote))) return { ...withLinks, state: 'ACTIVE' };
  if (!awaitActivation) return { ...withLinks, state: 'KEYS_LINKED' };
  if (!parameters.wait) return { ...withLinks, state: 'ACTIVATION_PENDING' };
  const state = await waitForActivation({
    client: parameters.client,
    remotePublicKey: remote,
    timeoutMs: parameters.activationTimeoutMs,
    pollMs: Math.min(10_000, Math.max(200, Math.floor(facts.blockTimeMs / 2))),
    now: parameters.now,
    sleep: parameters.sleep,
    ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
  });
  return { ...withLinks, state, reasons: state === 'ACTIVE' ? [] : ['NODE_FULL_LIKELY'] };
}

function isRequestTo(inner: InnerDescription, facts: NodeFacts): boolean {
  const nodeKey = facts.nodeInfo.nodePublicKey;
  return (
    inner.kind === 'delegationRequest' &&
    nodeKey !== undefined &&
    inner.recipientAddress !== undefined &&
    equalBytes(inner.recipientAddress, deriveAddress(nodeKey, facts.network.identifier))
  );
}

/**
 * One inner transaction as `plan[]` shows it: `publicKey` is the key linked, or for a request the node's transport
 * key (as `delegate` writes it); a transfer to any other address carries `recipientAddress` instead.
 */
function describePlanned(inner: InnerDescription, facts: NodeFacts): PlannedTransaction {
  if (inner.linkedPublicKey !== undefined)
    return { kind: inner.kind, publicKey: toHex(inner.linkedPublicKey) };
  const nodeKey = facts.nodeInfo.nodePublicKey;
  if (isRequestTo(inner, facts) && nodeKey !== undefined)
    return { kind: inner.kind, publicKey: toHex(nodeKey) };
  return {
    kind: inner.kind,
    publicKey: '',
    ...(inner.recipientAddress === undefined
      ? {}
      : { recipientAddress: encodeAddress(inner.recipientAddress) }),
  };
}
