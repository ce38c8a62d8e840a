/**
 * A main account's public key typed by a person (`--public-key`, the accounts file's `public_key`): 64 hex digits
 * that are also a canonical point of prime order on the curve. A key that is not (y ≥ p, the identity, a small-order
 * point, or half of all random 32-byte strings — such as a private key pasted in the wrong place) belongs to no
 * account that can sign, so a plan for it could never be signed: INVALID_KEY before anything is written.
 */
import { decodePrimeOrderPoint } from './crypto/sharedKey.js';
import { InputError } from './errors.js';
import { parsePublicKey } from './keys.js';

/**
 * Parses and checks the key; the message never echoes it (it may be a private key).
 * @throws {InputError} INVALID_KEY
 */
export function parseAccountPublicKey(text: string, name = 'public key'): Uint8Array {
  const bytes = parsePublicKey(text, name);
  try {
    decodePrimeOrderPoint(bytes, name);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError('INVALID_KEY', `${name} is not an account public key (not a valid curve point)`, {
      hint: 'give the account’s public key (64 hex digits), never its private key',
    });
  }
  return bytes;
}
