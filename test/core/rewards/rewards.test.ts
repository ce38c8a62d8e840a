/** The pure parts of `harvest rewards`: the range bounds, which share a receipt is, and the totals. */
import { describe, expect, it } from 'vitest';
import { deriveAddress } from '../../../src/core/address.js';
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
