import { describe, expect, it } from 'vitest';
import {
  parsePropertyDurationMs,
  parsePropertyHexId,
  parsePropertyInteger,
} from '../../src/node/parseProperty.js';

describe('gateway property formats', () => {
  it.each([
    ["10'000'000'000", 10_000_000_000n],
    ["50'000'000'000'000", 50_000_000_000_000n],
    ['720', 720n],
    ["4'759'100", 4_759_100n],
    ['18446744073709551615', 2n ** 64n - 1n],
  ])('integer %s', (text, expected) => expect(parsePropertyInteger(text)).toBe(expected));

  it.each(['', 'abc', '-1', '1.5', '18446744073709551616', '0x10'])('integer rejects %j', (text) =>
    expect(parsePropertyInteger(text)).toBeUndefined(),
  );

  it('mosaic ids with separators', () => {
    expect(parsePropertyHexId("0x6BED'913F'A202'23F8")).toBe(0x6bed913fa20223f8n);
    expect(parsePropertyHexId('0x72C0212E67A08BCE')).toBe(0x72c0212e67a08bcen);
    expect(parsePropertyHexId('6BED913FA20223F8')).toBeUndefined();
    expect(parsePropertyHexId('0x6BED913FA20223F800')).toBeUndefined();
  });

  it.each([
    ['30s', 30_000],
    ['6h', 21_600_000],
    ['48h', 172_800_000],
    ['1667250467s', 1_667_250_467_000],
    ['500ms', 500],
    ['300ms', 300],
    ['2m', 120_000],
    ['1d', 86_400_000],
  ])('duration %s = %d ms', (text, ms) => expect(parsePropertyDurationMs(text)).toBe(ms));

  it.each(['30', 's', '1w', '-1s', '1.5s'])('duration rejects %j', (text) =>
    expect(parsePropertyDurationMs(text)).toBeUndefined(),
  );
});
