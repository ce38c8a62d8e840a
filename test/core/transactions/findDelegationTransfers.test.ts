import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../../src/core/bytes.js';
import { findDelegationTransfers } from '../../../src/core/transactions/findDelegationTransfers.js';
import { parseSignedPayloadFile } from '../../../src/core/transactions/parseSignedPayloadFile.js';
import { deriveAddress } from '../../../src/core/address.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { buildSdkDelegation } from '../../helpers/sdkTransactions.js';

const nodePublicKey = derivePublicKey(new Uint8Array(randomBytes(32)));

describe('findDelegationTransfers', () => {
  it('finds the embedded delegation transfer of an SDK-built aggregate V3 with its embedded signer', () => {
    const sdk = buildSdkDelegation({ nodePublicKey });
    const [transfer, ...rest] = findDelegationTransfers(sdk.payload);
    expect(rest).toHaveLength(0);
    expect(transfer).toMatchObject({ embeddedIndex: 3, networkIdentifier: 0x98 });
    expect(toHex(transfer!.message)).toBe(toHex(sdk.message));
    expect(toHex(transfer!.signerPublicKey)).toBe(sdk.main.publicKey.toString());
    expect(toHex(transfer!.recipientAddress)).toBe(toHex(deriveAddress(nodePublicKey, 0x98)));
  });

  it('finds a top-level delegation transfer', () => {
    const sdk = buildSdkDelegation({ nodePublicKey, aggregate: false, network: 'mainnet' });
    const transfers = findDelegationTransfers(sdk.payload);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ embeddedIndex: undefined, networkIdentifier: 0x68 });
  });

  it('ignores transfers whose message has no marker', () => {
    const sdk = buildSdkDelegation({ nodePublicKey, message: new TextEncoder().encode('hi') });
    expect(findDelegationTransfers(sdk.payload)).toEqual([]);
  });

  it('reports a marker message of the wrong size as found (the caller rejects it)', () => {
    const sdk = buildSdkDelegation({
      nodePublicKey,
      message: Uint8Array.of(0xfe, 0x2a, 0x80, 0x61, 0x57, 0x73, 0x01, 0xe2, 1),
    });
    expect(findDelegationTransfers(sdk.payload)[0]?.message).toHaveLength(9);
  });

  it.each([
    ['empty', () => new Uint8Array(0), /shorter than a transaction header/],
    ['truncated by one byte', (p: Uint8Array) => p.subarray(0, p.length - 1), /size field says/],
    ['one byte too many', (p: Uint8Array) => concatBytes(p, Uint8Array.of(0)), /size field says/],
    [
      'a payload size beyond the end',
      (p: Uint8Array) => {
        const copy = p.slice();
        new DataView(copy.buffer).setUint32(128 + 32, 100000, true);
        return copy;
      },
      /more than there are/,
    ],
    [
      'an embedded size of zero',
      (p: Uint8Array) => {
        const copy = p.slice();
        new DataView(copy.buffer).setUint32(168, 0, true);
        return copy;
      },
      /impossible size/,
    ],
  ])('refuses a payload that is %s with INVALID_PAYLOAD', (_label, damage, message) => {
    const sdk = buildSdkDelegation({ nodePublicKey });
    expect(() => findDelegationTransfers(damage(sdk.payload))).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringMatching(message) }) as Error,
    );
  });

  it('never crashes on random garbage: every outcome is a list or INVALID_PAYLOAD', () => {
    const sdk = buildSdkDelegation({ nodePublicKey });
    for (let i = 0; i < 2000; i++) {
      const garbage = sdk.payload.slice();
      for (let flips = 0; flips < 1 + (i % 5); flips++) {
        garbage[randomBytes(2).readUInt16LE() % garbage.length] = randomBytes(1)[0]!;
      }
      try {
        expect(Array.isArray(findDelegationTransfers(garbage))).toBe(true);
      } catch (error) {
        expect((error as { code?: string }).code).toBe('INVALID_PAYLOAD');
      }
    }
  });
});

describe('parseSignedPayloadFile', () => {
  const sdk = buildSdkDelegation({ nodePublicKey });
  const hex = toHex(sdk.payload);

  it.each([
    ['bare hex', `${hex}\n`],
    ['lower-case hex', hex.toLowerCase()],
    ['the announce body', sdk.announceBody],
    ['a harvest result', JSON.stringify({ transactions: [{ kind: 'aggregate', payload: hex }] })],
  ])('reads %s', (_label, text) => {
    expect(parseSignedPayloadFile(text).map(toHex)).toEqual([hex]);
  });

  it.each([
    ['', /empty/],
    ['{not json', /not valid JSON/],
    ['{"foo": 1}', /no "payload"/],
    ['XYZ', /not hexadecimal/],
    ['{"payload": "ABC"}', /odd number/],
  ])('refuses %j with INVALID_PAYLOAD', (text, message) => {
    expect(() => parseSignedPayloadFile(text)).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringMatching(message) }) as Error,
    );
  });
});
