/**
 * The first step of the lifecycle, resuming after an interruption (docs/keystore.md, "Journal"): every journal entry that may still be on its way is
 * settled before anything new is planned — never a new plan while an old one could still confirm.
 *
 *   node says confirmed        → mark confirmed, go on
 *   node says failed           → mark failed, go on (a new plan follows)
 *   unknown or unconfirmed, deadline ahead → announce the same payload again and wait for it
 *   (a status that cannot be read counts as unknown: announcing the same payload again is safe)
 *   unknown, deadline passed   → it can never confirm: mark failed, go on
 *
 * Two guards keep this from announcing what the user has not agreed to now: an entry never known to have been
 * announced (state `signed`: written ahead, then the run stopped) is announced only after `confirmResend`; and in
 * `readOnly` mode (--dry-run) nothing is announced at all: an entry that could still confirm is reported pending.
 */
import { parseHex } from '../../core/bytes.js';
import { NodeError, RejectedError } from '../../core/errors.js';
import type { TransactionStatus } from '../../node/getTransactionStatus.js';
import { setJournalState, unsettledJournalEntries } from '../../core/keystore/updateKeystore.js';
import { announceAndWait, type WaitContext } from './announceAndWait.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';

/** Inputs of resumeJournal. */
export interface ResumeJournalParameters extends WaitContext {
  readonly keystore: KeystoreSession;
  /** Told about each entry resumed (for notes on stderr). */
  readonly onResume?: (kind: string, hash: string, outcome: string) => void;
  /**
   * Asked before an entry in state `signed` is announced (the same confirmation as for a new plan: --yes, a prompt,
   * or CONFIRMATION_REQUIRED).
   */
  readonly confirmResend: (summary: string) => Promise<void>;
  /** Settle what the node already decided, but announce and wait for nothing (--dry-run). */
  readonly readOnly?: boolean;
  /**
   * False with --no-wait: a bonded aggregate (which may wait hours for its cosignatories) is announced again if
   * the node forgot it, and left pending without waiting. Other entries are always waited for.
   */
  readonly waitForPartial?: boolean;
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
    // a status that cannot be read (after the client's retries) is "not known": announcing again is safe, but an
    // entry past its deadline is settled only on a real answer (it may have confirmed before): the error goes up
    // and the entry stays open for the next run
    const read = await readStatus(client, parseHex(entry.hash, { name: 'hash' }));
    if (read.failure !== undefined && parameters.networkTime() > entry.deadline) throw read.failure;
    const status = read.status;
    const settle = async (state: 'confirmed' | 'failed') => {
      await keystore.save(setJournalState(keystore.file, entry.hash, state));
      (state === 'confirmed' ? outcome.confirmed : outcome.failed).push(entry.hash);
      parameters.onResume?.(entry.kind, entry.hash, state);
    };
    if (status?.group === 'confirmed') {
      await settle('confirmed');
      continue;
    }
    if (status?.group === 'failed' || parameters.networkTime() > entry.deadline) {
      await settle('failed');
      continue;
    }
    if (parameters.readOnly === true) return { ...outcome, pending: entry.hash };
    if (status === undefined && entry.state === 'signed') {
      await parameters.confirmResend(
        `an earlier run signed this ${entry.kind} transaction but may not have announced it: ${entry.hash}\n` +
          'announce it now (nothing new is planned while it can still confirm)',
      );
    }
    parameters.onResume?.(entry.kind, entry.hash, 'resuming');
    try {
      const result = await announceAndWait({
        ...parameters,
        transaction: {
          hash: parseHex(entry.hash, { name: 'hash' }),
          payload: parseHex(entry.payload, { name: 'payload' }),
          deadline: entry.deadline,
          ...(entry.announceAs === 'partial' ? { partial: true } : {}),
        },
        wait: entry.announceAs !== 'partial' || parameters.waitForPartial !== false,
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

async function readStatus(
  client: WaitContext['client'],
  hash: Uint8Array,
): Promise<{ readonly status: TransactionStatus | undefined; readonly failure?: NodeError }> {
  try {
    return { status: await client.getTransactionStatus(hash) };
  } catch (error) {
    if (error instanceof NodeError) return { status: undefined, failure: error };
    throw error;
  }
}
