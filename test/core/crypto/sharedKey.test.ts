import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../../src/core/bytes.js';
import { decryptAesGcm, encryptAesGcm } from '../../../src/core/crypto/aesGcm.js';
import { deriveSharedKey, hkdfCatapult } from '../../../src/core/crypto/sharedKey.js';
import { InputError } from '../../../src/core/errors.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { readVectorBytes, readVectors } from '../../helpers/vectors.js';

interface DeriveVector {
  privateKey: string;
  otherPublicKey: string;
  scalarMulResult: string;
  sharedKey: string;
}
interface CipherVector {
  privateKey: string;
  otherPublicKey: string;
  tag: string;
  iv: string;
  cipherText: string;
  clearText: string;
}

const hex = (text: string) => parseHex(text, { name: 'vector' });

describe('vendored official vectors', () => {
  it.each([
    ['symbol/3.test-derive-hkdf.json.gz', '10a65f35d7bda9378c4201b5a8da66138146e14f'],
    ['symbol/4.test-cipher.json.gz', '57783b00abdc73948cde70617131d4244fd0fa7b'],
    ['symbol/transactions.json.gz', '4b0de18675f5dc9ee13306543be1134ec3213b24'],
  ])('%s is the unchanged upstream blob', (name, blobSha1) => {
    const bytes = readVectorBytes(name);
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    expect(blob).toBe(blobSha1);
  });
});

describe('deriveSharedKey', () => {
  it('matches all 1001 official shared-key vectors', () => {
    const vectors = readVectors<DeriveVector>('symbol/3.test-derive-hkdf.json.gz');
    expect(vectors).toHaveLength(1001);
    vectors.forEach((vector, index) => {
      const sharedKey = deriveSharedKey(hex(vector.privateKey), hex(vector.otherPublicKey));
      expect(toHex(sharedKey), `vector ${index}`).toBe(vector.sharedKey);
      expect(toHex(hkdfCatapult(hex(vector.scalarMulResult))), `vector ${index} hkdf`).toBe(vector.sharedKey);
    });
  });

  it('is symmetric: derive(a, B) equals derive(b, A)', () => {
    const a = hex('11'.repeat(32));
    const b = hex('22'.repeat(32));
    expect(toHex(deriveSharedKey(a, derivePublicKey(b)))).toBe(toHex(deriveSharedKey(b, derivePublicKey(a))));
  });

  it.each([
    ['identity', '01' + '00'.repeat(31)],
    ['order-2 point (0, -1)', 'ec' + 'ff'.repeat(30) + '7f'],
    ['order-4 point', '00'.repeat(32)],
    ['order-8 point', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'],
    ['non-canonical y = p', 'ed' + 'ff'.repeat(30) + '7f'],
    ['off-curve y = 2', '02' + '00'.repeat(31)],
  ])('refuses a %s as the other public key with INVALID_KEY', (_label, publicKeyHex) => {
    const attempt = () => deriveSharedKey(hex('11'.repeat(32)), hex(publicKeyHex));
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }) as Error);
  });
});

describe('AES-256-GCM in Symbol layout', () => {
  it('opens and reproduces all 1000 official cipher vectors', () => {
    const vectors = readVectors<CipherVector>('symbol/4.test-cipher.json.gz');
    expect(vectors).toHaveLength(1000);
    vectors.forEach((vector, index) => {
      const key = deriveSharedKey(hex(vector.privateKey), hex(vector.otherPublicKey));
      const sealed = hex(vector.tag + vector.iv + vector.cipherText);
      expect(toHex(decryptAesGcm(key, sealed) ?? new Uint8Array()), `vector ${index}`).toBe(vector.clearText);
      expect(toHex(encryptAesGcm(key, hex(vector.iv), hex(vector.clearText))), `vector ${index} seal`).toBe(
        toHex(sealed),
      );
    });
  });

  it('returns undefined for a tampered tag, a wrong key and a short input', () => {
    const key = new Uint8Array(32).fill(7);
    const sealed = encryptAesGcm(key, new Uint8Array(12), new Uint8Array(64).fill(1));
    const tampered = sealed.slice();
    tampered[0]! ^= 1;
    expect(decryptAesGcm(key, tampered)).toBeUndefined();
    expect(decryptAesGcm(new Uint8Array(32), sealed)).toBeUndefined();
    expect(decryptAesGcm(key, sealed.subarray(0, 20))).toBeUndefined();
  });
});
