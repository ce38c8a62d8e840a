import { Hash256, Signature } from 'symbol-sdk';
import { Network, SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import type { MultisigCosts } from '../../../src/contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../../src/core/address.js';
import { toHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { TESTNET } from '../../../src/core/network.js';
import type { TransactionPlan } from '../../../src/flows/lifecycle/plan.js';
import { signAndStoreBonded, type BondedSigning } from '../../../src/flows/lifecycle/signAndStoreBonded.js';
import { keyOf } from '../../helpers/delegationChain.js';
import { openRecordingKeystore } from '../../helpers/recordingKeystore.js';

const MULTISIG_PUBLIC = derivePublicKey(keyOf(0x41));
const MULTISIG_ADDRESS = encodeAddress(deriveAddress(MULTISIG_PUBLIC, TESTNET.identifier));
const INITIATOR_PRIVATE = keyOf(0x42);
const facade = new SymbolFacade(
  new Network('testnet', 0x98, new Date(0), new Hash256(TESTNET.generationHashSeed)),
);

async function setUp(bonded: Partial<BondedSigning> = {}, journal = true) {
  const events: string[] = [];
  const { recorded } = await openRecordingKeystore(MULTISIG_ADDRESS, events);

  const costs: MultisigCosts[] = [];
  const plan: TransactionPlan = {
    kind: 'delegate',
    transactions: [{ type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: keyOf(0x43) }],
    planned: [],
    confirm: (_fee, _version, multisig) => {
      events.push('confirm');
      if (multisig !== undefined) costs.push(multisig);
      return Promise.resolve();
    },
    writeAhead: (file) => {
      events.push('writeAhead');
      return file;
    },
    eligibility: { min: 10_000_000_000n, max: 50_000_000_000_000n },
    keys: () => ({ nodePublicKey: null, remotePublicKey: null, vrfPublicKey: null }),
    then: { waitFor: 'activation' },
  };
  const run = () =>
    signAndStoreBonded({
      plan,
      network: TESTNET,
      networkTime: 1_000_000n,
      aggregateVersion: 3,
      feeMultiplier: 100n,
      keystore: recorded,
      journal,
      now: () => new Date('2026-01-01T00:00:00Z'),
      bonded: {
        initiator: { privateKey: INITIATOR_PRIVATE },
        multisigPublicKey: MULTISIG_PUBLIC,
        minApproval: 2,
        cosignerBalance: 100_000_000n,
        multisigBalance: 20_000_000_000n,
        lockMosaicId: 0x72c0212e67a08bcen,
        lockAmount: 10_000_000n,
        maxLockDurationBlocks: 5760n,
        blockTimeMs: 30_000,
        lifetimeMs: 6n * 3600n * 1000n,
        ...bonded,
      },
    });
  return { run, events, costs, keystore: recorded };
}

describe('signAndStoreBonded (delegate --multisig)', () => {
  it('signs the aggregate and a lock for its hash, shows the costs, writes keys and both journal entries ahead', async () => {
    const { run, events, costs, keystore } = await setUp();
    const stored = await run();
    expect(events).toEqual(['confirm', 'writeAhead', 'save']);
    const [lock, aggregate] = stored.transactions;
    // aggregate: 256 bytes (168 + one 81-byte link padded to 88) + room for one cosignature (104) at multiplier 100; lock: 184 bytes
    expect(aggregate!.fee).toBe((256n + 104n) * 100n);
    expect(lock!.fee).toBe(18_400n);
    expect(costs).toEqual([
      {
        multisigAddress: MULTISIG_ADDRESS,
        minApproval: 2,
        initiatorAddress: encodeAddress(
          deriveAddress(derivePublicKey(INITIATOR_PRIVATE), TESTNET.identifier),
        ),
        lockFee: 18_400n,
        aggregateFee: 36_000n,
        lockDeposit: 10_000_000n,
        lockDurationBlocks: 740n, // 6 h of 30 s blocks + 20
      },
    ]);
    const sdkLock = SymbolTransactionFactory.deserialize(lock!.payload) as any;
    const sdkAggregate = SymbolTransactionFactory.deserialize(aggregate!.payload) as any;
    expect(toHex(sdkLock.hash.bytes)).toBe(toHex(aggregate!.hash!));
    expect(sdkLock.mosaic.amount.value).toBe(10_000_000n);
    expect(facade.verifyTransaction(sdkLock, new Signature(sdkLock.signature.bytes))).toBe(true);
    expect(facade.verifyTransaction(sdkAggregate, new Signature(sdkAggregate.signature.bytes))).toBe(true);
    expect(facade.hashTransaction(sdkAggregate).toString()).toBe(toHex(aggregate!.hash!));
    expect(sdkAggregate.transactions[0].signerPublicKey.toString()).toBe(toHex(MULTISIG_PUBLIC));
    expect(keystore.file.journal.map((entry) => [entry.kind, entry.state, entry.announceAs])).toEqual([
      ['hashLock', 'signed', undefined],
      ['delegate', 'signed', 'partial'],
    ]);
    expect(stored.aggregate).toMatchObject({ partial: true });
  });

  it('with the public key alone (--prepare): both unsigned, the lock naming a zero hash, keys written ahead, no journal', async () => {
    const { run, events, keystore } = await setUp({
      initiator: { publicKey: derivePublicKey(INITIATOR_PRIVATE) },
    });
    const stored = await run();
    expect(events).toEqual(['confirm', 'writeAhead']); // this plan's writeAhead changes nothing: nothing to save
    expect(stored.lock).toBeUndefined();
    expect(stored.aggregate).toBeUndefined();
    const [lock, aggregate] = stored.transactions;
    expect([lock!.kind, lock!.hash, aggregate!.kind, aggregate!.hash]).toEqual([
      'hashLock',
      undefined,
      'delegate',
      undefined,
    ]);
    const sdkLock = SymbolTransactionFactory.deserialize(lock!.payload) as any;
    const sdkAggregate = SymbolTransactionFactory.deserialize(aggregate!.payload) as any;
    expect(sdkLock.hash.bytes).toEqual(new Uint8Array(32));
    expect(sdkLock.signature.bytes).toEqual(new Uint8Array(64));
    expect(sdkAggregate.signature.bytes).toEqual(new Uint8Array(64));
    expect(sdkLock.signerPublicKey.toString()).toBe(toHex(derivePublicKey(INITIATOR_PRIVATE)));
    expect([lock!.fee, aggregate!.fee]).toEqual([18_400n, 36_000n]);
    expect(keystore.file.journal).toEqual([]);
  });

  it('caps the lock at maxHashLockDuration', async () => {
    const { run, costs } = await setUp({ maxLockDurationBlocks: 100n });
    await run();
    expect(costs[0]!.lockDurationBlocks).toBe(100n);
  });

  it('INSUFFICIENT_BALANCE when the initiator cannot cover both fees and the deposit, before any confirmation', async () => {
    const { run, events } = await setUp({ cosignerBalance: 10_050_000n });
    await expect(run()).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      message: expect.stringMatching(/deposit that comes back/),
    });
    expect(events).toEqual([]);
  });

  it('NOT_ELIGIBLE when the multisig account is outside the harvesting range (it pays no fee)', async () => {
    const { run } = await setUp({ multisigBalance: 9_999_999_999n });
    await expect(run()).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
  });

  it('journals nothing for --dry-run (the keys are still written ahead)', async () => {
    const { run, keystore, events } = await setUp({}, false);
    await run();
    expect(events).toEqual(['confirm', 'writeAhead']);
    expect(keystore.file.journal).toEqual([]);
  });
});
