import { ed25519 } from '@noble/curves/ed25519.js';
import { PrivateKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { concatBytes, parseHex, toHex } from '../../../src/core/bytes.js';
import { decryptAesGcm, encryptAesGcm } from '../../../src/core/crypto/aesGcm.js';
import { createDelegationSealer } from '../../../src/core/crypto/createDelegationSealer.js';
import { openDelegationRecord } from '../../../src/core/crypto/delegationMessage.js';
import { packEdwards, FIELD_PRIME } from '../../../src/core/crypto/montgomery.js';
import { openDelegationRecordPlain } from '../../../src/core/crypto/openDelegationRecordPlain.js';
import {
  createDelegationOpener,
  openDelegationRecords,
} from '../../../src/core/crypto/openDelegationRecords.js';
import { deriveSharedKey } from '../../../src/core/crypto/sharedKey.js';
import { readVectors } from '../../helpers/vectors.js';
import { seededBytes, TORSION } from '../../helpers/hostileKeys.js';

interface DeriveVector {
  privateKey: string;
  otherPublicKey: string;
  sharedKey: string;
}
interface CipherVector extends DeriveVector {
  tag: string;
  iv: string;
  cipherText: string;
  clearText: string;
}

const hex = (text: string) => parseHex(text, { name: 'vector' });

/** A record: ephemeral key | AES-GCM(key, iv, plaintext) in Symbol's layout. */
function recordFor(ephemeralPublicKey: Uint8Array, key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array) {
  return concatBytes(ephemeralPublicKey, encryptAesGcm(key, iv, plaintext));
}

/** Results as comparable JSON (hex for bytes). */
const view = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v)));

describe('native shared keys (opener) against the official vectors', () => {
  it('derives all 1001 shared keys of 3.test-derive-hkdf.json', () => {
    const vectors = readVectors<DeriveVector>('symbol/3.test-derive-hkdf.json.gz');
    expect(vectors).toHaveLength(1001);
    vectors.forEach((vector, index) => {
      const [key] = createDelegationOpener(hex(vector.privateKey)).sharedKeys([hex(vector.otherPublicKey)]);
      expect(key && toHex(key), `vector ${index}`).toBe(vector.sharedKey);
    });
  });

  it('opens all 1000 ciphertexts of 4.test-cipher.json with the native key', () => {
    const vectors = readVectors<CipherVector>('symbol/4.test-cipher.json.gz');
    expect(vectors).toHaveLength(1000);
    vectors.forEach((vector, index) => {
      const [key] = createDelegationOpener(hex(vector.privateKey)).sharedKeys([hex(vector.otherPublicKey)]);
      const clear = decryptAesGcm(key!, hex(vector.tag + vector.iv + vector.cipherText));
      expect(clear && toHex(clear), `vector ${index}`).toBe(vector.clearText);
    });
  });

  it('derives the same keys in one batch as one by one (the derive vectors of one private key, batched)', () => {
    const vectors = readVectors<DeriveVector>('symbol/3.test-derive-hkdf.json.gz').slice(0, 64);
    const random = seededBytes('batch');
    const node = random(32);
    const publicKeys = vectors.map((vector) => hex(vector.otherPublicKey));
    const batch = createDelegationOpener(node).sharedKeys(publicKeys);
    publicKeys.forEach((publicKey, index) => {
      expect(toHex(batch[index]!)).toBe(toHex(deriveSharedKey(node, publicKey)));
    });
  });
});

describe('native sealer against the plain noble path', () => {
  it('gives byte-identical records for all 1001 derive vectors (vector key as the ephemeral key)', () => {
    const vectors = readVectors<DeriveVector>('symbol/3.test-derive-hkdf.json.gz');
    const random = seededBytes('seal-vectors');
    vectors.forEach((vector, index) => {
      const iv = random(12);
      const plaintext = random(64);
      const ephemeral = hex(vector.privateKey);
      const parts = [ephemeral.slice(), iv];
      const record = createDelegationSealer(hex(vector.otherPublicKey)).seal(plaintext, () => parts.shift()!);
      const expected = recordFor(ed25519.getPublicKey(ephemeral), hex(vector.sharedKey), iv, plaintext);
      expect(toHex(record), `vector ${index}`).toBe(toHex(expected));
    });
  });

  it('gives byte-identical records on 300 random node keys and ephemeral keys', () => {
    const random = seededBytes('seal-random');
    for (let i = 0; i < 300; i++) {
      const nodePublicKey = ed25519.getPublicKey(random(32));
      const ephemeral = random(32);
      const iv = random(12);
      const plaintext = random(64);
      const parts = [ephemeral.slice(), iv];
      const record = createDelegationSealer(nodePublicKey).seal(plaintext, () => parts.shift()!);
      const expected = recordFor(
        ed25519.getPublicKey(ephemeral),
        deriveSharedKey(ephemeral, nodePublicKey),
        iv,
        plaintext,
      );
      expect(toHex(record), `case ${i}`).toBe(toHex(expected));
    }
  });
});

describe('native opener against the plain path and symbol-sdk', () => {
  it('opens 300 symbol-sdk messages in one batch, with the keys symbol-sdk put in', () => {
    const random = seededBytes('sdk-messages');
    const node = new KeyPair(new PrivateKey(random(32)));
    const encoder = new MessageEncoder(node);
    const sent = Array.from({ length: 300 }, () => {
      const remote = new KeyPair(new PrivateKey(random(32)));
      const vrf = new KeyPair(new PrivateKey(random(32)));
      const message = encoder.encodePersistentHarvestingDelegation(node.publicKey, remote, vrf);
      return { message, remote: remote.privateKey.bytes, vrf: vrf.privateKey.bytes };
    });
    const opened = openDelegationRecords(
      node.privateKey.bytes,
      sent.map(({ message }) => message.subarray(8)),
    );
    expect(opened).toHaveLength(sent.length);
    opened.forEach((result, index) => {
      expect(result.ok, `message ${index}`).toBe(true);
      if (!result.ok) return;
      expect(result.zeroKeyFallback).toBe(false);
      expect(toHex(result.keys.remotePrivateKey)).toBe(toHex(sent[index]!.remote));
      expect(toHex(result.keys.vrfPrivateKey)).toBe(toHex(sent[index]!.vrf));
    });
  });

  it('writes records symbol-sdk opens: 200 random cases', () => {
    const random = seededBytes('sdk-open');
    for (let i = 0; i < 200; i++) {
      const node = new KeyPair(new PrivateKey(random(32)));
      const plaintext = random(64);
      const record = createDelegationSealer(node.publicKey.bytes).seal(plaintext, random);
      const message = concatBytes(hex('FE2A8061577301E2'), record);
      const decoded = new MessageEncoder(node).tryDecode(node.publicKey, message);
      expect(decoded.isDecoded, `case ${i}`).toBe(true);
      expect(toHex(decoded.message)).toBe(toHex(plaintext));
    }
  });

  /** Ephemeral keys of every kind the node treats specially, each sealed under the zero key and under garbage. */
  function hostileCases() {
    const random = seededBytes('hostile');
    const cases: { label: string; ephemeral: Uint8Array }[] = [];
    TORSION.forEach((torsion, i) => cases.push({ label: `small order ${i}`, ephemeral: torsion.toBytes() }));
    cases.push({ label: 'identity with sign bit', ephemeral: packEdwards(1n, 1n) });
    cases.push({ label: 'order 2 with sign bit', ephemeral: packEdwards(FIELD_PRIME - 1n, 1n) });
    for (let excess = 0n; excess < 19n; excess++) {
      cases.push({
        label: `non-canonical y = p + ${excess}`,
        ephemeral: packEdwards(FIELD_PRIME + excess, excess & 1n),
      });
    }
    for (let i = 0; i < 40; i++) cases.push({ label: `random y ${i}`, ephemeral: random(32) });
    for (let i = 0; i < 20; i++) {
      const point = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
      TORSION.slice(1).forEach((torsion, t) =>
        cases.push({ label: `key ${i} + torsion ${t + 1}`, ephemeral: point.add(torsion).toBytes() }),
      );
    }
    return cases;
  }

  it('matches the plain path on hostile ephemeral keys: zero-key fallback opens, garbage fails', () => {
    const random = seededBytes('hostile-records');
    const node = random(32);
    const records: Uint8Array[] = [];
    for (const { ephemeral } of hostileCases()) {
      records.push(recordFor(ephemeral, new Uint8Array(32), random(12), random(64)));
      records.push(concatBytes(ephemeral, random(92)));
    }
    const batch = openDelegationRecords(node, records);
    const opener = createDelegationOpener(node);
    const kinds = new Set<string>();
    records.forEach((record, index) => {
      const plain = openDelegationRecordPlain(node, record);
      expect(view(batch[index]), `record ${index}`).toEqual(view(plain));
      expect(view(opener.open(record)), `record ${index} alone`).toEqual(view(plain));
      expect(view(openDelegationRecord(node, record))).toEqual(view(plain));
      kinds.add(plain.ok ? `ok/${plain.zeroKeyFallback}` : plain.failure);
    });
    // random y includes some valid keys, so AUTHENTICATION_FAILED shows up too
    expect(kinds).toEqual(new Set(['AUTHENTICATION_FAILED', 'INVALID_EPHEMERAL_KEY', 'ok/true']));
  });

  it('matches the plain path on valid, tampered and sign-flipped records (the tag alone does not decide)', () => {
    const random = seededBytes('tampered');
    const nodePrivateKey = random(32);
    const sealer = createDelegationSealer(ed25519.getPublicKey(nodePrivateKey));
    const records: Uint8Array[] = [];
    for (let i = 0; i < 100; i++) {
      const record = sealer.seal(random(64), random);
      records.push(record);
      const flipped = record.slice();
      flipped[31]! ^= 0x80; // -A: the node derives -S, whose key has the other sign bit
      records.push(flipped);
      const tampered = record.slice();
      tampered[40 + (i % 84)]! ^= 1 << (i % 8);
      records.push(tampered);
    }
    const batch = openDelegationRecords(nodePrivateKey, records);
    records.forEach((record, index) => {
      const plain = openDelegationRecordPlain(nodePrivateKey, record);
      expect(view(batch[index]), `record ${index}`).toEqual(view(plain));
      expect(plain.ok).toBe(index % 3 === 0);
    });
  });

  it('refuses records that are not 124 bytes with INVALID_MESSAGE, like the plain path', () => {
    const opener = createDelegationOpener(new Uint8Array(32).fill(1));
    expect(() => opener.openMany([new Uint8Array(123)])).toThrow(
      expect.objectContaining({
        code: 'INVALID_MESSAGE',
        message: 'delegation record must be 124 bytes, got 123',
      }) as Error,
    );
  });
});
