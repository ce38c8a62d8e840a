/**
 * Reads an account's keystore file without unlocking it: the public facts (stored public keys and their statuses,
 * the chosen node, `remoteHarvesting`, the journal) are plain JSON, so `harvest status` never asks for a password.
 */
import { InputError } from '../../core/errors.js';
import type { FileSystem } from '../../core/ports.js';
import { parseKeystore, type KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { keystoreModeWarning } from './keystoreModeWarning.js';
import { keystorePath } from './openKeystore.js';

/**
 * The parsed keystore of `mainAddress`, or undefined when there is none; `onWarning` hears when others may read it.
 * @throws {InputError} KEYSTORE_CORRUPT (damaged, or another account's file), INVALID_FILE (unreadable)
 */
export async function readKeystoreFile(
  files: FileSystem,
  home: string,
  mainAddress: string,
  onWarning?: (text: string) => void,
): Promise<KeystoreFile | undefined> {
  const path = keystorePath(home, mainAddress);
  const info = await files.stat(path);
  if (info === undefined) return undefined;
  if (!info.isFile) throw new InputError('INVALID_FILE', `keystore ${path} is not a file`);
  const warning = keystoreModeWarning(path, info.mode);
  if (warning !== undefined) onWarning?.(warning);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await files.readFile(path));
  } catch (error) {
    if (error instanceof TypeError) {
      throw new InputError('KEYSTORE_CORRUPT', `keystore ${path} is not UTF-8 text`, {
        cause: error,
        hint: 'restore the file from a backup; it was not changed',
      });
    }
    const code = (error as { code?: unknown }).code;
    throw new InputError(
      'INVALID_FILE',
      `keystore ${path} cannot be read (${typeof code === 'string' ? code : 'unknown error'})`,
      { cause: error },
    );
  }
  const file = parseKeystore(text, path);
  if (file.mainAddress !== mainAddress) {
    throw new InputError(
      'KEYSTORE_CORRUPT',
      `keystore ${path} belongs to ${file.mainAddress}, not ${mainAddress}`,
      {
        hint: 'restore the file from a backup; it was not changed',
      },
    );
  }
  return file;
}
