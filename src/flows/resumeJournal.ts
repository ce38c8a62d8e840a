/**
 * Resuming after an interruption (product.md §2.2 step 8): every journal entry that may still be on its way is
 * settled before anything new is planned — never a new plan while an old one could still confirm.
 *
 *   node says confirmed        → mark confirmed, go on
 *   node says failed           → mark failed, go on (a new plan follows)
 *   unknown or unconfirmed, deadline ahead → announce the same payload again and wait for it
 *   unknown, deadline passed   → it can never confirm: mark failed, go on
 */
import { parseHex } from '../core/bytes.js';
import { RejectedError } from '../core/errors.js';
import { setJournalState, unsettledJournalEntries } from '../core/keystore/updateKeystore.js';
import type { Clock, Sleep } from '../core/ports.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { announceAndWait } from './announceAndWait.js';
import type { KeystoreSession } from './keystore/openKeystore.js';

/** Inputs of resumeJournal. */
export interface ResumeJournalParameters {
  readonly client: Pick<NodeClient, 'announceTransaction' | 'getTransactionStatus'>;
  readonly keystore: KeystoreSession;
  readonly blockTimeMs: number;
  readonly networkTimeMs: () => number;
  readonly confirmationTimeoutMs: number;
  readonly now: Clock;
  readonly sleep: Sleep;
  readonly onProgress?: (text: string) => void;
  /** Told about each entry resumed (for notes on stderr). */
  readonly onResume?: (kind: string, hash: string, outcome: string) => void;
}

/** What was resumed: the hashes confirmed now, and the one still pending (then the caller stops, exit 5). */
export interface ResumeOutcome {
  readonly confirmed: string[];
  readonly failed: string[];
  readonly pending: string | undefined;
}

/** Settles every unsettled journal entry, oldest first. */
export async function resumeJournal(parameters: ResumeJournalParameters): Promise<ResumeOutcome> {
  const { client, keystore } = parameters;
  const outcome: ResumeOutcome = { confirmed: [], failed: [], pending: undefined };
  for (const entry of unsettledJournalEntries(keystore.file)) {
    const status = await client.getTransactionStatus(parseHex(entry.hash, { name: 'hash' }));
    const settle = async (state: 'confirmed' | 'failed') => {
      await keystore.save(setJournalState(keystore.file, entry.hash, state));
      (state === 'confirmed' ? outcome.confirmed : outcome.failed).push(entry.hash);
      parameters.onResume?.(entry.kind, entry.hash, state);
    };
    if (status?.group === 'confirmed') {
      await settle('confirmed');
      continue;
    }
    if (status?.group === 'failed' || BigInt(parameters.networkTimeMs()) > entry.deadline) {
      await settle('failed');
      continue;
    }
    parameters.onResume?.(entry.kind, entry.hash, 'resuming');
    try {
      const result = await announceAndWait({
        ...parameters,
        transaction: entry,
        wait: true,
        announce: status === undefined,
      });
      if (result === 'pending') return { ...outcome, pending: entry.hash };
      outcome.confirmed.push(entry.hash);
    } catch (error) {
      if (!(error instanceof RejectedError)) throw error;
      outcome.failed.push(entry.hash);
    }
  }
  return outcome;
}
