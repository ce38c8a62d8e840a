/**
 * Announce a signed transaction and follow it to confirmation (docs/commands/delegate.md step 7), keeping the keystore
 * journal in step: `signed` (written ahead by the caller) → `announced` → `confirmed` | `failed`.
 */
import { parseHex } from '../core/bytes.js';
import { RejectedError } from '../core/errors.js';
import { setJournalState } from '../core/keystore/updateKeystore.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import { waitForConfirmation } from './waitForConfirmation.js';

/** A signed transaction to follow. */
export interface SignedTransaction {
  /** Upper-case hex, as in the journal and the --json result. */
  readonly hash: string;
  readonly payload: string;
  /** Network milliseconds. */
  readonly deadline: bigint;
}

/** Inputs of announceAndWait. */
export interface AnnounceAndWaitParameters {
  readonly client: Pick<NodeClient, 'announceTransaction' | 'getTransactionStatus'>;
  readonly transaction: SignedTransaction;
  /** The keystore whose journal holds the transaction, if any. */
  readonly keystore?: KeystoreSession;
  /** False for --no-wait: announce and return. */
  readonly wait: boolean;
  /** Announce first (false when resuming a transaction the node already knows). */
  readonly announce: boolean;
  readonly blockTimeMs: number;
  readonly networkTimeMs: () => number;
  readonly confirmationTimeoutMs: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
}

/** Where the transaction is when we stop. */
export type AnnounceOutcome = 'confirmed' | 'pending';

/**
 * Announces (retried on network errors and 5xx by the client: the hash identifies it) and waits.
 * @throws {RejectedError} TRANSACTION_REJECTED (journal entry marked failed)
 * @throws {NodeError} NODE_* when the node cannot be reached (journal entry left for a re-run to resume)
 */
export async function announceAndWait(parameters: AnnounceAndWaitParameters): Promise<AnnounceOutcome> {
  const { client, transaction, keystore } = parameters;
  const payload = parseHex(transaction.payload, { name: 'payload' });
  const mark = async (state: 'announced' | 'confirmed' | 'failed') => {
    if (keystore === undefined) return;
    const next = setJournalState(keystore.file, transaction.hash, state);
    if (next !== keystore.file) await keystore.save(next);
  };
  if (parameters.announce) {
    parameters.onProgress?.('announcing');
    await client.announceTransaction(payload);
    await mark('announced');
  }
  if (!parameters.wait) return 'pending';
  try {
    const outcome = await waitForConfirmation({
      client,
      hash: parseHex(transaction.hash, { name: 'hash' }),
      payload,
      deadlineMs: transaction.deadline,
      networkTimeMs: parameters.networkTimeMs,
      blockTimeMs: parameters.blockTimeMs,
      timeoutMs: parameters.confirmationTimeoutMs,
      now: parameters.now,
      sleep: parameters.sleep,
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
