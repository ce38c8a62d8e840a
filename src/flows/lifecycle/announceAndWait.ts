/**
 * Announce a signed transaction and follow it to confirmation, keeping the keystore journal in step (docs/keystore.md,
 * "Journal"): `signed` (written ahead by the caller) → `announced` → `confirmed` | `failed`.
 */
import { toHex } from '../../core/bytes.js';
import { isTransientNodeError, RejectedError } from '../../core/errors.js';
import { setJournalState } from '../../core/keystore/updateKeystore.js';
import type { NetworkClock } from '../../core/networkTime.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import { waitForConfirmation } from './waitForConfirmation.js';
import type { WaitPorts } from './waitPorts.js';

/** A signed transaction to follow. */
export interface SignedTransaction {
  readonly hash: Uint8Array;
  readonly payload: Uint8Array;
  /** Network milliseconds. */
  readonly deadline: bigint;
  /** A bonded aggregate: announced (and announced again) with PUT /transactions/partial. */
  readonly partial?: boolean;
}

/** What every wait of the lifecycle needs: the node, its clocks and how long we may wait. */
export interface WaitContext extends WaitPorts {
  readonly client: Pick<NodeClient, 'announceTransaction' | 'getTransactionStatus'>;
  readonly blockTimeMs: number;
  readonly networkTime: NetworkClock;
  readonly confirmationTimeoutMs: number;
  /** PUT /transactions/partial, for bonded aggregates (multisig set-ups). */
  readonly announcePartial?: ((payload: Uint8Array) => Promise<void>) | undefined;
}

/** Inputs of announceAndWait. */
export interface AnnounceAndWaitParameters extends WaitContext {
  readonly transaction: SignedTransaction;
  /** The keystore whose journal holds the transaction, if any. */
  readonly keystore?: KeystoreSession | undefined;
  /** False for --no-wait: announce and return. */
  readonly wait: boolean;
  /** Announce first (false when resuming a transaction the node already knows). */
  readonly announce: boolean;
}

/** Where the transaction is when we stop. */
export type AnnounceOutcome = 'confirmed' | 'pending';

/**
 * Announces (retried on network errors, timeouts and 5xx by the client: the hash identifies it) and waits. An
 * announcement that still fails is not the end while we wait: the wait announces the same payload again at its
 * first 404 (docs/cli.md, "Retries").
 * @throws {RejectedError} TRANSACTION_REJECTED (journal entry marked failed)
 * @throws {NodeError} NODE_* when the node cannot be reached: the announcement with --no-wait, or the wait's last
 *   look (journal entry left for a re-run to resume)
 */
export async function announceAndWait(parameters: AnnounceAndWaitParameters): Promise<AnnounceOutcome> {
  const { transaction, keystore } = parameters;
  const client = announcingClient(parameters);
  const mark = async (state: 'announced' | 'confirmed' | 'failed') => {
    if (keystore === undefined) return;
    const next = setJournalState(keystore.file, toHex(transaction.hash), state);
    if (next !== keystore.file) await keystore.save(next);
  };
  let announced = true;
  if (parameters.announce) {
    parameters.onProgress?.('announcing');
    try {
      await client.announceTransaction(transaction.payload);
      await mark('announced');
    } catch (error) {
      if (!isTransientNodeError(error) || !parameters.wait) throw error;
      announced = false;
    }
  }
  if (!parameters.wait) return 'pending';
  try {
    const outcome = await waitForConfirmation({
      client,
      hash: transaction.hash,
      payload: transaction.payload,
      deadlineMs: transaction.deadline,
      networkTime: parameters.networkTime,
      blockTimeMs: parameters.blockTimeMs,
      timeoutMs: parameters.confirmationTimeoutMs,
      now: parameters.now,
      sleep: parameters.sleep,
      signal: parameters.signal,
      announced,
      onAnnounced: () => mark('announced'),
      ...(parameters.onProgress === undefined ? {} : { onProgress: parameters.onProgress }),
    });
    if (outcome.kind === 'confirmed') {
      await mark('confirmed');
      return 'confirmed';
    }
    return 'pending';
  } catch (error) {
    if (error instanceof RejectedError) await mark('failed');
    throw error;
  }
}

/** The client whose announceTransaction is PUT /transactions/partial for a bonded aggregate. */
function announcingClient(parameters: AnnounceAndWaitParameters): WaitContext['client'] {
  const { client, announcePartial } = parameters;
  if (parameters.transaction.partial !== true) return client;
  if (announcePartial === undefined) throw new Error('a bonded aggregate needs announcePartial');
  return {
    getTransactionStatus: (hash) => client.getTransactionStatus(hash),
    announceTransaction: announcePartial,
  };
}
