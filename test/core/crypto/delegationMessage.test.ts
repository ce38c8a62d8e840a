import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { concatBytes, parseHex, toHex } from '../../../src/core/bytes.js';
import {
  DELEGATION_MARKER,
  encodeDelegationMessage,
  extractDelegationRecord,
  openDelegationRecord,
} from '../../../src/core/crypto/delegationMessage.js';
import { encryptAesGcm } from '../../../src/core/crypto/aesGcm.js';
import { derivePublicKey } from '../../../src/core/keys.js';

const hex = (text: string) => parseHex(text, { name: 'test' });
const random = (length: number) => new Uint8Array(randomBytes(length));
const ORDER_8_POINT = 'C7176A703D4DD84FBA3C0B760D10670F2A2053FA2C39CCC64EC7FD7792AC037A';

/** A RandomBytes that hands out the given buffers in order. */
function scripted(...parts: Uint8Array[]) {
  return (length: number) => {
    const next = parts.shift();
    if (next?.length !== length) throw new Error(`unexpected random(${length})`);
    return next;
  };
}

function open(nodePrivateKey: Uint8Array, message: Uint8Array) {
  return openDelegationRecord(nodePrivateKey, extractDelegationRecord(message));
}

describe('encodeDelegationMessage', () => {
  it('reproduces the derived oracle of docs/protocol.md §4.5(a) byte for byte', () => {
    const nodePublicKey = derivePublicKey(hex('11'.repeat(32)));
    const message = encodeDelegationMessage(
      nodePublicKey,
      { remotePrivateKey: hex('33'.repeat(32)), vrfPrivateKey: hex('44'.repeat(32)) },
      scripted(hex('55'.repeat(32)), hex('000102030405060708090A0B')),
    );
    expect(toHex(message)).toBe(
      'FE2A8061577301E2C6822637C7D310EC57627BE00BA259D253749F4AAF644470CFFBE53A35F73242F664078C030FBDB6DA7FD481AA7D15' +
        '34000102030405060708090A0B986B9B0F044F7CCF82A136861B7A45191CB0645C4861BEFCDE2F3752E0D81FF0C903D6D1BB7BE2E963' +
        'C9CDC665C9B6930B599459D9167FDE5DE79AE775DFDC4B',
    );
  });

  it('writes messages that symbol-sdk opens with the node key: 200 random cases', () => {
    for (let i = 0; i < 200; i++) {
      const node = new KeyPair(PrivateKey.random());
      const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
      const message = encodeDelegationMessage(node.publicKey.bytes, keys, random);
      expect(message).toHaveLength(132);
      expect(message.subarray(0, 8)).toEqual(DELEGATION_MARKER);
      const decoded = new MessageEncoder(node).tryDecode(node.publicKey, message);
      expect(decoded.isDecoded, `case ${i}`).toBe(true);
      expect(toHex(decoded.message)).toBe(toHex(concatBytes(keys.remotePrivateKey, keys.vrfPrivateKey)));
    }
  });

  it.each([
    ['the identity point', '01' + '00'.repeat(31)],
    ['a point of order 2', 'EC' + 'FF'.repeat(30) + '7F'],
    ['a point of order 4', '00'.repeat(32)],
    ['a point of order 8', ORDER_8_POINT],
    ['a non-canonical encoding (y = p + 1)', 'EE' + 'FF'.repeat(30) + '7F'],
    ['an off-curve y', '02' + '00'.repeat(31)],
    [
      'a valid key plus an order-8 torsion component',
      toHex(
        ed25519.Point.fromBytes(derivePublicKey(hex('11'.repeat(32))))
          .add(ed25519.Point.fromBytes(hex(ORDER_8_POINT)))
          .toBytes(),
      ),
    ],
  ])('refuses %s as the node key with INVALID_KEY', (_label, nodeKeyHex) => {
    const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
    expect(() => encodeDelegationMessage(hex(nodeKeyHex), keys, random)).toThrow(
      expect.objectContaining({ code: 'INVALID_KEY' }) as Error,
    );
  });

  it('refuses private keys of the wrong size', () => {
    const nodePublicKey = derivePublicKey(random(32));
    expect(() =>
      encodeDelegationMessage(
        nodePublicKey,
        { remotePrivateKey: random(31), vrfPrivateKey: random(32) },
        random,
      ),
    ).toThrow(/remote private key must be 32 bytes/);
  });
});

describe('openDelegationRecord', () => {
  it('opens messages written by symbol-sdk: 200 random cases', () => {
    for (let i = 0; i < 200; i++) {
      const nodePrivateKey = random(32);
      const node = new KeyPair(new PrivateKey(nodePrivateKey));
      const main = new KeyPair(PrivateKey.random());
      const remote = new KeyPair(PrivateKey.random());
      const vrf = new KeyPair(PrivateKey.random());
      const message = new MessageEncoder(main).encodePersistentHarvestingDelegation(
        node.publicKey,
        remote,
        vrf,
      );
      const opened = open(nodePrivateKey, message);
      expect(opened.ok, `case ${i}`).toBe(true);
      if (!opened.ok) continue;
      expect(toHex(opened.keys.remotePrivateKey)).toBe(remote.privateKey.toString());
      expect(toHex(opened.keys.vrfPrivateKey)).toBe(vrf.privateKey.toString());
      expect(toHex(opened.requestId)).toBe(toHex(message.subarray(8, 40)));
      expect(opened.zeroKeyFallback).toBe(false);
    }
  });

  it('reports a message sealed for another node as AUTHENTICATION_FAILED, not an exception', () => {
    const message = encodeDelegationMessage(
      derivePublicKey(random(32)),
      { remotePrivateKey: random(32), vrfPrivateKey: random(32) },
      random,
    );
    expect(open(random(32), message)).toMatchObject({ ok: false, failure: 'AUTHENTICATION_FAILED' });
  });

  it.each([
    ['ephemeral key', 8],
    ['tag', 40],
    ['IV', 56],
    ['ciphertext start', 68],
    ['ciphertext end', 131],
  ])('detects one flipped bit in the %s', (_label, offset) => {
    const nodePrivateKey = random(32);
    const message = encodeDelegationMessage(
      derivePublicKey(nodePrivateKey),
      { remotePrivateKey: random(32), vrfPrivateKey: random(32) },
      random,
    );
    expect(open(nodePrivateKey, message).ok).toBe(true);
    message[offset]! ^= 0x01;
    const opened = open(nodePrivateKey, message);
    expect(opened.ok).toBe(false);
    // symbol-sdk agrees that the tampered message does not open
    expect(
      new MessageEncoder(new KeyPair(new PrivateKey(nodePrivateKey))).tryDecode(
        new PublicKey(new Uint8Array(32)),
        message,
      ).isDecoded,
    ).toBe(false);
  });

  it.each([
    ['a wrong marker', () => concatBytes(hex('FE2A8061577301E3'), random(124)), /delegation marker/],
    ['a short message', () => concatBytes(DELEGATION_MARKER, random(123)), /must be 132 bytes, got 131/],
    ['a long message', () => concatBytes(DELEGATION_MARKER, random(125)), /must be 132 bytes, got 133/],
    ['a plain text message', () => new TextEncoder().encode('hello'), /delegation marker/],
    ['nothing', () => new Uint8Array(0), /delegation marker/],
  ])('refuses %s with INVALID_MESSAGE', (_label, make, message) => {
    expect(() => extractDelegationRecord(make())).toThrow(
      expect.objectContaining({ code: 'INVALID_MESSAGE', message: expect.stringMatching(message) }) as Error,
    );
  });

  it('behaves like the node for an invalid ephemeral key: the all-zero AES key is tried', () => {
    const nodePrivateKey = random(32);
    const keys = concatBytes(random(32), random(32));
    const smallOrderKey = hex(ORDER_8_POINT);
    // sealed under the zero key, as the node would open it
    const underZeroKey = concatBytes(smallOrderKey, encryptAesGcm(new Uint8Array(32), random(12), keys));
    const opened = openDelegationRecord(nodePrivateKey, underZeroKey);
    expect(opened).toMatchObject({ ok: true, zeroKeyFallback: true });
    // anything else with that key fails, and says why
    const other = concatBytes(smallOrderKey, encryptAesGcm(random(32), random(12), keys));
    expect(openDelegationRecord(nodePrivateKey, other)).toMatchObject({
      ok: false,
      failure: 'INVALID_EPHEMERAL_KEY',
    });
  });

  it('refuses a record that is not 124 bytes', () => {
    expect(() => openDelegationRecord(random(32), random(100))).toThrow(/must be 124 bytes, got 100/);
  });
});
