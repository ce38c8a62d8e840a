/**
 * The delegate use case (docs/commands/delegate.md), and with `mode: 'linkRemote'` the remote-harvesting one (docs/commands/link-remote.md):
 *
 *   1. check the node's transport key is safe to encrypt to (UNSAFE_NODE_KEY) and the keystore is this account's
 *   2. eligibility when the facts include balance bounds (NOT_ELIGIBLE / INSUFFICIENT_BALANCE)
 *   3. plan the key links (planKeyChanges) with fresh candidates drawn from `random`
 *   4. the delegation request: the 132-byte message to the node's transport address (skipped when importance is 0,
 *      unless `force`: the node would accept and then silently prune it)
 *   5. one aggregate (version from the facts), fee = size × multiplier, deadline = network time + 2 h
 *   6. confirm(plan) — may throw CONFIRMATION_REQUIRED or CANCELLED; nothing has been written yet
 *   7. sign (or leave unsigned when only the public key is known: cold signing)
 *   8. WRITE AHEAD: fresh keys, the node and the journal entry are saved (fsync'd, atomic) before the result exists,
 *      so no key that may end up linked on chain can be lost by a crash after this point
 *
 * The chain facts arrive as one object: offline they come from flags and files; online (issue #5) from a node.
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex, wipe } from '../core/bytes.js';
import { decodePrimeOrderPoint } from '../core/crypto/sharedKey.js';
import { encodeDelegationMessage } from '../core/crypto/delegationMessage.js';
import { InputError, RejectedError } from '../core/errors.js';
import { planKeyChanges, type AccountLinks } from '../core/harvesting/planKeyChanges.js';
import { derivePublicKey } from '../core/keys.js';
import { openPrivateKey, sealPrivateKey } from '../core/keystore/keystoreCrypto.js';
import type { KeystoreFile, StoredKey } from '../core/keystore/keystoreFormat.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, RandomBytes } from '../core/ports.js';
import { buildAggregate } from '../core/transactions/buildAggregate.js';
import { computeDeadline } from '../core/transactions/computeDeadline.js';
import { signTransaction } from '../core/transactions/signTransaction.js';
import type { AggregateVersion, InnerTransaction } from '../core/transactions/transactionTypes.js';
import type { KeystoreSession } from './keystore/openKeystore.js';

/** What the chain (or the offline flags standing in for it) says. */
export interface ChainFacts {
  readonly network: NetworkParameters;
  /** Current network time, ms since the network epoch (from /node/time online, the clock offline). */
  readonly networkTimeMs: bigint;
  /** 3 once the chain height reached forkHeights.uniqueAggregateTransactionHash, else 2. */
  readonly aggregateVersion: AggregateVersion;
  readonly feeMultiplier: bigint;
  /** The account's links, and what else is known of it. */
  readonly account: {
    readonly links: AccountLinks;
    readonly importance?: bigint;
    readonly balance?: bigint;
  };
  /** Harvesting balance bounds (µXYM), when known. */
  readonly harvesterBalance?: { readonly min: bigint; readonly max: bigint };
  /** The node's transport key (delegate only). */
  readonly nodePublicKey?: Uint8Array;
  readonly nodeUrl?: string;
}

/** One inner transaction of the plan, as shown to the user. */
export interface PlannedTransaction {
  readonly kind: string;
  /** The linked/unlinked key, or for the request the node's transport key ('' when neither applies). */
  readonly publicKey: string;
  /** For a transfer to any other address (seen by `announce` in a file it did not make). */
  readonly recipientAddress?: string;
}

/** What confirm() is shown. */
export interface DelegatePlan {
  readonly mode: 'delegate' | 'linkRemote';
  readonly network: string;
  readonly mainAddress: string;
  readonly nodeUrl: string | undefined;
  readonly nodePublicKey: string | undefined;
  readonly remotePublicKey: string;
  readonly vrfPublicKey: string;
  readonly transactions: readonly PlannedTransaction[];
  readonly aggregateVersion: AggregateVersion;
  readonly fee: bigint;
  readonly requestSkipped: boolean;
}

/** One top-level transaction of the result (docs/commands/delegate.md `transactions[]`). */
export interface ResultTransaction {
  readonly kind: string;
  /** Absent while unsigned (cold signing). */
  readonly hash?: string;
  readonly payload: string;
  readonly fee: bigint;
  readonly deadline: bigint;
}

/** The --json result of delegate and link-remote. */
export interface DelegateResult {
  readonly network: string;
  readonly mainAddress: string;
  readonly mainPublicKey: string;
  readonly nodeUrl: string | null;
  readonly nodePublicKey: string | null;
  /** Null when no remote / VRF key is linked or planned (e.g. after `unlink --all`). */
  readonly remotePublicKey: string | null;
  readonly vrfPublicKey: string | null;
  readonly transactions: readonly ResultTransaction[];
  readonly plan: readonly PlannedTransaction[];
  readonly announced: boolean;
  readonly state: string;
  readonly reasons: readonly string[];
}

/** Inputs of the flow. */
export interface DelegateParameters {
  readonly mode: 'delegate' | 'linkRemote';
  readonly facts: ChainFacts;
  /** The main private key signs; with only the public key the result is unsigned (for `harvest sign`). */
  readonly main: { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };
  readonly keystore: KeystoreSession;
  readonly random: RandomBytes;
  readonly now: Clock;
  readonly confirm: (plan: DelegatePlan) => Promise<void>;
  /** Send the request even with importance 0. */
  readonly force?: boolean;
  /**
   * Record the signed transaction in the keystore journal (default true). False for --dry-run: a payload the user
   * did not confirm for announcing must never be resumed (announced) by a later run.
   */
  readonly journal?: boolean;
}

/** The flow's result, plus the remote and VRF private keys for link-remote's config file (never printed). */
export interface DelegateOutcome {
  readonly result: DelegateResult;
  readonly secrets: { readonly remotePrivateKey: Uint8Array; readonly vrfPrivateKey: Uint8Array };
}

/** Plans, confirms, signs and stores (write-ahead) one harvesting set-up aggregate; announces nothing. */
export async function delegate(parameters: DelegateParameters): Promise<DelegateOutcome> {
  const { facts, keystore, random, mode } = parameters;
  const { network } = facts;
  const mainPublicKey =
    'privateKey' in parameters.main ? derivePublicKey(parameters.main.privateKey) : parameters.main.publicKey;
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, network.identifier));
  if (keystore.file.mainAddress !== mainAddress) {
    throw new InputError(
      'KEYSTORE_CORRUPT',
      `keystore ${keystore.path} is not the keystore of ${mainAddress}`,
    );
  }
  const nodePublicKey = mode === 'delegate' ? requireNodeKey(facts.nodePublicKey) : undefined;

  const freshRemote = random(32);
  const freshVrf = random(32);
  const keyPlan = planKeyChanges({
    links: facts.account.links,
    heldPublicKeys: keystore.file.keys.map((key) => key.publicKey),
    ...(nodePublicKey === undefined ? {} : { nodePublicKey }),
    freshRemotePublicKey: derivePublicKey(freshRemote),
    freshVrfPublicKey: derivePublicKey(freshVrf),
  });
  const remotePrivateKey = keyPlan.remoteIsFresh
    ? freshRemote
    : heldPrivateKey(keystore, keyPlan.remotePublicKey);
  const vrfPrivateKey = keyPlan.vrfIsFresh ? freshVrf : heldPrivateKey(keystore, keyPlan.vrfPublicKey);

  const reasons: string[] = [];
  const inner: InnerTransaction[] = [...keyPlan.transactions];
  let requestSkipped = false;
  if (nodePublicKey !== undefined) {
    if (facts.account.importance === 0n && parameters.force !== true) {
      requestSkipped = true;
      reasons.push('ZERO_IMPORTANCE');
    } else {
      inner.push({
        type: 'transfer',
        recipientAddress: deriveAddress(nodePublicKey, network.identifier),
        message: encodeDelegationMessage(nodePublicKey, { remotePrivateKey, vrfPrivateKey }, random),
      });
    }
  }
  if (inner.length === 0) {
    throw new InputError(
      'INVALID_INPUT',
      'nothing to do: the remote and VRF keys linked are already in the keystore',
      {
        hint: 'the account is already set up for remote harvesting',
      },
    );
  }

  const unsigned = buildAggregate({
    networkIdentifier: network.identifier,
    signerPublicKey: mainPublicKey,
    deadline: computeDeadline(facts.networkTimeMs),
    fee: { multiplier: facts.feeMultiplier },
    transactions: inner,
    version: facts.aggregateVersion,
  });
  checkBalance(facts, unsigned.fee);

  const plannedTransactions = inner.map((entry) => describePlanned(entry, nodePublicKey));
  const kind = mode === 'delegate' ? 'delegate' : 'linkRemote';
  await parameters.confirm({
    mode,
    network: network.name,
    mainAddress,
    nodeUrl: facts.nodeUrl,
    nodePublicKey: nodePublicKey === undefined ? undefined : toHex(nodePublicKey),
    remotePublicKey: toHex(keyPlan.remotePublicKey),
    vrfPublicKey: toHex(keyPlan.vrfPublicKey),
    transactions: plannedTransactions,
    aggregateVersion: facts.aggregateVersion,
    fee: unsigned.fee,
    requestSkipped,
  });

  const signed =
    'privateKey' in parameters.main
      ? signTransaction(unsigned.payload, parameters.main.privateKey, network.generationHashSeed)
      : undefined;
  const transaction: ResultTransaction = {
    kind,
    ...(signed === undefined ? {} : { hash: toHex(signed.hash) }),
    payload: toHex(signed?.payload ?? unsigned.payload),
    fee: unsigned.fee,
    deadline: unsigned.deadline,
  };

  // Write ahead: nothing leaves this function before the keys that may be linked are on disk.
  const createdAt = parameters.now().toISOString();
  const added: StoredKey[] = [];
  if (keyPlan.remoteIsFresh)
    added.push(sealPrivateKey(keystore.key, 'remote', remotePrivateKey, createdAt, random));
  if (keyPlan.vrfIsFresh) added.push(sealPrivateKey(keystore.key, 'vrf', vrfPrivateKey, createdAt, random));
  const next: KeystoreFile = {
    ...keystore.file,
    mainPublicKey,
    keys: [...keystore.file.keys, ...added],
    ...(nodePublicKey === undefined
      ? {}
      : {
          node: { ...(facts.nodeUrl === undefined ? {} : { url: facts.nodeUrl }), publicKey: nodePublicKey },
        }),
    ...(mode === 'linkRemote' ? { remoteHarvesting: { recordedAt: createdAt } } : {}),
    journal:
      signed === undefined || parameters.journal === false
        ? keystore.file.journal
        : [
            ...keystore.file.journal,
            {
              kind,
              hash: transaction.hash!,
              payload: transaction.payload,
              deadline: unsigned.deadline,
              createdAt,
              state: 'signed',
            },
          ],
  };
  await keystore.save(next);
  if (!keyPlan.remoteIsFresh) wipe(freshRemote);
  if (!keyPlan.vrfIsFresh) wipe(freshVrf);

  const links = facts.account.links;
  const linked = links.remote !== undefined || links.vrf !== undefined || links.node !== undefined;
  return {
    result: {
      network: network.name,
      mainAddress,
      mainPublicKey: toHex(mainPublicKey),
      nodeUrl: facts.nodeUrl ?? null,
      nodePublicKey: nodePublicKey === undefined ? null : toHex(nodePublicKey),
      remotePublicKey: toHex(keyPlan.remotePublicKey),
      vrfPublicKey: toHex(keyPlan.vrfPublicKey),
      transactions: [transaction],
      plan: plannedTransactions,
      announced: false,
      // Nothing was announced: the account is as the facts describe it (offline we cannot ask a node more).
      state: linked ? 'UNKNOWN' : 'INACTIVE',
      reasons,
    },
    secrets: { remotePrivateKey, vrfPrivateKey },
  };
}

function requireNodeKey(nodePublicKey: Uint8Array | undefined): Uint8Array {
  if (nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is not known", {
      hint: 'pass --node-public-key',
    });
  }
  try {
    decodePrimeOrderPoint(nodePublicKey, 'node transport key');
  } catch (error) {
    throw new RejectedError(
      'UNSAFE_NODE_KEY',
      `refusing to encrypt keys to node key ${toHex(nodePublicKey)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return nodePublicKey;
}

function heldPrivateKey(keystore: KeystoreSession, publicKey: Uint8Array): Uint8Array {
  const stored = keystore.file.keys.find((key) => equalBytes(key.publicKey, publicKey));
  return openPrivateKey(keystore.key, stored!, keystore.path);
}

function checkBalance(facts: ChainFacts, fee: bigint): void {
  const balance = facts.account.balance;
  if (balance === undefined) return;
  if (balance < fee) {
    throw new RejectedError(
      'INSUFFICIENT_BALANCE',
      `balance ${balance} µXYM does not cover the fee of ${fee} µXYM`,
    );
  }
  const bounds = facts.harvesterBalance;
  if (bounds !== undefined && (balance - fee < bounds.min || balance - fee > bounds.max)) {
    throw new RejectedError(
      'NOT_ELIGIBLE',
      `balance after the fee (${balance - fee} µXYM) is outside the harvesting range ${bounds.min}..${bounds.max} µXYM`,
    );
  }
}

function describePlanned(
  transaction: InnerTransaction,
  nodePublicKey: Uint8Array | undefined,
): PlannedTransaction {
  if (transaction.type === 'transfer') {
    return { kind: 'delegationRequest', publicKey: nodePublicKey === undefined ? '' : toHex(nodePublicKey) };
  }
  const action = transaction.action === 'link' ? 'Link' : 'Unlink';
  return { kind: `${transaction.role}${action}`, publicKey: toHex(transaction.linkedPublicKey) };
}
