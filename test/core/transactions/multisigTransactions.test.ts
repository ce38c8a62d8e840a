import { Hash256, PrivateKey, PublicKey, Signature } from 'symbol-sdk';
import {
  KeyPair,
  Network,
  SymbolFacade,
  SymbolTransactionFactory,
  Verifier,
  models,
} from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { TESTNET } from '../../../src/core/network.js';
import { buildAggregate } from '../../../src/core/transactions/buildAggregate.js';
import { buildHashLock } from '../../../src/core/transactions/buildHashLock.js';
import { cosignAggregateHash } from '../../../src/core/transactions/cosignAggregateHash.js';
import { describeTransaction } from '../../../src/core/transactions/describeTransaction.js';
import { hashTransaction } from '../../../src/core/transactions/hashTransaction.js';
import { signTransaction } from '../../../src/core/transactions/signTransaction.js';
import type { InnerTransaction } from '../../../src/core/transactions/transactionTypes.js';
import { verifyCosignature } from '../../../src/core/transactions/verifyCosignature.js';
import { readVectorBytes } from '../../helpers/vectors.js';

const seed = TESTNET.generationHashSeed;
const facade = new SymbolFacade(new Network('testnet', 0x98, new Date(0), new Hash256(seed)));
const COSIGNER_PRIVATE = parseHex('EDB671EB741BD676969D8A035271D1EE5E75DF33278083D877F23615EB839FEC', {
  name: 'k',
});
const SECOND_PRIVATE = parseHex('1111111111111111111111111111111111111111111111111111111111111111', {
  name: 'k',
});
const MULTISIG_PUBLIC = derivePublicKey(parseHex('22'.repeat(32), { name: 'k' }));
const REMOTE = parseHex('17CB79FB2B4120F2B1EC65E4198D6E08B28E813FEB01E4A400839B85E18080CE', { name: 'k' });
const NODE = parseHex('D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737', { name: 'k' });
const CURRENCY = 0x72c0212e67a08bcen;

const inner: InnerTransaction[] = [
  { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: REMOTE },
  { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: NODE },
];

function bondedAggregate() {
  return buildAggregate({
    networkIdentifier: 0x98,
    signerPublicKey: derivePublicKey(COSIGNER_PRIVATE),
    embeddedSignerPublicKey: MULTISIG_PUBLIC,
    deadline: 41998024783n,
    fee: { multiplier: 100n },
    transactions: inner,
    version: 3,
    bonded: true,
  });
}

describe('hash lock (type 0x4148 v1)', () => {
  it('reproduces the official vector HashLockTransactionV1_hash_lock_single_1 byte for byte', () => {
    const text = readVectorBytes('symbol/transactions.json.gz')
      .toString('utf8')
      .replace(/:\s*(\d{16,})/g, ': "$1"');
    const vector = (JSON.parse(text) as { test_name: string; payload: string; descriptor: any }[]).find(
      (entry) => entry.test_name === 'HashLockTransactionV1_hash_lock_single_1',
    )!;
    const d = vector.descriptor;
    const payload = buildHashLock({
      networkIdentifier: parseHex(vector.payload, { name: 'p' })[109]!,
      signerPublicKey: parseHex(d.signer_public_key, { name: 'k' }),
      deadline: BigInt(d.deadline),
      fee: { amount: BigInt(d.fee) },
      mosaicId: BigInt(d.mosaic.mosaic_id),
      amount: BigInt(d.mosaic.amount),
      durationBlocks: BigInt(d.duration),
      aggregateHash: parseHex(d.hash, { name: 'h' }),
    }).payload;
    payload.set(parseHex(d.signature, { name: 's' }), 8);
    expect(toHex(payload)).toBe(vector.payload);
  });

  it('is read back and verified by symbol-sdk: mosaic, duration, hash, signature, transaction hash', () => {
    const aggregateHash = parseHex('AB'.repeat(32), { name: 'h' });
    const unsigned = buildHashLock({
      networkIdentifier: 0x98,
      signerPublicKey: derivePublicKey(COSIGNER_PRIVATE),
      deadline: 41998024783n,
      fee: { multiplier: 100n },
      mosaicId: CURRENCY,
      amount: 10_000_000n,
      durationBlocks: 5760n,
      aggregateHash,
    });
    expect(unsigned.payload.length).toBe(184);
    expect(unsigned.fee).toBe(18400n);
    const signed = signTransaction(unsigned.payload, COSIGNER_PRIVATE, seed);
    const decoded = SymbolTransactionFactory.deserialize(signed.payload) as any;
    expect(decoded.type.value).toBe(0x4148);
    expect(decoded.mosaic.mosaicId.value).toBe(CURRENCY);
    expect(decoded.mosaic.amount.value).toBe(10_000_000n);
    expect(decoded.duration.value).toBe(5760n);
    expect(toHex(decoded.hash.bytes)).toBe(toHex(aggregateHash));
    expect(facade.verifyTransaction(decoded, new Signature(signed.signature))).toBe(true);
    expect(facade.hashTransaction(decoded).toString()).toBe(toHex(signed.hash));
  });

  it('refuses a hash that is not 32 bytes and a zero duration', () => {
    const base = {
      networkIdentifier: 0x98,
      signerPublicKey: derivePublicKey(COSIGNER_PRIVATE),
      deadline: 1n,
      fee: { multiplier: 100n },
      mosaicId: CURRENCY,
      amount: 10_000_000n,
    };
    expect(() => buildHashLock({ ...base, durationBlocks: 10n, aggregateHash: new Uint8Array(31) })).toThrow(
      /32-byte/,
    );
    expect(() => buildHashLock({ ...base, durationBlocks: 0n, aggregateHash: new Uint8Array(32) })).toThrow(
      /at least one block/,
    );
  });
});

describe('bonded aggregate (type 0x4241 v3) signed by a cosignatory for a multisig account', () => {
  it('symbol-sdk reads it, verifies the signature and agrees on the hash and the transactions hash', () => {
    const unsigned = bondedAggregate();
    const signed = signTransaction(unsigned.payload, COSIGNER_PRIVATE, seed);
    const decoded = SymbolTransactionFactory.deserialize(signed.payload) as any;
    expect(decoded.type.value).toBe(0x4241);
    expect(decoded.version).toBe(3);
    expect(toHex(decoded.signerPublicKey.bytes)).toBe(toHex(derivePublicKey(COSIGNER_PRIVATE)));
    expect(decoded.transactions).toHaveLength(inner.length);
    for (const embedded of decoded.transactions) {
      expect(toHex(embedded.signerPublicKey.bytes)).toBe(toHex(MULTISIG_PUBLIC));
    }
    expect(SymbolFacade.hashEmbeddedTransactions(decoded.transactions).toString()).toBe(
      toHex(decoded.transactionsHash.bytes),
    );
    expect(facade.verifyTransaction(decoded, new Signature(signed.signature))).toBe(true);
    expect(facade.hashTransaction(decoded).toString()).toBe(toHex(signed.hash));
  });

  it('we read back what symbol-sdk builds: a bonded aggregate with the multisig as inner signer', () => {
    const sdkInner = facade.transactionFactory.createEmbedded({
      type: 'account_key_link_transaction_v1',
      signerPublicKey: new PublicKey(MULTISIG_PUBLIC),
      linkedPublicKey: new PublicKey(REMOTE),
      linkAction: 'link',
    });
    const sdkAggregate = facade.transactionFactory.create({
      type: 'aggregate_bonded_transaction_v3',
      signerPublicKey: new PublicKey(derivePublicKey(COSIGNER_PRIVATE)),
      fee: 100n,
      deadline: 7n,
      transactionsHash: SymbolFacade.hashEmbeddedTransactions([sdkInner]),
      transactions: [sdkInner],
    });
    const description = describeTransaction(sdkAggregate.serialize());
    expect(description.kind).toBe('aggregateBonded');
    expect(description.transactions.map((entry) => entry.kind)).toEqual(['remoteLink']);
    expect(toHex(description.transactions[0]!.signerPublicKey)).toBe(toHex(MULTISIG_PUBLIC));
  });
});

describe('cosignatures', () => {
  const signed = signTransaction(bondedAggregate().payload, COSIGNER_PRIVATE, seed);

  it('are the signature symbol-sdk makes of the aggregate hash, detached with the parent hash', () => {
    const ours = cosignAggregateHash(signed.hash, SECOND_PRIVATE);
    const sdk = SymbolFacade.cosignTransactionHash(
      new KeyPair(new PrivateKey(SECOND_PRIVATE)),
      new Hash256(signed.hash),
      true,
    ) as models.DetachedCosignature;
    expect(toHex(ours.signature)).toBe(toHex(sdk.signature.bytes));
    expect(toHex(ours.signerPublicKey)).toBe(toHex(sdk.signerPublicKey.bytes));
    expect(toHex(ours.parentHash)).toBe(toHex(sdk.parentHash.bytes));
    expect(ours.version).toBe(0n);
  });

  it('attached to the aggregate, leave its hash unchanged and verify under the sdk and verifyCosignature', () => {
    const cosignature = cosignAggregateHash(signed.hash, SECOND_PRIVATE);
    const decoded = SymbolTransactionFactory.deserialize(signed.payload) as any;
    const attached = new models.Cosignature();
    attached.signerPublicKey = new models.PublicKey(cosignature.signerPublicKey.slice());
    attached.signature = new models.Signature(cosignature.signature.slice());
    decoded.cosignatures.push(attached);
    const withCosignature = decoded.serialize() as Uint8Array;
    expect(withCosignature.length).toBe(signed.payload.length + 104);
    expect(toHex(hashTransaction(withCosignature, seed))).toBe(toHex(signed.hash));
    const verifier = new Verifier(new PublicKey(cosignature.signerPublicKey));
    expect(verifier.verify(signed.hash, new Signature(cosignature.signature))).toBe(true);
    expect(verifyCosignature(signed.hash, cosignature.signerPublicKey, cosignature.signature)).toBe(true);
    expect(describeTransaction(withCosignature).cosignatureCount).toBe(1);
  });

  it('verifyCosignature refuses another hash, another key, garbage sizes and a key off the curve', () => {
    const cosignature = cosignAggregateHash(signed.hash, SECOND_PRIVATE);
    const otherHash = signed.hash.slice();
    otherHash[0]! ^= 1;
    expect(verifyCosignature(otherHash, cosignature.signerPublicKey, cosignature.signature)).toBe(false);
    expect(verifyCosignature(signed.hash, derivePublicKey(COSIGNER_PRIVATE), cosignature.signature)).toBe(
      false,
    );
    expect(
      verifyCosignature(signed.hash.subarray(1), cosignature.signerPublicKey, cosignature.signature),
    ).toBe(false);
    expect(verifyCosignature(signed.hash, new Uint8Array(31), cosignature.signature)).toBe(false);
    expect(verifyCosignature(signed.hash, cosignature.signerPublicKey, new Uint8Array(63))).toBe(false);
    expect(verifyCosignature(signed.hash, new Uint8Array(32).fill(0xff), cosignature.signature)).toBe(false);
    expect(() => cosignAggregateHash(new Uint8Array(31), SECOND_PRIVATE)).toThrow(/32-byte/);
  });
});
