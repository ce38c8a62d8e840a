import { describe, expect, it } from 'vitest';
import { networkTimeOf, wallClockOf } from '../../src/core/networkTime.js';
import { measureClockOffset } from '../../src/node/networkTime.js';

const EPOCH = 1615853185; // mainnet, 2021-03-16T00:06:25Z

describe('network time', () => {
  it('counts milliseconds from the network epoch, and back', () => {
    const date = new Date('2021-03-16T00:06:26.500Z');
    expect(networkTimeOf(date, EPOCH)).toBe(1500n);
    expect(networkTimeOf(date, EPOCH, 2000)).toBe(3500n);
    expect(wallClockOf(3500n, EPOCH, 2000)).toEqual(date);
  });

  it('measures the skew against /node/time at the midpoint of the request', async () => {
    const times = [new Date('2021-03-16T00:06:35.000Z'), new Date('2021-03-16T00:06:35.200Z')];
    const now = () => times.shift()!;
    // local midpoint = 10.1 s after the epoch; the node says 70.1 s: the node is 60 s ahead
    const offset = await measureClockOffset(
      { getNodeTime: () => Promise.resolve({ sendTimestampMs: 70_100, receiveTimestampMs: 70_100 }) },
      EPOCH,
      now,
    );
    expect(offset).toBe(60_000);
    expect(networkTimeOf(new Date('2021-03-16T00:06:35.100Z'), EPOCH, offset)).toBe(70_100n);
  });
});
