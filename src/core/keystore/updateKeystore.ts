/**
 * Pure updates of a keystore file's public part after the chain moved on: journal states and key statuses.
 * Keys are never removed (docs/ARCHITECTURE.md#safety-rules: never lose a key that may be linked); only their status changes.
 */
import { equalBytes } from '../bytes.js';
import type { AccountLinks } from '../harvesting/accountLinks.js';
import type { JournalEntry, JournalState, KeystoreFile, StoredKey } from './keystoreFormat.js';

/** The file with the journal entry of `hash` (upper-case hex) set to `state`; unchanged when there is none. */
export function setJournalState(file: KeystoreFile, hash: string, state: JournalState): KeystoreFile {
  if (!file.journal.some((entry) => entry.hash === hash && entry.state !== state)) return file;
  return {
    ...file,
    journal: file.journal.map((entry) => (entry.hash === hash ? { ...entry, state } : entry)),
  };
}

/** Journal entries that may still confirm or were never known to be announced: what a re-run must resume. */
export function unsettledJournalEntries(file: KeystoreFile): JournalEntry[] {
  return file.journal.filter((entry) => entry.state === 'signed' || entry.state === 'announced');
}

/**
 * Key statuses made to agree with the chain: a stored key that is linked becomes `linked`; one that was `linked` and
 * no longer is becomes `unlinked`; a `pending` key that is not linked stays `pending` (its transaction may still be
 * on its way). Returns the same object when nothing changes.
 */
export function syncKeyStatuses(
  file: KeystoreFile,
  links: Pick<AccountLinks, 'remote' | 'vrf'>,
): KeystoreFile {
  const keys = file.keys.map((key): StoredKey => {
    const linked = links[key.role];
    const isLinked = linked !== undefined && equalBytes(linked, key.publicKey);
    const status = isLinked ? 'linked' : key.status === 'linked' ? 'unlinked' : key.status;
    return status === key.status ? key : { ...key, status };
  });
  return keys.some((key, index) => key !== file.keys[index]) ? { ...file, keys } : file;
}

/** True when the keystore holds the private key of `publicKey`. */
export function holdsKey(file: KeystoreFile, publicKey: Uint8Array | undefined): boolean {
  return publicKey !== undefined && file.keys.some((key) => equalBytes(key.publicKey, publicKey));
}
