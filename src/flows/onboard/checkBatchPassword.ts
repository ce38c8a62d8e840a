/** The batch keystore password of `harvest onboard` (docs/commands/onboard.md): which rows it cannot serve. */
import { wipe } from '../../core/bytes.js';
import { HarvestError, InputError } from '../../core/errors.js';
import { unlockKeystore } from '../../core/keystore/keystoreCrypto.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { KeystoreKeyCache } from '../keystore/cacheKeystoreKeys.js';
import { keystorePath } from '../keystore/openKeystore.js';
import type { Prepared } from './onboardTypes.js';
import { failedRow } from './readOnboardKeys.js';

/**
 * Marks FAILED (KEYSTORE_PASSWORD, the line named) each row whose existing keystore the password does not open;
 * only the keystores that will be opened are tried (one scrypt each, remembered for their run). When it opens none
 * of them it is taken for a wrong password: the rows that would create a keystore fail too, so that a mistyped or
 * forgotten password never splits the accounts' keystores over two passwords. When new keystores are to be made and
 * none of the keystores to open opened, the password is also tried on one ACTIVE account's keystore (one scrypt).
 */
export function checkBatchPassword(
  entries: readonly Prepared[],
  existing: readonly (KeystoreFile | null | undefined)[],
  activeFiles: readonly KeystoreFile[],
  password: string,
  home: string,
  keys: KeystoreKeyCache,
): void {
  let opened = 0;
  let refused = 0;
  const opens = (file: KeystoreFile): HarvestError | undefined => {
    try {
      wipe(unlockKeystore(file, password, keystorePath(home, file.mainAddress), keys.derive).bytes);
      opened += 1;
      return undefined;
    } catch (error) {
      if (!(error instanceof HarvestError)) throw error;
      if (error.code === 'KEYSTORE_LOCKED') refused += 1;
      return error;
    }
  };
  entries.forEach((entry, index) => {
    const file = existing[index];
    if (file === undefined || file === null) return; // none yet, or damaged (the account's own run reports it)
    const error = opens(file);
    if (error === undefined) return;
    // only a wrong password is KEYSTORE_PASSWORD; a damaged file keeps its own code (KEYSTORE_CORRUPT)
    const code = error.code === 'KEYSTORE_LOCKED' ? 'KEYSTORE_PASSWORD' : error.code;
    entry.failure = failedRow(
      entry,
      code === 'KEYSTORE_PASSWORD'
        ? new InputError(code, `line ${entry.input.line}: ${error.message}`, {
            ...(error.hint === undefined ? {} : { hint: error.hint }),
          })
        : error,
      entry.nodeUrl ?? null,
    );
  });
  const creating = existing.some((file) => file === undefined);
  if (creating && opened === 0 && activeFiles.length > 0) opens(activeFiles[0]!);
  if (opened > 0 || refused === 0) return;
  entries.forEach((entry, index) => {
    if (existing[index] !== undefined) return;
    entry.failure = failedRow(
      entry,
      new InputError(
        'KEYSTORE_PASSWORD',
        `line ${entry.input.line}: no keystore created: the password opens none of the batch's ${refused} existing keystore(s)`,
        {
          hint: 'give the password of the existing keystores (--password-file, HARVEST_PASSWORD or the prompt)',
        },
      ),
      entry.nodeUrl ?? null,
    );
  });
}
