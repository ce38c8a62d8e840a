/** parseAccountPublicKey: an account public key typed by a person must be a curve point of prime order. */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey, parsePrivateKey } from '../../src/core/keys.js';
import { parseAccountPublicKey } from '../../src/core/parseAccountPublicKey.js';

describe('parseAccountPublicKey', () => {
  it('accepts the public key of a private key', () => {
    const publicKey = derivePublicKey(new Uint8Array(32).fill(7));
    expect(parseAccountPublicKey(toHex(publicKey))).toEqual(publicKey);
  });

  it('refuses the identity, small-order and off-curve encodings, without echoing them', () => {
    const p = 'EDFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F'; // y = p: not canonical
    for (const text of [`01${'00'.repeat(31)}`, '00'.repeat(32), `${'FF'.repeat(31)}7F`, p]) {
      expect(() => parseAccountPublicKey(text, 'main public key'), text).toThrow(/not an account public key/);
      try {
        parseAccountPublicKey(text);
      } catch (error) {
        expect((error as Error).message).not.toContain(text);
        expect((error as { code: string }).code).toBe('INVALID_KEY');
      }
    }
  });
});

describe('parsePrivateKey', () => {
  it('says so when given a harvest keystore instead of a key', () => {
    expect(() => parsePrivateKey('{"format": "harvest-keystore", "version": 1}', 'main account key')).toThrow(
      'main account key is a harvest keystore, not a private key',
    );
  });
});
