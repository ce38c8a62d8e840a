/** The pure parts of `harvest rewards`: the range bounds, which share a receipt is, and the totals. */
import { Address, models } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../../src/core/address.js';
import { parseHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { TESTNET } from '../../../src/core/network.js';
import { buildKickbackPlan } from '../../../src/core/rewards/buildKickbackPlan.js';
import { collectBlockRewards } from '../../../src/core/rewards/collectBlockRewards.js';
import { parseRewardsBound } from '../../../src/core/rewards/parseRewardsBound.js';
import { summarizeRewards } from '../../../src/core/rewards/summarizeRewards.js';

const key = (byte: number) => new Uint8Array(32).fill(byte);
const MAIN = key(1);
const REMOTE = key(2);
const OTHER = key(3);
const address = (publicKey: Uint8Array) => deriveAddress(publicKey, 152);
const fee = (target: Uint8Array, amount: bigint) => ({ type: 8515, targetAddress: target, amount });
const inflation = { type: 20803, targetAddress: undefined, amount: 9n };

function collect(
  signer: Uint8Array,
  beneficiary: Uint8Array,
  receipts: Parameters<typeof collectBlockRewards>[0]['receipts'],
) {
  return collectBlockRewards({
    address: address(MAIN),
    networkIdentifier: 152,
    epochAdjustmentSeconds: 1_667_250_467,
    receipts,
    block: { height: 7n, timestamp: 86_400_000n, signerPublicKey: signer, beneficiaryAddress: beneficiary },
  }).map((entry) => [entry.share, entry.amount]);
}

describe('collectBlockRewards', () => {
  it('a delegate on another node: the harvester share; other accounts and the inflation ignored', () => {
    expect(
      collect(REMOTE, address(OTHER), [fee(address(MAIN), 70n), fee(address(OTHER), 25n), inflation]),
    ).toEqual([['harvester', 70n]]);
  });

  it('a delegate that is also the beneficiary: both shares, harvester first', () => {
    expect(
      collect(REMOTE, address(MAIN), [
        fee(address(MAIN), 70n),
        fee(key(9).subarray(0, 24), 5n),
        fee(address(MAIN), 25n),
      ]),
    ).toEqual([
      ['harvester', 70n],
      ['beneficiary', 25n],
    ]);
  });

  it('the beneficiary of someone else’s block: the beneficiary share', () => {
    expect(collect(OTHER, address(MAIN), [fee(address(OTHER), 70n), fee(address(MAIN), 25n)])).toEqual([
      ['beneficiary', 25n],
    ]);
  });

  it('a block signed with the main key, beneficiary itself: one receipt, the harvester share', () => {
    expect(collect(MAIN, address(MAIN), [fee(address(MAIN), 95n), inflation])).toEqual([['harvester', 95n]]);
  });

  it('its own node’s beneficiary, remote-signed, beneficiary share rounded to nothing: still the harvester share', () => {
    // only the harvester's receipt exists (catapult writes no zero-amount beneficiary share): first = harvester
    expect(collect(REMOTE, address(MAIN), [fee(address(MAIN), 3n), inflation])).toEqual([['harvester', 3n]]);
    // and with a sink receipt between, the account's second receipt is the beneficiary share
    expect(
      collect(REMOTE, address(MAIN), [
        fee(address(MAIN), 70n),
        fee(address(OTHER), 5n),
        fee(address(MAIN), 25n),
      ]),
    ).toEqual([
      ['harvester', 70n],
      ['beneficiary', 25n],
    ]);
  });

  it('dates the share in UTC from the network epoch', () => {
    const [entry] = collectBlockRewards({
      address: address(MAIN),
      networkIdentifier: 152,
      epochAdjustmentSeconds: 1_667_250_467,
      receipts: [fee(address(MAIN), 1n)],
      block: { height: 7n, timestamp: 0n, signerPublicKey: REMOTE, beneficiaryAddress: address(OTHER) },
    });
    expect(entry).toMatchObject({ time: '2022-10-31T21:07:47.000Z', date: '2022-10-31' });
  });
});

describe('summarizeRewards', () => {
  it('an empty range is zero', () => {
    expect(
      summarizeRewards({ address: address(MAIN), fromHeight: 5n, toHeight: 4n, entries: [] }),
    ).toMatchObject({
      total: 0n,
      harvesterShare: 0n,
      beneficiaryShare: 0n,
      blocks: 0,
      days: [],
      nodes: [],
    });
  });
});

describe('parseRewardsBound', () => {
  it.each([
    ['1200000', { kind: 'height', height: 1_200_000n }],
    [' 7 ', { kind: 'height', height: 7n }],
    [
      '2026-01-31',
      { kind: 'time', startMs: Date.UTC(2026, 0, 31), endMs: Date.UTC(2026, 1, 1), text: '2026-01-31' },
    ],
    ['2024-02-29', { kind: 'time', startMs: Date.UTC(2024, 1, 29) }],
    ['2026-01-31T12:00:00Z', { kind: 'time', startMs: Date.UTC(2026, 0, 31, 12) }],
    ['2026-01-31T12:00+01:00', { kind: 'time', startMs: Date.UTC(2026, 0, 31, 11) }],
  ])('%s', (text, expected) => {
    expect(parseRewardsBound(text, '--from')).toMatchObject(expected);
  });

  it.each([
    '0',
    '-1',
    '',
    'today',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-1-5',
    '2026-01-31T12:00:00',
    '1e5',
    '99999999999999999999',
  ])('%j is INVALID_INPUT naming the flag', (text) => {
    expect(() => parseRewardsBound(text, '--to')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('--to') }),
    );
  });
});

describe('buildKickbackPlan', () => {
  const plan = (count: number) =>
    buildKickbackPlan({
      network: TESTNET,
      signerPublicKey: derivePublicKey(key(7)),
      beneficiaryAddress: address(derivePublicKey(key(7))),
      kickbacks: [
        { address: address(derivePublicKey(key(7))), amount: 5n }, // itself: left out
        { address: address(OTHER), amount: 0n }, // nothing owed: left out
        ...Array.from({ length: count }, (_, index) => ({
          address: address(key(40 + (index % 50))),
          amount: BigInt(index + 1),
        })),
      ],
      feeMultiplier: 100n,
      deadline: 1_000_000n,
      aggregateVersion: 3,
    });

  it('is one aggregate of currency transfers that symbol-sdk reads back, signed by the beneficiary', () => {
    const file = plan(2);
    expect(file).toMatchObject({
      format: 'harvest-unsigned',
      mainAddress: encodeAddress(address(derivePublicKey(key(7)))),
    });
    expect(file.transactions).toHaveLength(1);
    const aggregate = models.TransactionFactory.deserialize(
      parseHex(file.transactions[0]!.payload, { name: 'payload' }),
    );
    expect(
      aggregate.transactions.map((inner: any) => [
        new Address(inner.recipientAddress.bytes).toString(),
        inner.mosaics.map((mosaic: any) => [mosaic.mosaicId.value, mosaic.amount.value]),
      ]),
    ).toEqual([
      [encodeAddress(address(key(40))), [[TESTNET.currencyMosaicId, 1n]]],
      [encodeAddress(address(key(41))), [[TESTNET.currencyMosaicId, 2n]]],
    ]);
    expect(BigInt(file.transactions[0]!.fee)).toBe(BigInt(aggregate.size) * 100n);
  });

  it('splits beyond 100 transfers, and refuses a plan with nothing owed', () => {
    expect(plan(150).transactions).toHaveLength(2);
    expect(() => plan(0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
