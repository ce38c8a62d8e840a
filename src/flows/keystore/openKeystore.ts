/**
 * Opens (or prepares to create) the keystore of one main account: `<home>/keystore/<MAIN ADDRESS>.json`.
 * The password is asked for only once it is known whether the file exists; a wrong one is KEYSTORE_LOCKED and the
 * file is left untouched. Writes go through save(): folders 0700, file 0600, atomic (temp, fsync, rename).
 */
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { FileSystem, RandomBytes } from '../../core/ports.js';
import {
  createKeystore,
  DEFAULT_SCRYPT,
  unlockKeystore,
  type DeriveKeystoreKey,
  type KeystoreKey,
  type ScryptParameters,
} from '../../core/keystore/keystoreCrypto.js';
import { parseKeystore, serializeKeystore, type KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { keystoreModeWarning } from './keystoreModeWarning.js';

/** Everything needed to open one account's keystore. */
export interface OpenKeystoreParameters {
  readonly files: FileSystem;
  readonly home: string;
  readonly mainAddress: string;
  readonly networkIdentifier: number;
  readonly mainPublicKey?: Uint8Array;
  /** Asked once; `creating` tells whether a new keystore will be made with it. */
  readonly password: (creating: boolean) => Promise<string>;
  readonly random: RandomBytes;
  /** scrypt cost for a new keystore (tests lower it). */
  readonly scrypt?: ScryptParameters;
  /** The key derivation (default: scrypt each time; a batch passes a caching one). */
  readonly derive?: DeriveKeystoreKey;
  /** The salt of a new keystore (default: 32 fresh bytes; a batch shares one, each file records it). */
  readonly salt?: () => Uint8Array;
  /** Told when the existing file may be read by others (keystoreModeWarning); nothing is said without it. */
  readonly onWarning?: ((text: string) => void) | undefined;
}

/** An unlocked keystore: its current content, its key, and how to persist a new version. */
export interface KeystoreSession {
  readonly path: string;
  /** True when no file exists yet (nothing is written until save()). */
  readonly isNew: boolean;
  readonly file: KeystoreFile;
  readonly key: KeystoreKey;
  /** Writes `file` atomically (0600 in 0700 folders) and makes it the session's current content. */
  save(file: KeystoreFile): Promise<void>;
}

/** The path of an account's keystore file. */
export function keystorePath(home: string, mainAddress: string): string {
  return join(home, 'keystore', `${mainAddress}.json`);
}

/**
 * Reads and unlocks the keystore, or prepares a new one.
 * @throws {InputError} KEYSTORE_LOCKED (wrong password), KEYSTORE_CORRUPT (damaged file or another account's),
 *   INVALID_FILE (unreadable)
 */
export async function openKeystore(parameters: OpenKeystoreParameters): Promise<KeystoreSession> {
  const { files, home, mainAddress } = parameters;
  const path = keystorePath(home, mainAddress);
  const existing = await readKeystoreText(files, path, parameters.onWarning);
  let file: KeystoreFile;
  let key: KeystoreKey;
  if (existing === undefined) {
    ({ file, key } = createKeystore(
      {
        mainAddress,
        networkIdentifier: parameters.networkIdentifier,
        ...(parameters.mainPublicKey === undefined ? {} : { mainPublicKey: parameters.mainPublicKey }),
      },
      await parameters.password(true),
      parameters.random,
      parameters.scrypt ?? DEFAULT_SCRYPT,
      {
        ...(parameters.salt === undefined ? {} : { salt: parameters.salt() }),
        ...(parameters.derive === undefined ? {} : { derive: parameters.derive }),
      },
    ));
  } else {
    file = parseKeystore(existing, path);
    if (file.mainAddress !== mainAddress || file.networkIdentifier !== parameters.networkIdentifier) {
      throw new InputError(
        'KEYSTORE_CORRUPT',
        `keystore ${path} belongs to ${file.mainAddress}, not ${mainAddress}`,
      );
    }
    key = unlockKeystore(file, await parameters.password(false), path, parameters.derive);
    if (file.mainPublicKey === undefined && parameters.mainPublicKey !== undefined) {
      file = { ...file, mainPublicKey: parameters.mainPublicKey };
    }
  }
  const session = {
    path,
    isNew: existing === undefined,
    file,
    key,
    async save(next: KeystoreFile) {
      try {
        await files.mkdir(home, 0o700);
        await files.mkdir(join(home, 'keystore'), 0o700);
        await files.writeFileAtomic(path, serializeKeystore(next), 0o600);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string') throw error; // not a file-system refusal: a bug, reported as such
        throw new InputError('INVALID_INPUT', `the keystore cannot be written under ${home} (${code})`, {
          hint: 'check --home (or HARVEST_HOME): it must be a folder this user can write',
          cause: error,
        });
      }
      session.file = next;
      session.isNew = false;
    },
  };
  return session;
}

async function readKeystoreText(
  files: FileSystem,
  path: string,
  onWarning: ((text: string) => void) | undefined,
): Promise<string | undefined> {
  const info = await files.stat(path);
  if (info === undefined) return undefined;
  if (!info.isFile) throw new InputError('INVALID_FILE', `keystore ${path} is not a file`);
  const warning = keystoreModeWarning(path, info.mode);
  if (warning !== undefined) onWarning?.(warning);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await files.readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof TypeError) {
      throw new InputError('KEYSTORE_CORRUPT', `keystore ${path} is not UTF-8 text`, { cause: error });
    }
    throw new InputError('INVALID_FILE', `keystore ${path} cannot be read (${code ?? 'unknown error'})`, {
      cause: error,
    });
  }
}
