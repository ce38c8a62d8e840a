// The fast decrypt path (native square root, native public keys, worker threads) against the plain noble path on
// thousands of valid, foreign, tampered, sign-flipped, torsioned, small-order and random inputs: no difference.
import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../../src/core/bytes.js';
import { encryptAesGcm } from '../../../src/core/crypto/aesGcm.js';
import { createDelegationSealer } from '../../../src/core/crypto/createDelegationSealer.js';
import { decodeEdwardsPoint } from '../../../src/core/crypto/decodeEdwardsPoint.js';
import { derivePublicKeyNatively } from '../../../src/core/crypto/derivePublicKeyNatively.js';
import { FIELD_PRIME, packEdwards } from '../../../src/core/crypto/montgomery.js';
import { openDelegationRecordPlain } from '../../../src/core/crypto/openDelegationRecordPlain.js';
import { deriveSharedKey } from '../../../src/core/crypto/sharedKey.js';
import { openRecordsBatch, type OpenedRecord } from '../../../src/flows/decrypt/openRecordsBatch.js';
import type { openRecordsAsFound } from '../../../src/flows/decrypt/openRecordsAsFound.js';
import type { openRecordsInParallel } from '../../../src/flows/decrypt/openRecordsInParallel.js';
import { seededBytes, TORSION } from '../../helpers/hostileKeys.js';

/** The compiled modules (npm test builds dist/ first): only compiled code can start the worker threads. */
const compiled = {
  ...((await import(
    new URL('../../../dist/flows/decrypt/openRecordsInParallel.js', import.meta.url).href
  )) as {
    openRecordsInParallel: typeof openRecordsInParallel;
  }),
  ...((await import(new URL('../../../dist/flows/decrypt/openRecordsAsFound.js', import.meta.url).href)) as {
    openRecordsAsFound: typeof openRecordsAsFound;
  }),
};

/** What the plain path says: noble's key agreement and noble's public keys. */
function plainView(nodePrivateKey: Uint8Array, record: Uint8Array) {
  const opened = openDelegationRecordPlain(nodePrivateKey, record);
  return opened.ok
    ? {
        ...opened,
        remotePublicKey: ed25519.getPublicKey(opened.keys.remotePrivateKey),
        vrfPublicKey: ed25519.getPublicKey(opened.keys.vrfPrivateKey),
      }
    : opened;
}

function fastView({ opened, remotePublicKey, vrfPublicKey }: OpenedRecord) {
  return opened.ok ? { ...opened, remotePublicKey, vrfPublicKey } : opened;
}

/** Comparable text: bytes as hex, Buffers included (JSON.stringify hands the replacer their toJSON form). */
const json = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return toHex(item);
    const buffer = item as { type?: unknown; data?: unknown } | null;
    if (buffer?.type === 'Buffer' && Array.isArray(buffer.data))
      return toHex(Uint8Array.from(buffer.data as number[]));
    return item;
  });

/** About 2,500 records of every kind for one node key, with the kind of each. */
function hostileRecords(nodePrivateKey: Uint8Array) {
  const random = seededBytes('equivalence');
  const sealer = createDelegationSealer(ed25519.getPublicKey(nodePrivateKey));
  const foreignSealer = createDelegationSealer(ed25519.getPublicKey(random(32)));
  const records: { kind: string; record: Uint8Array }[] = [];
  const add = (kind: string, record: Uint8Array) => records.push({ kind, record });
  for (let i = 0; i < 500; i++) {
    const record = sealer.seal(random(64), random);
    add('valid', record);
    const flipped = record.slice();
    flipped[31]! ^= 0x80; // -A: the node derives -S and fails; the tag alone would accept the other sign
    add('sign-flipped', flipped);
    const tampered = record.slice();
    tampered[32 + (i % 92)]! ^= 1 << (i % 8);
    add('tampered', tampered);
    add('foreign', foreignSealer.seal(random(64), random));
  }
  for (let i = 0; i < 300; i++) {
    const point = ed25519.Point.fromBytes(ed25519.getPublicKey(random(32)));
    const torsioned = point.add(TORSION[1 + (i % 7)]!).toBytes();
    // sealed as an old node would open it (the torsion ignored), and under the node's all-zero fallback key
    const key = deriveSharedKey(nodePrivateKey, point.toBytes());
    add('torsioned', concatBytes(torsioned, encryptAesGcm(key, random(12), random(64))));
    add(
      'torsioned, zero key',
      concatBytes(torsioned, encryptAesGcm(new Uint8Array(32), random(12), random(64))),
    );
  }
  for (let i = 0; i < 200; i++) {
    const ephemeral = random(32);
    add('random key', concatBytes(ephemeral, random(92)));
    add(
      'random key, zero key',
      concatBytes(ephemeral, encryptAesGcm(new Uint8Array(32), random(12), random(64))),
    );
  }
  const special = [
    ...TORSION.map((point) => point.toBytes()),
    packEdwards(1n, 1n), // identity with the sign bit ("-0")
    packEdwards(FIELD_PRIME - 1n, 1n),
    ...Array.from({ length: 19 }, (_, excess) =>
      packEdwards(FIELD_PRIME + BigInt(excess), BigInt(excess & 1)),
    ),
  ];
  for (const ephemeral of special) {
    add(
      'special key, zero key',
      concatBytes(ephemeral, encryptAesGcm(new Uint8Array(32), random(12), random(64))),
    );
  }
  return records;
}

describe('decodeEdwardsPoint (native square root) against noble Point.fromBytes', () => {
  it('accepts and refuses the same 10,000 random and edge-case encodings, with the same coordinates', () => {
    const random = seededBytes('decode');
    const inputs: Uint8Array[] = Array.from({ length: 10_000 }, () => random(32));
    for (const point of TORSION) {
      const bytes = point.toBytes();
      inputs.push(
        bytes,
        Uint8Array.from(bytes, (byte, index) => (index === 31 ? byte ^ 0x80 : byte)),
      );
    }
    for (let excess = 0n; excess < 19n; excess++) inputs.push(packEdwards(FIELD_PRIME + excess, 0n));
    for (let y = 0n; y < 64n; y++) inputs.push(packEdwards(y, 0n), packEdwards(y, 1n));
    let accepted = 0;
    for (const bytes of inputs) {
      let expected: { x: bigint; y: bigint } | undefined;
      try {
        expected = ed25519.Point.fromBytes(bytes).toAffine();
      } catch {
        expected = undefined;
      }
      const actual = decodeEdwardsPoint(bytes);
      expect(actual && { x: actual.x, y: actual.y }, toHex(bytes)).toEqual(expected);
      if (expected !== undefined) accepted += 1;
    }
    // about half of all y are on the curve
    expect(accepted).toBeGreaterThan(4_500);
    expect(accepted).toBeLessThan(5_500);
  }, 120_000);
});

describe('derivePublicKeyNatively against noble getPublicKey', () => {
  it('gives the same public keys for 2,000 seeds', () => {
    const random = seededBytes('public-keys');
    for (let i = 0; i < 2_000; i++) {
      const seed = random(32);
      expect(toHex(derivePublicKeyNatively(seed))).toBe(toHex(ed25519.getPublicKey(seed)));
    }
    expect(() => derivePublicKeyNatively(new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'INVALID_KEY' }) as Error,
    );
  }, 120_000);
});

describe('the fast decrypt path against the plain path', () => {
  const nodePrivateKey = seededBytes('equivalence-node')(32);
  const cases = hostileRecords(nodePrivateKey);
  const records = cases.map(({ record }) => record);
  let expected: string[] = [];
  beforeAll(() => {
    expected = records.map((record) => json(plainView(nodePrivateKey, record)));
  }, 300_000);

  it('finds no difference in one thread (batched inversions, native root and public keys)', () => {
    const kinds = new Map<string, Set<string>>();
    const opened = openRecordsBatch(nodePrivateKey, records);
    expect(opened).toHaveLength(records.length);
    opened.forEach((result, index) => {
      expect(json(fastView(result)), `${cases[index]!.kind} record ${index}`).toBe(expected[index]);
      const outcome = result.opened.ok ? `ok/${result.opened.zeroKeyFallback}` : result.opened.failure;
      kinds.set(cases[index]!.kind, (kinds.get(cases[index]!.kind) ?? new Set()).add(outcome));
    });
    // each kind ends as the node would have it
    expect(Object.fromEntries([...kinds].map(([kind, outcomes]) => [kind, [...outcomes].sort()]))).toEqual({
      valid: ['ok/false'],
      'sign-flipped': ['AUTHENTICATION_FAILED'],
      tampered: ['AUTHENTICATION_FAILED'],
      foreign: ['AUTHENTICATION_FAILED'],
      torsioned: ['INVALID_EPHEMERAL_KEY'],
      'torsioned, zero key': ['ok/true'],
      'random key': ['AUTHENTICATION_FAILED', 'INVALID_EPHEMERAL_KEY'],
      'random key, zero key': ['AUTHENTICATION_FAILED', 'ok/true'],
      'special key, zero key': ['ok/true'],
    });
  }, 300_000);

  it('finds no difference on worker threads, results in input order', async () => {
    const results = await compiled.openRecordsInParallel(nodePrivateKey, records, {
      threads: 3,
      threshold: 1,
    });
    expect(results).toHaveLength(records.length);
    results.forEach((result, index) => {
      expect(json(fastView(result)), `${cases[index]!.kind} record ${index}`).toBe(expected[index]);
    });
  }, 300_000);

  it('finds no difference when the records are added a few at a time while workers already open (requests)', async () => {
    const opening = compiled.openRecordsAsFound(nodePrivateKey, { threads: 2, threshold: 300 });
    // uneven pieces, as the pages of a search give them: some below a worker batch, some above
    for (let start = 0, size = 1; start < records.length; start += size, size = (size * 7) % 401) {
      opening.add(records.slice(start, start + size));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await opening.results();
    expect(results).toHaveLength(records.length);
    results.forEach((result, index) => {
      expect(json(fastView(result)), `${cases[index]!.kind} record ${index}`).toBe(expected[index]);
    });
  }, 300_000);

  it('refuses a record of the wrong size when added, and a cancelled opening leaves no worker behind', async () => {
    const opening = compiled.openRecordsAsFound(nodePrivateKey, { threads: 2, threshold: 10 });
    opening.add(records.slice(0, 600));
    expect(() => opening.add([new Uint8Array(123)])).toThrow(
      expect.objectContaining({ code: 'INVALID_MESSAGE' }) as Error,
    );
    // resolves once every worker has wiped its keys and ended (the test times out otherwise)
    await opening.cancel();
    const none = compiled.openRecordsAsFound(nodePrivateKey, { threads: 2 });
    expect(await none.results()).toEqual([]);
  });

  it('leaves Buffer inputs untouched (Buffer.slice is a view): the same results twice, the same bytes after', () => {
    const content = Buffer.concat(records.slice(0, 200));
    const before = toHex(content);
    const views = Array.from({ length: 200 }, (_, index) => content.subarray(index * 124, (index + 1) * 124));
    const first = openRecordsBatch(Buffer.from(nodePrivateKey), views).map((result) =>
      json(fastView(result)),
    );
    const second = openRecordsBatch(Buffer.from(nodePrivateKey), views).map((result) =>
      json(fastView(result)),
    );
    expect(toHex(content)).toBe(before);
    expect(first).toEqual(expected.slice(0, 200));
    expect(second).toEqual(first);
  });

  it('stays in this thread below the threshold and for records of the wrong size', async () => {
    const small = await compiled.openRecordsInParallel(nodePrivateKey, records.slice(0, 10), { threads: 2 });
    expect(small.map((result) => json(fastView(result)))).toEqual(expected.slice(0, 10));
    await expect(
      compiled.openRecordsInParallel(nodePrivateKey, [...records.slice(0, 3), new Uint8Array(123)], {
        threads: 2,
        threshold: 1,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_MESSAGE' });
  });
});
