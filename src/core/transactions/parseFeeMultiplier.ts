/**
 * The `--fee <slow|average|fast|N>` flag. N is a fee multiplier (µXYM per byte: fee = size × N); the words need a
 * node's fee statistics (`/network/fees/transaction`), so offline only N makes sense. Default offline: 100, the
 * public networks' defaultDynamicFeeMultiplier and the usual node minimum (docs/protocol.md §6).
 */
import { InputError } from '../errors.js';

/** The offline default multiplier. */
export const DEFAULT_FEE_MULTIPLIER = 100n;

/** A named fee level, resolved against a node's statistics. */
export type FeeLevel = 'slow' | 'average' | 'fast';

/**
 * Parses `--fee`.
 * @throws {InputError} INVALID_INPUT for anything but a word above or an integer from 0 to 2^32 - 1
 */
export function parseFeeMultiplier(text: string): bigint | FeeLevel {
  const value = text.trim();
  if (value === 'slow' || value === 'average' || value === 'fast') return value;
  if (!/^\d{1,10}$/.test(value) || BigInt(value) > 0xffffffffn) {
    throw new InputError(
      'INVALID_INPUT',
      `--fee must be slow, average, fast or a whole multiplier >= 0, got "${text}"`,
      {
        hint: 'e.g. --fee 100 (fee = size × 100 µXYM)',
      },
    );
  }
  return BigInt(value);
}
