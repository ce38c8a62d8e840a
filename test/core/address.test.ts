import { hash, randomBytes } from 'node:crypto';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { PublicKey } from 'symbol-sdk';
import { SymbolFacade } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { checkAddressBytes, deriveAddress, encodeAddress, parseAddress } from '../../src/core/address.js';
import { decodeBase32, encodeBase32 } from '../../src/core/base32.js';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { MAINNET, TESTNET } from '../../src/core/network.js';

const NODE_PUBLIC_KEY = parseHex('D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737', {
  name: 'k',
});

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

describe('addresses', () => {
  it("hashes with OpenSSL's SHA3-256 and RIPEMD-160 exactly as noble's (known answers, 0–200 random bytes)", () => {
    const abc = new TextEncoder().encode('abc');
    expect(hash('sha3-256', abc)).toBe('3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
    expect(hash('ripemd160', abc)).toBe('8eb208f7e05d987a9b044a8e98c6b087f15a0bfc');
    let compared = 0;
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(randomBytes(length));
      expect(toHex(hash('sha3-256', data, 'buffer'))).toBe(toHex(sha3_256(data)));
      expect(toHex(hash('ripemd160', data, 'buffer'))).toBe(toHex(ripemd160(data)));
      compared += 1;
    }
    expect(compared).toBe(201);
  });

  it('derives the addresses of docs/protocol.md §4.5 for mainnet and testnet', () => {
    expect(encodeAddress(deriveAddress(NODE_PUBLIC_KEY, MAINNET.identifier))).toBe(
      'NCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS72UNKDY',
    );
    expect(encodeAddress(deriveAddress(NODE_PUBLIC_KEY, TESTNET.identifier))).toBe(
      'TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLI',
    );
  });

  it('agrees with symbol-sdk on 300 random public keys on both networks, and parses back', () => {
    for (const [network, name] of [
      [MAINNET, 'mainnet'],
      [TESTNET, 'testnet'],
    ] as const) {
      const facade = new SymbolFacade(name);
      for (let i = 0; i < 150; i++) {
        const publicKey = derivePublicKey(new Uint8Array(randomBytes(32)));
        const ours = encodeAddress(deriveAddress(publicKey, network.identifier));
        expect(ours).toBe(facade.network.publicKeyToAddress(new PublicKey(publicKey)).toString());
        expect(toHex(parseAddress(ours, network.identifier))).toBe(
          toHex(deriveAddress(publicKey, network.identifier)),
        );
      }
    }
  });

  it.each([
    ['TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TL', 'too short'],
    ['TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLIA', 'too long'],
    ['tcwyxkvybmo4nbcuf3axkjmxcgvsyqos7zg2tli', 'lower case'],
    ['TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLJ', 'padding bits set'],
    ['TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLQ', 'checksum changed'],
    ['TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2T1I', 'character outside the alphabet'],
    ['TCWYXK-VYBMO4-NBCUF3-AXKJMX-CGVSYQ-OS7ZG2-TLI', 'dashes'],
  ])('refuses %s (%s) with INVALID_ADDRESS', (text) => {
    expect(codeOf(() => parseAddress(text))).toBe('INVALID_ADDRESS');
  });

  it('refuses an address of the other network when one is required', () => {
    expect(codeOf(() => parseAddress('TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLI', MAINNET.identifier))).toBe(
      'INVALID_ADDRESS',
    );
    expect(codeOf(() => checkAddressBytes(new Uint8Array(23)))).toBe('INVALID_ADDRESS');
  });

  it('base32 round-trips random bytes of every length', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(toHex(decodeBase32(encodeBase32(bytes)) ?? new Uint8Array([1]))).toBe(toHex(bytes));
    }
  });
});
