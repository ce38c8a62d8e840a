import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey, parsePrivateKey, parsePublicKey } from '../../src/core/keys.js';
import { decodeEd25519Pem, encodeEd25519Pem } from '../../src/core/pem.js';

const SEED_HEX = '11'.repeat(32);
const NODE_PUBLIC_KEY = 'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737';

function errorOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('parsePrivateKey', () => {
  it('reads 64 hex digits in either case, with white space around', () => {
    expect(toHex(parsePrivateKey(`  ${SEED_HEX.toLowerCase()}\n`))).toBe(SEED_HEX);
    expect(toHex(parsePrivateKey('AbCdEf'.repeat(10) + '0123'))).toBe(
      ('ABCDEF'.repeat(10) + '0123').toUpperCase(),
    );
  });

  it('derives the public key symbol-sdk derives for the docs/protocol.md node key', () => {
    expect(toHex(derivePublicKey(parsePrivateKey(SEED_HEX)))).toBe(NODE_PUBLIC_KEY);
  });

  it('reads a PKCS#8 PEM written by OpenSSL (node:crypto) and finds the same seed', () => {
    for (let i = 0; i < 20; i++) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      const der = privateKey.export({ format: 'der', type: 'pkcs8' });
      expect(toHex(parsePrivateKey(pem))).toBe(toHex(der.subarray(-32)));
    }
  });

  it('round-trips its own PEM through OpenSSL', () => {
    const pem = encodeEd25519Pem(parsePrivateKey(SEED_HEX));
    const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
    expect(toHex(der.subarray(-32))).toBe(SEED_HEX);
    expect(toHex(decodeEd25519Pem(pem).seed)).toBe(SEED_HEX);
  });

  it('accepts the version 1 form with its public key, and refuses one whose public key does not match', () => {
    const body = (publicKeyHex: string) =>
      Buffer.from(`3051020101300506032b657004220420${SEED_HEX}812100${publicKeyHex}`, 'hex').toString(
        'base64',
      );
    const pem = (publicKeyHex: string) =>
      `-----BEGIN PRIVATE KEY-----\n${body(publicKeyHex)}\n-----END PRIVATE KEY-----\n`;
    expect(toHex(parsePrivateKey(pem(NODE_PUBLIC_KEY)))).toBe(SEED_HEX);
    expect(errorOf(() => parsePrivateKey(pem('22'.repeat(32)))).message).toMatch(/does not belong/);
  });

  it.each([
    ['', /is empty/],
    ['   \n', /is empty/],
    ['11'.repeat(31), /must be 32 bytes .* got 31 bytes/],
    ['11'.repeat(33), /must be 32 bytes .* got 33 bytes/],
    ['1'.repeat(63), /odd number of hex digits/],
    ['zz'.repeat(32), /not hexadecimal/],
    ['0x' + '11'.repeat(32), /not hexadecimal/],
    ['-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----', /not valid base64/],
    ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /not a PKCS#8 Ed25519 private key/],
    ['-----BEGIN PRIVATE KEY-----\nAAAA', /no matching BEGIN and END/],
    ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /holds a PUBLIC KEY/],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----', /is encrypted/],
    ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----', /does not match/],
  ])('refuses %j with INVALID_KEY', (text, message) => {
    const error = errorOf(() => parsePrivateKey(text));
    expect(error.code).toBe('INVALID_KEY');
    expect(error.message).toMatch(message);
  });

  it('refuses a PKCS#8 key of another algorithm (X25519) with INVALID_KEY', () => {
    const { privateKey } = generateKeyPairSync('x25519');
    const error = errorOf(() =>
      parsePrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string),
    );
    expect(error).toMatchObject({
      code: 'INVALID_KEY',
      message: expect.stringMatching(/not an Ed25519 key/),
    });
  });

  it('never echoes the rejected text, which may be a secret', () => {
    const secretish = 'ab'.repeat(31) + 'zz';
    expect(errorOf(() => parsePrivateKey(secretish)).message).not.toContain('abab');
  });
});

describe('parsePublicKey', () => {
  it('reads 64 hex digits and refuses other sizes with INVALID_KEY', () => {
    expect(toHex(parsePublicKey(NODE_PUBLIC_KEY.toLowerCase()))).toBe(NODE_PUBLIC_KEY);
    expect(errorOf(() => parsePublicKey('AB')).code).toBe('INVALID_KEY');
  });
});
