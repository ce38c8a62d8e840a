/**
 * The checks `announce` runs on a signed file before anything is announced (docs/commands/announce.md):
 *
 *   1. a file naming another network (identifier or generation hash seed) → WRONG_NETWORK
 *   2. each payload: one whole transaction for the node's network byte (WRONG_NETWORK), signed (INVALID_PAYLOAD when
 *      the signature is zero), and its signature verifies with the node's generation hash seed — a payload signed
 *      for another network fails here (WRONG_NETWORK; INVALID_PAYLOAD when the file named this network, as the bytes
 *      were then altered); the file's hash, when given, is the payload's
 *   3. a hash lock naming 32 zero bytes, or not followed by the bonded aggregate whose hash it names, is refused
 *      WHATEVER the flags (UNSAFE_TRANSACTION, checkHashLocks: its deposit would be lost), and so is a lock in a
 *      file that is not exactly a multisig set-up (below: the aggregate would not go to the partial cache); then
 *      only key links and delegation requests (UNSAFE_TRANSACTION) unless allowAny; a multisig set-up (`harvest sign`
 *      of a `delegate --multisig --prepare` plan) is a hash lock naming the bonded aggregate that follows it, both
 *      signed by the same cosignatory: the lock passes, the aggregate's inner transactions must all be key links and
 *      delegation requests signed by one account (the multisig account), as `harvest cosign` checks
 *   4. what the node already decided: failed → TRANSACTION_REJECTED; a deadline passed → TRANSACTION_REJECTED
 */
import type { PlannedTransaction, ResultTransaction } from '../../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { equalBytes, toHex } from '../../core/bytes.js';
import { describeNetwork } from '../../core/describeNetwork.js';
import { InputError, RejectedError } from '../../core/errors.js';
import { checkAggregateSafety } from '../../core/transactions/checkAggregateSafety.js';
import { checkHashLocks, refuseHashLockOutsidePair } from '../../core/transactions/checkHashLocks.js';
import {
  describeTransaction,
  type InnerDescription,
  type TransactionDescription,
} from '../../core/transactions/describeTransaction.js';
import { hashTransaction } from '../../core/transactions/hashTransaction.js';
import type { AnnounceFile, AnnounceFileTransaction } from '../../core/transactions/parseAnnounceFile.js';
import { readHashLock } from '../../core/transactions/hashLockPayload.js';
import {
  isUnsigned,
  verifyTransactionSignature,
} from '../../core/transactions/verifyTransactionSignature.js';
import type { NodeFacts } from '../lifecycle/readNodeFacts.js';

/** One transaction of the file, checked. */
export interface CheckedTransaction {
  readonly description: TransactionDescription;
  readonly transaction: ResultTransaction & { readonly hash: Uint8Array };
  /** What the node knows of it before we announce. */
  readonly known: 'confirmed' | 'unconfirmed' | undefined;
  /** The hash lock of a multisig set-up, or its bonded aggregate (announced with PUT /transactions/partial). */
  readonly bonded?: 'lock' | 'aggregate';
}

/**
 * Checks the whole file against the node.
 * @throws {InputError} WRONG_NETWORK, INVALID_PAYLOAD, INVALID_FILE
 * @throws {RejectedError} UNSAFE_TRANSACTION, TRANSACTION_REJECTED
 */
export async function checkSignedFile(
  file: AnnounceFile,
  facts: NodeFacts,
  allowAny: boolean,
): Promise<CheckedTransaction[]> {
  checkFileNetwork(file, facts);
  // altered bytes are named as such first (INVALID_PAYLOAD), before any judgement of what the file holds
  const descriptions = file.transactions.map((entry, index) =>
    checkIntegrity(file, facts, labelOf(file, index), entry.payload),
  );
  // whatever the flags: a lock is paid only for the signed bonded aggregate that follows it
  checkHashLocks(
    file.transactions.map((entry) => entry.payload),
    facts.network.generationHashSeed,
  );
  const pair = bondedPair(file, facts);
  if (pair === undefined) refuseHashLockOutsidePair(file.transactions.map((entry) => entry.payload));
  else checkSetUpAccount(file, facts, descriptions[1]!);
  const checked: CheckedTransaction[] = [];
  for (const [index, entry] of file.transactions.entries()) {
    const label = labelOf(file, index);
    const role = pair === undefined ? undefined : index === 0 ? 'lock' : 'aggregate';
    checked.push(await checkTransaction(facts, label, entry, descriptions[index]!, allowAny, role));
  }
  return checked;
}

/**
 * A multisig set-up: exactly a hash lock naming the hash of the bonded aggregate that follows, both signed by the
 * same account. Anything else with a lock or a bonded aggregate is judged as usual (and refused unless allowAny).
 */
function bondedPair(file: AnnounceFile, facts: NodeFacts): 'pair' | undefined {
  if (file.transactions.length !== 2) return undefined;
  const [lockEntry, aggregateEntry] = file.transactions as [AnnounceFileTransaction, AnnounceFileTransaction];
  const lock = readHashLock(lockEntry.payload);
  if (lock === undefined) return undefined;
  let aggregate: TransactionDescription;
  try {
    aggregate = describeTransaction(aggregateEntry.payload);
  } catch {
    return undefined; // checkTransaction says what is wrong with it
  }
  if (aggregate.kind !== 'aggregateBonded') return undefined;
  const aggregateHash = hashTransaction(aggregateEntry.payload, facts.network.generationHashSeed);
  return equalBytes(lock.aggregateHash, aggregateHash) &&
    equalBytes(lock.signerPublicKey, aggregate.signerPublicKey)
    ? 'pair'
    : undefined;
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
      `the file was signed for ${describeNetwork(named)}, but ${facts.client.url} is on ` +
        describeNetwork(facts.network),
      {
        hint: 'announce it through a node of the network it was signed for',
        details: {
          fileIdentifier: named.identifier,
          fileGenerationHashSeed: toHex(named.generationHashSeed),
          nodeIdentifier: facts.network.identifier,
          nodeGenerationHashSeed: toHex(facts.network.generationHashSeed),
        },
      },
    );
  }
}

async function checkTransaction(
  facts: NodeFacts,
  label: string,
  entry: AnnounceFile['transactions'][number],
  description: TransactionDescription,
  allowAny: boolean,
  bonded: 'lock' | 'aggregate' | undefined,
): Promise<CheckedTransaction> {
  const { payload } = entry;
  const { network } = facts;
  const hash = hashTransaction(payload, network.generationHashSeed);
  if (entry.hash !== undefined && entry.hash !== toHex(hash)) {
    throw new InputError(
      'INVALID_FILE',
      `${label} has hash ${entry.hash} in the file, but its payload hashes to ${toHex(hash)}`,
    );
  }
  if (!allowAny && bonded !== 'lock')
    checkAggregateSafety(description, { cosigning: bonded === 'aggregate' });
  const status = await facts.client.getTransactionStatus(hash);
  if (status?.group === 'failed') {
    throw new RejectedError('TRANSACTION_REJECTED', `the node rejected ${label} earlier: ${status.code}`, {
      details: { hash: toHex(hash), status: status.code },
    });
  }
  if (status?.group !== 'confirmed' && facts.networkTime() >= description.deadline) {
    throw new RejectedError('TRANSACTION_REJECTED', `${label} expired: its deadline has passed`, {
      details: { hash: toHex(hash), status: 'Expired' },
      hint: 'plan and sign it again (a signed transaction lives at most a few hours)',
    });
  }
  return {
    description,
    transaction: {
      kind: entry.kind ?? description.kind,
      hash,
      payload,
      fee: description.fee,
      deadline: description.deadline,
    },
    known: status === undefined ? undefined : status.group === 'confirmed' ? 'confirmed' : 'unconfirmed',
    ...(bonded === undefined ? {} : { bonded }),
  };
}

function labelOf(file: AnnounceFile, index: number): string {
  return file.transactions.length === 1 ? 'the transaction' : `transaction ${index + 1}`;
}

/**
 * A multisig file's header names the account the review shows: it must be the one the aggregate sets up (its inner
 * signer), as `sign --cosign` requires.
 * @throws {InputError} INVALID_FILE
 */
function checkSetUpAccount(file: AnnounceFile, facts: NodeFacts, aggregate: TransactionDescription): void {
  const inner = aggregate.transactions[0];
  if (file.mainAddress === undefined || inner === undefined) return;
  const innerAddress = encodeAddress(deriveAddress(inner.signerPublicKey, facts.network.identifier));
  if (file.mainAddress !== innerAddress) {
    throw new InputError(
      'INVALID_FILE',
      `the file's header names ${file.mainAddress}, but its aggregate sets up ${innerAddress}`,
    );
  }
}

/**
 * One payload as bytes: for this network, signed, its signature verifying, and (describeTransaction) an aggregate's
 * inner transactions matching its transactions hash.
 * @throws {InputError} WRONG_NETWORK, INVALID_PAYLOAD
 */
function checkIntegrity(
  file: AnnounceFile,
  facts: NodeFacts,
  label: string,
  payload: Uint8Array,
): TransactionDescription {
  const description = describeTransaction(payload);
  const { network } = facts;
  if (description.networkIdentifier !== network.identifier) {
    throw new InputError(
      'WRONG_NETWORK',
      `${label} is for network identifier ${description.networkIdentifier}, but ${facts.client.url} is on ` +
        `${describeNetwork(network)} (identifier ${network.identifier})`,
      { hint: 'announce it through a node of the network it was signed for' },
    );
  }
  if (isUnsigned(payload)) {
    throw new InputError('INVALID_PAYLOAD', `${label} is not signed (its signature is zero)`, {
      hint: 'sign it first with `harvest sign`',
    });
  }
  if (!verifyTransactionSignature(payload, network.generationHashSeed)) {
    if (file.network !== undefined) {
      throw new InputError(
        'INVALID_PAYLOAD',
        `the signature of ${label} does not verify: the payload was altered after signing`,
      );
    }
    throw new InputError(
      'WRONG_NETWORK',
      `the signature of ${label} does not verify with the generation hash seed of ${facts.client.url}, on ` +
        `${describeNetwork(network)}: it was signed for another network, or altered`,
      { hint: 'announce it through a node of the network it was signed for' },
    );
  }
  return description;
}

/** True for a delegation request to the node asked. */
export function isRequestTo(inner: InnerDescription, facts: NodeFacts): boolean {
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
export function describePlanned(inner: InnerDescription, facts: NodeFacts): PlannedTransaction {
  if (inner.linkedPublicKey !== undefined) return { kind: inner.kind, publicKey: inner.linkedPublicKey };
  const nodeKey = facts.nodeInfo.nodePublicKey;
  if (isRequestTo(inner, facts) && nodeKey !== undefined) return { kind: inner.kind, publicKey: nodeKey };
  return {
    kind: inner.kind,
    publicKey: null,
    ...(inner.recipientAddress === undefined
      ? {}
      : { recipientAddress: encodeAddress(inner.recipientAddress) }),
  };
}
