/**
 * The public Symbol networks and the parameters that bind a transaction or an address to one network.
 * Sources: symbol/symbol catbuffer entity.cats and sdk Network.js; symbol-bootstrap presets (docs/protocol.md §3.5).
 */
import { equalBytes, parseHex } from './bytes.js';
import { InputError } from './errors.js';

/** The names of the public networks. */
export type NetworkName = 'mainnet' | 'testnet';

/** What identifies a network: public ones are built in, private ones (the devnet) are read from their node. */
export interface NetworkParameters {
  /** "mainnet", "testnet", or a private network's own name. */
  readonly name: string;
  /** First byte of every address and the network byte of every transaction (0x68 mainnet, 0x98 testnet). */
  readonly identifier: number;
  /** Prefixed to every signed payload; a signature made for one network does not verify on another. */
  readonly generationHashSeed: Uint8Array;
  /** Unix time in seconds of the network epoch; deadlines count milliseconds from it. */
  readonly epochAdjustmentSeconds: number;
  /** Id of the currency (and harvesting) mosaic. */
  readonly currencyMosaicId: bigint;
}

/** Mainnet: identifier 104, addresses start with N. */
export const MAINNET: NetworkParameters = {
  name: 'mainnet',
  identifier: 0x68,
  generationHashSeed: parseHex('57F7DA205008026C776CB6AED843393F04CD458E0AA2D9F1D5F31A402072B2D6', {
    name: 'seed',
  }),
  epochAdjustmentSeconds: 1615853185,
  currencyMosaicId: 0x6bed913fa20223f8n,
};

/** Testnet: identifier 152, addresses start with T. */
export const TESTNET: NetworkParameters = {
  name: 'testnet',
  identifier: 0x98,
  generationHashSeed: parseHex('49D6E1CE276A85B70EAFE52349AACCA389302E7A9754BCF1221E79494FC665A4', {
    name: 'seed',
  }),
  epochAdjustmentSeconds: 1667250467,
  currencyMosaicId: 0x72c0212e67a08bcen,
};

const PUBLIC_NETWORKS: Readonly<Record<NetworkName, NetworkParameters>> = {
  mainnet: MAINNET,
  testnet: TESTNET,
};

/**
 * The parameters of a public network named on the command line.
 * @throws {InputError} INVALID_INPUT for any other name
 */
export function parseNetworkName(text: string): NetworkParameters {
  const name = text.trim().toLowerCase();
  if (name === 'mainnet' || name === 'testnet') return PUBLIC_NETWORKS[name];
  throw new InputError('INVALID_INPUT', `unknown network "${text}"`, { hint: 'use mainnet or testnet' });
}

/** The public network with this identifier byte, if any. */
export function findPublicNetwork(identifier: number): NetworkParameters | undefined {
  return Object.values(PUBLIC_NETWORKS).find((network) => network.identifier === identifier);
}

/** The public network with this identifier **and** seed, if any: any other seed is a private network. */
export function knownPublicNetwork(
  network: Pick<NetworkParameters, 'identifier' | 'generationHashSeed'>,
): NetworkParameters | undefined {
  return Object.values(PUBLIC_NETWORKS).find(
    (known) =>
      known.identifier === network.identifier &&
      equalBytes(known.generationHashSeed, network.generationHashSeed),
  );
}
