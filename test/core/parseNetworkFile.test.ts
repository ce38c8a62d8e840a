import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { describeNetwork } from '../../src/core/describeNetwork.js';
import { MAINNET, TESTNET } from '../../src/core/network.js';
import { parseNetworkFile } from '../../src/core/parseNetworkFile.js';

const SEED = '1F2E3D4C'.repeat(8);

/** The ready line of `harvest devnet --json`, shortened to the fields that matter here plus some extra ones. */
const readyLine = {
  url: 'http://127.0.0.1:3000',
  networkIdentifier: 152,
  generationHashSeed: SEED,
  epochAdjustment: 1700000000,
  currencyMosaicId: '1234567890ABCDEF',
  accounts: [],
};

const parse = (value: unknown) => parseNetworkFile(JSON.stringify(value), 'network file n.json');

describe('parseNetworkFile', () => {
  it('reads the devnet ready line as a private network, ignoring extra fields', () => {
    const network = parse(readyLine);
    expect({ ...network, generationHashSeed: toHex(network.generationHashSeed) }).toEqual({
      name: 'private',
      identifier: 152,
      generationHashSeed: SEED,
      epochAdjustmentSeconds: 1700000000,
      currencyMosaicId: 0x1234567890abcdefn,
    });
  });

  it.each<[string, unknown, number]>([
    ['a decimal string', '1700000000', 1700000000],
    ['the REST form', '1700000000s', 1700000000],
    ['a number', 1615853185, 1615853185],
  ])('takes epochAdjustment as %s', (_, epochAdjustment, seconds) => {
    expect(parse({ ...readyLine, epochAdjustment }).epochAdjustmentSeconds).toBe(seconds);
  });

  it('takes the identifier by name, the REST form of the mosaic id, and defaults the mosaic to the public one', () => {
    expect(parse({ ...readyLine, networkIdentifier: 'mainnet' }).identifier).toBe(104);
    expect(parse({ ...readyLine, currencyMosaicId: "0x1234'5678'90AB'CDEF" }).currencyMosaicId).toBe(
      0x1234567890abcdefn,
    );
    expect(parse({ ...readyLine, currencyMosaicId: undefined }).currencyMosaicId).toBe(
      TESTNET.currencyMosaicId,
    );
  });

  it('is the public network itself when identifier and seed are a public one', () => {
    const mainnet = {
      networkIdentifier: 104,
      generationHashSeed: toHex(MAINNET.generationHashSeed),
      epochAdjustment: '1615853185s',
    };
    expect(parse(mainnet)).toBe(MAINNET);
  });

  it.each<[string, string]>([
    ['not JSON', '{"networkIdentifier": 152,'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"testnet"'],
  ])('refuses a file that is %s with INVALID_FILE', (_, text) => {
    expect(() => parseNetworkFile(text, 'network file n.json')).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILE',
        message: expect.stringMatching(/^network file n\.json /),
      }),
    );
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no identifier', { networkIdentifier: undefined }, /networkIdentifier/],
    ['an unknown identifier', { networkIdentifier: 7 }, /networkIdentifier/],
    ['an unknown identifier name', { networkIdentifier: 'devnet' }, /networkIdentifier/],
    ['an identifier as a string of digits', { networkIdentifier: '152' }, /networkIdentifier/],
    ['no seed', { generationHashSeed: undefined }, /generationHashSeed/],
    ['a short seed', { generationHashSeed: 'AB'.repeat(31) }, /generationHashSeed/],
    ['a seed that is not hex', { generationHashSeed: 'ZZ'.repeat(32) }, /generationHashSeed/],
    ['a seed as a number', { generationHashSeed: 42 }, /generationHashSeed/],
    ['no epoch adjustment', { epochAdjustment: undefined }, /epochAdjustment/],
    ['a negative epoch adjustment', { epochAdjustment: -5 }, /epochAdjustment/],
    ['a zero epoch adjustment', { epochAdjustment: 0 }, /epochAdjustment/],
    ['a fractional epoch adjustment', { epochAdjustment: 1.5 }, /epochAdjustment/],
    ['an epoch adjustment in hours', { epochAdjustment: '5h' }, /epochAdjustment/],
    ['an epoch adjustment past 2106', { epochAdjustment: 99999999999 }, /epochAdjustment/],
    ['a bad currency mosaic id', { currencyMosaicId: 'XYZ' }, /currencyMosaicId/],
    ['a numeric currency mosaic id', { currencyMosaicId: 12 }, /currencyMosaicId/],
  ])('refuses %s with INVALID_FILE', (_, change, message) => {
    expect(() => parse({ ...readyLine, ...change })).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE', message: expect.stringMatching(message) }),
    );
  });

  it("refuses testnet's identifier and seed with another epoch adjustment", () => {
    const wrong = {
      networkIdentifier: 152,
      generationHashSeed: toHex(TESTNET.generationHashSeed),
      epochAdjustment: 1,
    };
    expect(() => parse(wrong)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE', message: expect.stringContaining('of testnet') }),
    );
  });
});

describe('describeNetwork', () => {
  it('names a network by its name and seed prefix', () => {
    expect(describeNetwork(MAINNET)).toBe('mainnet (seed 57F7DA20…)');
    expect(describeNetwork(TESTNET)).toBe('testnet (seed 49D6E1CE…)');
    expect(describeNetwork(parse(readyLine))).toBe('private (testnet identifier, seed 1F2E3D4C…)');
    expect(describeNetwork({ identifier: 0x78, generationHashSeed: TESTNET.generationHashSeed })).toBe(
      'private (identifier 120, seed 49D6E1CE…)',
    );
  });
});
