/**
 * The keystore's encryption: key = scrypt(password, salt, N, r, p) (RFC 7914, node:crypto), AES-256-GCM with a
 * fresh 12-byte IV for each sealed value, sealed = tag(16) | iv(12) | ciphertext (the layout of aesGcm.ts).
 * N = 2^15, r = 8, p = 1 by default (about 100 ms and 32 MiB); tests pass smaller parameters to stay fast.
 * Salt and IVs come from the caller's randomness.
 */
import type { RandomBytes } from '../ports.js';
import { scryptSync } from 'node:crypto';
import { equalBytes, wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { derivePublicKey } from '../keys.js';
import { decryptAesGcm, encryptAesGcm, GCM_IV_SIZE } from '../crypto/aesGcm.js';
import type { KeystoreFile, StoredKey, StoredKeyRole } from './keystoreFormat.js';

/** scrypt cost parameters. */
export interface ScryptParameters {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** The production cost: N = 2^15, r = 8, p = 1. */
export const DEFAULT_SCRYPT: ScryptParameters = { n: 2 ** 15, r: 8, p: 1 };

/** What `check` decrypts to under the right password. */
const KEY_CHECK_PLAINTEXT = new TextEncoder().encode('harvest-keystore-v1');

/** Source of randomness (salt, IVs): core/ports.ts. */
export type { RandomBytes } from '../ports.js';

/** An unlocked keystore's encryption key; keep it in memory only, wipe it when done. */
export interface KeystoreKey {
  readonly bytes: Uint8Array;
}

/** How a keystore key is derived from the password (deriveKeystoreKey; a batch passes a caching one). */
export type DeriveKeystoreKey = (
  password: string,
  salt: Uint8Array,
  parameters: ScryptParameters,
) => KeystoreKey;

/** How a new keystore is made: its salt (default: 32 fresh bytes) and the derivation (default: scrypt). */
export interface CreateKeystoreOptions {
  /** A salt shared by the keystores of one batch (each file still records it, so each opens alone). */
  readonly salt?: Uint8Array;
  readonly derive?: DeriveKeystoreKey;
}

/** The 32-byte encryption key for `password`. */
export function deriveKeystoreKey(
  password: string,
  salt: Uint8Array,
  parameters: ScryptParameters,
): KeystoreKey {
  const { n, r, p } = parameters;
  const bytes = scryptSync(new TextEncoder().encode(password.normalize('NFC')), salt, 32, {
    N: n,
    r,
    p,
    maxmem: 256 * n * r + 1024 * 1024,
  });
  return { bytes: new Uint8Array(bytes) };
}

/** A new empty keystore for one main account, and its key. */
export function createKeystore(
  account: {
    readonly mainAddress: string;
    readonly networkIdentifier: number;
    readonly mainPublicKey?: Uint8Array;
  },
  password: string,
  random: RandomBytes,
  parameters: ScryptParameters = DEFAULT_SCRYPT,
  options: CreateKeystoreOptions = {},
): { file: KeystoreFile; key: KeystoreKey } {
  if (password === '') throw new InputError('INVALID_INPUT', 'the keystore password must not be empty');
  const salt = options.salt ?? random(32);
  if (salt.length !== 32) throw new RangeError('a keystore salt is 32 bytes');
  const key = (options.derive ?? deriveKeystoreKey)(password, salt, parameters);
  const file: KeystoreFile = {
    mainAddress: account.mainAddress,
    networkIdentifier: account.networkIdentifier,
    ...(account.mainPublicKey === undefined ? {} : { mainPublicKey: account.mainPublicKey }),
    kdf: { ...parameters, salt, check: encryptAesGcm(key.bytes, random(GCM_IV_SIZE), KEY_CHECK_PLAINTEXT) },
    keys: [],
    journal: [],
  };
  return { file, key };
}

/**
 * The key of an existing keystore, once the password is proven right.
 * @throws {InputError} KEYSTORE_LOCKED for a wrong password
 */
export function unlockKeystore(
  file: KeystoreFile,
  password: string,
  path = 'keystore',
  derive: DeriveKeystoreKey = deriveKeystoreKey,
): KeystoreKey {
  const key = derive(password, file.kdf.salt, file.kdf);
  const check = decryptAesGcm(key.bytes, file.kdf.check);
  if (check === undefined || !equalBytes(check, KEY_CHECK_PLAINTEXT)) {
    wipe(key.bytes);
    throw new InputError('KEYSTORE_LOCKED', `wrong password for keystore ${path}`, {
      hint: 'give the password this keystore was created with (--password-file, HARVEST_PASSWORD or the prompt)',
    });
  }
  return key;
}

/** Seals a new private key as a pending keystore entry. */
export function sealPrivateKey(
  key: KeystoreKey,
  role: StoredKeyRole,
  privateKey: Uint8Array,
  createdAt: string,
  random: RandomBytes,
): StoredKey {
  return {
    role,
    publicKey: derivePublicKey(privateKey),
    status: 'pending',
    createdAt,
    sealed: encryptAesGcm(key.bytes, random(GCM_IV_SIZE), privateKey),
  };
}

/**
 * The private key of a stored entry.
 * @throws {InputError} KEYSTORE_CORRUPT when it does not open or does not match its public key
 */
export function openPrivateKey(key: KeystoreKey, stored: StoredKey, path = 'keystore'): Uint8Array {
  const privateKey = decryptAesGcm(key.bytes, stored.sealed);
  if (privateKey === undefined || !equalBytes(derivePublicKey(privateKey), stored.publicKey)) {
    throw new InputError('KEYSTORE_CORRUPT', `keystore ${path} holds a damaged ${stored.role} key entry`, {
      hint: 'restore the file from a backup; it was not changed',
    });
  }
  return privateKey;
}
