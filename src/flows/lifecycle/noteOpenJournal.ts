/**
 * When a run stops on an error while the keystore journal still holds a signed transaction that may confirm (written
 * ahead, announced, not yet settled), the error says so: a re-run resumes that transaction (settleJournal) instead of
 * signing and paying again (docs/errors.md, "A journalled transaction").
 */
import { HarvestError } from '../../core/errors.js';
import { unsettledJournalEntries } from '../../core/keystore/updateKeystore.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';

/** Returns `error`, with the newest open journal entry of `keystore` noted on it when there is one. */
export function noteOpenJournal(error: unknown, keystore: KeystoreSession | undefined): unknown {
  if (!(error instanceof HarvestError) || keystore === undefined) return error;
  const open = unsettledJournalEntries(keystore.file).at(-1);
  return open === undefined ? error : error.withOpenJournal({ hash: open.hash, keystore: keystore.path });
}
