/**
 * A node's `harvesters.dat` (symbol/symbol client/catapult/extensions/harvesting/src/UnlockedAccountsStorage.cpp):
 * the plain concatenation of the accepted delegation messages without their marker, 124 bytes each:
 *
 *   ephemeralPublicKey(32) | tag(16) | iv(12) | ciphertext(64)
 */
import { DELEGATION_RECORD_SIZE } from '../crypto/delegationFormat.js';
import { InputError } from '../errors.js';

/**
 * The 124-byte records of a harvesters.dat file (none for an empty file).
 * @throws {InputError} INVALID_FILE when the size is not a whole number of records (a truncated or foreign file)
 */
export function splitHarvestersFile(content: Uint8Array): Uint8Array[] {
  const remainder = content.length % DELEGATION_RECORD_SIZE;
  if (remainder !== 0) {
    const whole = Math.floor(content.length / DELEGATION_RECORD_SIZE);
    throw new InputError(
      'INVALID_FILE',
      `harvesters file is ${content.length} bytes: ${whole} whole ${DELEGATION_RECORD_SIZE}-byte records and ` +
        `${remainder} bytes left over (truncated or not a harvesters.dat)`,
    );
  }
  const records: Uint8Array[] = [];
  for (let offset = 0; offset < content.length; offset += DELEGATION_RECORD_SIZE) {
    records.push(content.subarray(offset, offset + DELEGATION_RECORD_SIZE));
  }
  return records;
}
