import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import {
  createKeystore,
  openPrivateKey,
  sealPrivateKey,
  unlockKeystore,
} from '../../../src/core/keystore/keystoreCrypto.js';
import { parseKeystore, serializeKeystore } from '../../../src/core/keystore/keystoreFormat.js';

const FAST = { n: 16, r: 8, p: 1 };
let counter = 0;
const random = (length: number) => Uint8Array.from({ length }, () => (counter = (counter * 31 + 7) & 255));

function sample() {
  const { file, key } = createKeystore(
    { mainAddress: 'TADDRESS', networkIdentifier: 152 },
    'pw',
    random,
    FAST,
  );
  const remote = random(32);
  const stored = sealPrivateKey(key, 'remote', remote, '2025-01-01T00:00:00.000Z', random);
  return { file: { ...file, keys: [stored] }, key, remote };
}

describe('keystore format and crypto', () => {
  it('round-trips through its JSON text and opens the key with the right password', () => {
    const { file, remote } = sample();
    const text = serializeKeystore({
      ...file,
      journal: [
        {
          kind: 'delegate',
          hash: 'AB'.repeat(32),
          payload: 'CD',
          deadline: 12345n,
          createdAt: 'now',
          state: 'signed',
        },
      ],
    });
    const parsed = parseKeystore(text);
    expect(parsed.keys[0]!.publicKey).toEqual(derivePublicKey(remote));
    expect(parsed.journal[0]!.deadline).toBe(12345n);
    const key = unlockKeystore(parsed, 'pw');
    expect(openPrivateKey(key, parsed.keys[0]!)).toEqual(remote);
    expect(text.toUpperCase()).not.toContain(toHex(remote));
  });

  it('a wrong password is KEYSTORE_LOCKED', () => {
    const { file } = sample();
    expect(() => unlockKeystore(parseKeystore(serializeKeystore(file)), 'PW')).toThrow(
      expect.objectContaining({ code: 'KEYSTORE_LOCKED' }),
    );
  });

  it('a truncated or damaged file is KEYSTORE_CORRUPT with a clear message', () => {
    const text = serializeKeystore(sample().file);
    for (const cut of [1, 10, text.length / 2, text.length - 3]) {
      expect(() => parseKeystore(text.slice(0, cut))).toThrow(
        expect.objectContaining({ code: 'KEYSTORE_CORRUPT' }),
      );
    }
    const document = JSON.parse(text);
    document.keys[0].sealed = document.keys[0].sealed.replace(/^../, '00');
    const damaged = parseKeystore(JSON.stringify(document));
    const key = unlockKeystore(damaged, 'pw');
    expect(() => openPrivateKey(key, damaged.keys[0]!)).toThrow(
      expect.objectContaining({ code: 'KEYSTORE_CORRUPT' }),
    );
    expect(() => parseKeystore(JSON.stringify({ ...document, version: 9 }))).toThrow(/version 9/);
    expect(() => parseKeystore(JSON.stringify({ ...document, kdf: { ...document.kdf, n: 1000 } }))).toThrow(
      /power of 2/,
    );
  });

  it("keeps a bonded aggregate's announceAs: partial, and refuses any other value (KEYSTORE_CORRUPT)", () => {
    const entry = {
      kind: 'delegate',
      hash: 'AB'.repeat(32),
      payload: 'CD',
      deadline: 1n,
      createdAt: 'now',
      state: 'signed' as const,
    };
    const text = serializeKeystore({
      ...sample().file,
      journal: [{ ...entry, announceAs: 'partial' }, entry],
    });
    const parsed = parseKeystore(text);
    expect(parsed.journal.map((item) => item.announceAs)).toEqual(['partial', undefined]);
    for (const garbage of ['complete', 1, null, {}]) {
      const document = JSON.parse(text);
      document.journal[0].announceAs = garbage;
      expect(() => parseKeystore(JSON.stringify(document))).toThrow(
        expect.objectContaining({ code: 'KEYSTORE_CORRUPT' }),
      );
    }
  });

  it('uses scrypt N = 2^15 by default', () => {
    const { file } = createKeystore({ mainAddress: 'T', networkIdentifier: 152 }, 'pw', random);
    expect(file.kdf).toMatchObject({ n: 32768, r: 8, p: 1 });
  });
});
