/**
 * An amount of XYM typed by a person (`--max-fee-per-day 2.5`) → µXYM. At most six decimals (the currency's
 * divisibility); no sign, no exponent, no thousands separators, so that nothing is read other than as meant.
 */
import { InputError } from '../errors.js';

/**
 * "2.5" → 2_500_000n.
 * @throws {InputError} INVALID_INPUT naming `flag`
 */
export function parseXym(text: string, flag: string): bigint {
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (match === null) {
    throw new InputError(
      'INVALID_INPUT',
      `${flag} must be an amount of XYM like 2.5, got "${text.slice(0, 40)}"`,
      {
        hint: 'digits, at most six decimals, no sign or separators',
      },
    );
  }
  return BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}
