import { describe, expect, it } from 'vitest';
import { deriveKeystoreKey, type DeriveKeystoreKey } from '../../../src/core/keystore/keystoreCrypto.js';
import { cacheKeystoreKeys } from '../../../src/flows/keystore/cacheKeystoreKeys.js';
import { FAST } from '../../helpers/flowWorld.js';
import { seededRandom } from '../../helpers/seededRandom.js';

function counted() {
  let calls = 0;
  const derive: DeriveKeystoreKey = (password, salt, scrypt) => {
    calls += 1;
    return deriveKeystoreKey(password, salt, scrypt);
  };
  return { derive, calls: () => calls };
}

describe('cacheKeystoreKeys', () => {
  it('derives each (password, salt, parameters) once and hands out copies', () => {
    const kdf = counted();
    const cache = cacheKeystoreKeys(seededRandom(1), kdf.derive);
    const salt = new Uint8Array(32).fill(7);

    const first = cache.derive('pw', salt, FAST);
    first.bytes.fill(0); // a caller wiping its copy leaves the cache intact
    const second = cache.derive('pw', salt, FAST);

    expect(kdf.calls()).toBe(1);
    expect(second.bytes).toEqual(deriveKeystoreKey('pw', salt, FAST).bytes);
    cache.derive('pw', salt, { ...FAST, n: 32 });
    cache.derive('pw', new Uint8Array(32).fill(8), FAST);
    cache.derive('other', salt, FAST);
    expect(kdf.calls()).toBe(4);
    expect(cache.derive('other', salt, FAST).bytes).toEqual(deriveKeystoreKey('other', salt, FAST).bytes);
    expect(kdf.calls()).toBe(4);
  });

  it('draws the batch salt once; wipe() forgets every key', () => {
    const kdf = counted();
    const cache = cacheKeystoreKeys(seededRandom(2), kdf.derive);
    const salt = cache.salt();

    expect(salt).toHaveLength(32);
    expect(cache.salt()).toEqual(salt);
    cache.derive('pw', salt, FAST);
    cache.wipe();
    cache.derive('pw', salt, FAST);
    expect(kdf.calls()).toBe(2);
  });
});
