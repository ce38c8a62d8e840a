/**
 * The keystore keys of one batch (`onboard`, docs/keystore.md#one-batch-one-derivation): every derivation is done at
 * most once per (password, salt, scrypt parameters), and the keystores a batch creates share one salt, drawn once,
 * so that they all need one scrypt between them. Each file still records its salt and parameters and opens alone.
 * Callers get a copy of a cached key (theirs to keep or wipe); wipe() clears the cache when the batch is done.
 */
import { toHex, wipe } from '../../core/bytes.js';
import {
  deriveKeystoreKey,
  type DeriveKeystoreKey,
  type KeystoreKey,
} from '../../core/keystore/keystoreCrypto.js';
import type { RandomBytes } from '../../core/ports.js';

/** A batch's derivations and its shared salt. */
export interface KeystoreKeyCache {
  /** deriveKeystoreKey, remembered: the same inputs never run scrypt twice. */
  readonly derive: DeriveKeystoreKey;
  /** The salt of every keystore the batch creates, drawn from `random` the first time it is asked for. */
  readonly salt: () => Uint8Array;
  /** Wipes every cached key. */
  wipe(): void;
}

/** A cache over `derive` (default: scrypt). */
export function cacheKeystoreKeys(
  random: RandomBytes,
  derive: DeriveKeystoreKey = deriveKeystoreKey,
): KeystoreKeyCache {
  const keys = new Map<string, { password: string; key: KeystoreKey }>();
  let salt: Uint8Array | undefined;
  return {
    derive(password, saltBytes, parameters) {
      const id = `${toHex(saltBytes)}:${parameters.n}:${parameters.r}:${parameters.p}`;
      let cached = keys.get(id);
      if (cached === undefined || cached.password !== password) {
        if (cached !== undefined) wipe(cached.key.bytes);
        cached = { password, key: derive(password, saltBytes, parameters) };
        keys.set(id, cached);
      }
      return { bytes: Uint8Array.from(cached.key.bytes) };
    },
    salt() {
      salt ??= random(32);
      return Uint8Array.from(salt);
    },
    wipe() {
      for (const { key } of keys.values()) wipe(key.bytes);
      keys.clear();
    },
  };
}
