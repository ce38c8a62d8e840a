/**
 * The devnet opens delegation requests with its own means (symbol-sdk's MessageEncoder plus the node's ephemeral-key
 * rule, packages/devnet/src/delegationRequest.ts) and the product with its own (src/core/crypto): both must read
 * every record the same way, the node's way, or one of them is wrong (docs/devnet.md). The product is used here, in
 * the test, never in the package.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  DelegationRequestOpener,
  DELEGATION_MARKER,
  type OpenedDelegationRequest,
} from '@symbol-harvest/devnet';
import { PrivateKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encryptAesGcm } from '../../src/core/crypto/aesGcm.js';
import {
  encodeDelegationMessage,
  openDelegationRecord,
  type OpenedDelegation,
} from '../../src/core/crypto/delegationMessage.js';
import { openDelegationRecordPlain } from '../../src/core/crypto/openDelegationRecordPlain.js';
import { hkdfCatapult } from '../../src/core/crypto/sharedKey.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { seededBytes, TORSION } from '../helpers/hostileKeys.js';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

/** One outcome in a shape both sides map to. */
interface Outcome {
  ok: boolean;
  requestId: string;
  keys?: string;
  zeroKeyFallback?: boolean;
  failure?: string;
}

function ofDevnet(opened: OpenedDelegationRequest): Outcome {
  return opened.ok
    ? {
        ok: true,
        requestId: toHex(opened.requestId),
        keys: toHex(concatBytes(opened.remotePrivateKey, opened.vrfPrivateKey)),
        zeroKeyFallback: opened.zeroKeyFallback,
      }
    : { ok: false, requestId: toHex(opened.requestId), failure: opened.failure };
}

function ofProduct(opened: OpenedDelegation): Outcome {
  return opened.ok
    ? {
        ok: true,
        requestId: toHex(opened.requestId),
        keys: toHex(concatBytes(opened.keys.remotePrivateKey, opened.keys.vrfPrivateKey)),
        zeroKeyFallback: opened.zeroKeyFallback,
      }
    : { ok: false, requestId: toHex(opened.requestId), failure: opened.failure };
}

/** Opens `record` on both sides (the product's fast and plain paths), expects one answer and returns it. */
function openBoth(nodePrivateKey: Uint8Array, record: Uint8Array, label: string): Outcome {
  const devnet = ofDevnet(new DelegationRequestOpener(nodePrivateKey).open(record));
  expect(devnet, `${label}: product (native path)`).toEqual(
    ofProduct(openDelegationRecord(nodePrivateKey, record)),
  );
  expect(devnet, `${label}: product (plain path)`).toEqual(
    ofProduct(openDelegationRecordPlain(nodePrivateKey, record)),
  );
  return devnet;
}

/** A record: ephemeral key | AES-GCM(key, iv, plaintext) in Symbol's layout. */
const recordFor = (ephemeralPublicKey: Uint8Array, key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array) =>
  concatBytes(ephemeralPublicKey, encryptAesGcm(key, iv, plaintext));

describe('the devnet opens delegation requests as the product does', () => {
  const random = seededBytes('request-opening');
  const nodes = Array.from({ length: 3 }, () => random(32));

  it('agrees on 50 random requests, on the same requests tampered with, and on requests for another node', () => {
    for (let i = 0; i < 50; i++) {
      const node = nodes[i % nodes.length]!;
      const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
      const record = encodeDelegationMessage(derivePublicKey(node), keys, random).subarray(8);

      const opened = openBoth(node, record, `request ${i}`);
      expect(opened.ok && !opened.zeroKeyFallback).toBe(true);
      expect(opened.keys).toBe(toHex(concatBytes(keys.remotePrivateKey, keys.vrfPrivateKey)));

      // One flipped bit in the tag, IV or ciphertext: the tag no longer authenticates.
      const [position = 0, bit = 0] = random(2);
      const tampered = record.slice();
      tampered[32 + (position % 92)]! ^= 1 << (bit % 8);
      expect(openBoth(node, tampered, `request ${i} tampered`).failure).toBe('AUTHENTICATION_FAILED');

      // One flipped bit in the ephemeral key: another point, or none; either way nothing opens.
      const otherKey = record.slice();
      otherKey[position % 32]! ^= 1 << (bit % 8);
      expect(openBoth(node, otherKey, `request ${i} ephemeral key changed`).ok).toBe(false);

      const otherNode = nodes[(i + 1) % nodes.length]!;
      expect(openBoth(otherNode, record, `request ${i} for another node`).failure).toBe(
        'AUTHENTICATION_FAILED',
      );
    }
  });

  it('opens what symbol-sdk seals (encodePersistentHarvestingDelegation)', () => {
    for (let i = 0; i < 10; i++) {
      const node = new KeyPair(new PrivateKey(random(32)));
      const remote = new KeyPair(new PrivateKey(random(32)));
      const vrf = new KeyPair(new PrivateKey(random(32)));
      const message = new MessageEncoder(remote).encodePersistentHarvestingDelegation(
        node.publicKey,
        remote,
        vrf,
      );
      const opened = openBoth(node.privateKey.bytes, message.subarray(8), `sdk request ${i}`);
      expect(opened.keys).toBe(toHex(concatBytes(remote.privateKey.bytes, vrf.privateKey.bytes)));
    }
  });

  it('agrees on ephemeral keys that are not prime-order points: the all-zero key opens, nothing else does', () => {
    const primeOrder = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
    const refused: [string, Uint8Array][] = [
      ...TORSION.map((point, i): [string, Uint8Array] => [`small order #${i}`, point.toBytes()]),
      ...TORSION.slice(1).map((point, i): [string, Uint8Array] => [
        `prime order + torsion #${i + 1}`,
        primeOrder.add(point).toBytes(),
      ]),
      [
        'neutral element, sign bit set',
        hex('0100000000000000000000000000000000000000000000000000000000000080'),
      ],
      ['order 4, sign bit set', hex('0000000000000000000000000000000000000000000000000000000000000080')],
      ['order 2, sign bit set', hex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')],
      ['y = p (non-canonical)', hex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')],
      [
        'y = p + 1 (non-canonical 1)',
        hex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'),
      ],
      ['all ones', hex('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')],
    ];
    // Random 32-byte strings that are not on the curve.
    while (refused.length < 30) {
      const candidate = random(32);
      try {
        ed25519.Point.fromBytes(candidate);
      } catch {
        refused.push([`off the curve ${toHex(candidate)}`, candidate]);
      }
    }
    for (const [label, ephemeral] of refused) {
      const node = nodes[0]!;
      const plaintext = random(64);
      const zeroKeyRecord = recordFor(ephemeral, new Uint8Array(32), random(12), plaintext);
      const opened = openBoth(node, zeroKeyRecord, `${label}, sealed with the zero key`);
      expect(opened, label).toMatchObject({ ok: true, zeroKeyFallback: true, keys: toHex(plaintext) });

      const otherKeyRecord = recordFor(ephemeral, random(32), random(12), random(64));
      expect(openBoth(node, otherKeyRecord, `${label}, sealed with another key`).failure).toBe(
        'INVALID_EPHEMERAL_KEY',
      );
    }
  });

  it('refuses the neutral element although symbol-sdk alone would agree a key with it', () => {
    const node = nodes[1]!;
    // s·O = O for every s: the key symbol-sdk derives is HKDF of the encoded neutral element, known to anyone.
    const neutral = TORSION[0]!.toBytes();
    const guessableKey = hkdfCatapult(neutral);
    for (const encoding of [
      neutral,
      hex('0100000000000000000000000000000000000000000000000000000000000080'),
    ]) {
      const record = recordFor(encoding, guessableKey, random(12), random(64));
      const sdk = new MessageEncoder(new KeyPair(new PrivateKey(node))).tryDecode(
        new KeyPair(new PrivateKey(node)).publicKey,
        concatBytes(DELEGATION_MARKER, record),
      );
      expect(sdk.isDecoded, 'symbol-sdk alone').toBe(true);
      expect(openBoth(node, record, `neutral ${toHex(encoding)}`).failure).toBe('INVALID_EPHEMERAL_KEY');
    }
  });
});
