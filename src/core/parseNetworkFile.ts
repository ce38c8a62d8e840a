/**
 * A private network described by a file (docs/cli.md, "--network"): the JSON object `harvest devnet --json` prints
 * when it is ready, or any object with the same three fields (extra fields are ignored):
 *
 *   { "networkIdentifier": 152 | 104 | "testnet" | "mainnet",
 *     "generationHashSeed": "<64 hex digits>",
 *     "epochAdjustment": 1700000000 | "1700000000" | "1700000000s",
 *     "currencyMosaicId"?: "72C0212E67A08BCE" | "0x72C0'212E'67A0'8BCE" }
 *
 * The seed goes into every signature, the epoch adjustment into every deadline. A file with a public network's
 * identifier and seed is that public network (its epoch adjustment must then be the public one).
 */
import { parseHex } from './bytes.js';
import { InputError } from './errors.js';
import {
  findPublicNetwork,
  knownPublicNetwork,
  parseNetworkName,
  type NetworkParameters,
} from './network.js';
import { parseJsonOr } from './textInput.js';

/** Epoch adjustments beyond 2^32 seconds (year 2106) are not a Symbol network's. */
const MAX_EPOCH_ADJUSTMENT_SECONDS = 2 ** 32 - 1;

/**
 * The network described by `text`, the content of the file named `name` in messages.
 * @throws {InputError} INVALID_FILE when the text is not such a JSON object
 */
export function parseNetworkFile(text: string, name: string): NetworkParameters {
  const root = parseJsonOr(text, () => invalid(name, 'is not JSON'));
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw invalid(name, 'is not a JSON object');
  }
  const fields = root as Record<string, unknown>;
  const identifier = readIdentifier(fields['networkIdentifier'], name);
  const seedText = fields['generationHashSeed'];
  if (typeof seedText !== 'string' || !/^[0-9a-fA-F]{64}$/.test(seedText.trim())) {
    throw invalid(name, 'needs generationHashSeed: 64 hex digits');
  }
  const generationHashSeed = parseHex(seedText, { name: 'generationHashSeed', code: 'INVALID_FILE' });
  const epochAdjustmentSeconds = readEpochAdjustment(fields['epochAdjustment'], name);
  const known = knownPublicNetwork({ identifier, generationHashSeed });
  if (known !== undefined) {
    if (known.epochAdjustmentSeconds !== epochAdjustmentSeconds) {
      throw invalid(
        name,
        `has the identifier and seed of ${known.name} but epochAdjustment ${epochAdjustmentSeconds}, ` +
          `not ${known.epochAdjustmentSeconds}`,
      );
    }
    return known;
  }
  return {
    name: 'private',
    identifier,
    generationHashSeed,
    epochAdjustmentSeconds,
    currencyMosaicId: readCurrencyMosaicId(fields['currencyMosaicId'], identifier, name),
  };
}

function readIdentifier(value: unknown, name: string): number {
  const byName = typeof value === 'string' ? findPublicNetworkByName(value) : undefined;
  const byNumber = typeof value === 'number' ? findPublicNetwork(value) : undefined;
  const network = byName ?? byNumber;
  if (network === undefined) {
    throw invalid(name, 'needs networkIdentifier: 104 or "mainnet", 152 or "testnet"');
  }
  return network.identifier;
}

function findPublicNetworkByName(text: string): NetworkParameters | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'mainnet' || lower === 'testnet' ? parseNetworkName(lower) : undefined;
}

/** Seconds, as a number, a decimal string or the REST form "1615853185s". */
function readEpochAdjustment(value: unknown, name: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{1,10})s?$/.exec(text);
  const seconds = match === null ? NaN : Number(match[1]);
  if (!(seconds > 0 && seconds <= MAX_EPOCH_ADJUSTMENT_SECONDS)) {
    throw invalid(
      name,
      'needs epochAdjustment: whole seconds above 0 (a number, "1615853185" or "1615853185s")',
    );
  }
  return seconds;
}

/** Optional: 16 hex digits, with or without 0x and the REST's ' separators; else the public currency of the identifier. */
function readCurrencyMosaicId(value: unknown, identifier: number, name: string): bigint {
  if (value === undefined) return findPublicNetwork(identifier)!.currencyMosaicId;
  const hex = typeof value === 'string' ? value.trim().replace(/^0x/i, '').replace(/'/g, '') : '';
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) {
    throw invalid(name, 'has a currencyMosaicId that is not 16 hex digits');
  }
  return BigInt(`0x${hex}`);
}

function invalid(name: string, problem: string): InputError {
  return new InputError('INVALID_FILE', `${name} ${problem}`, {
    hint: 'give mainnet, testnet, or a JSON file with networkIdentifier, generationHashSeed and epochAdjustment, such as the line `harvest devnet --json` prints',
  });
}
