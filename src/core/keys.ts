/**
 * Ed25519 keys as Symbol uses them: a private key is a 32-byte seed, a public key the 32-byte compressed point
 * (RFC 8032). Parsing accepts what users actually hold: 64 hex digits, or a PKCS#8 PEM such as a node's
 * `node.key.pem`.
 */
import { equalBytes, parseHex } from './bytes.js';
import { derivePublicKeyNatively } from './crypto/derivePublicKeyNatively.js';
import { InputError } from './errors.js';
import { decodeEd25519Pem, isPem } from './pem.js';

/** Size in bytes of a private key (seed), a public key, and the hex text of either. */
export const KEY_SIZE = 32;

/**
 * Parses the text of a key file or variable: 64 hex digits (white space around ignored), or a PKCS#8 Ed25519 PEM.
 * The error never echoes the text, which may be a secret.
 * @throws {InputError} INVALID_KEY saying what is wrong: empty, bad hex, wrong length, bad PEM
 */
export function parsePrivateKey(text: string, name = 'private key'): Uint8Array {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('INVALID_KEY', `${name} is empty`);
  // a keystore holds the remote and VRF keys, never the main key: say so rather than "not hexadecimal"
  if (trimmed.startsWith('{') && trimmed.includes('"harvest-keystore"')) {
    throw new InputError('INVALID_KEY', `${name} is a harvest keystore, not a private key`, {
      hint: 'a keystore never holds the main key: give the main account’s key file',
    });
  }
  if (isPem(trimmed)) {
    const { seed, publicKey } = decodeEd25519Pem(trimmed);
    if (publicKey !== undefined && !equalBytes(publicKey, derivePublicKey(seed))) {
      throw new InputError('INVALID_KEY', `${name} PEM holds a public key that does not belong to its seed`);
    }
    return seed;
  }
  return parseHex(trimmed, { name, length: KEY_SIZE, code: 'INVALID_KEY' });
}

/**
 * Parses a public key given as 64 hex digits. Only the size is checked here; see assertSafeRecipientKey for the
 * curve checks a key must pass before anything is encrypted to it.
 * @throws {InputError} INVALID_KEY
 */
export function parsePublicKey(text: string, name = 'public key'): Uint8Array {
  return parseHex(text, { name, length: KEY_SIZE, code: 'INVALID_KEY' });
}

/**
 * The Ed25519 public key of a 32-byte private key (seed), computed by OpenSSL: noble's getPublicKey would first
 * build its base-point table, about 50 ms of a one-message decrypt-check (docs/performance.md).
 */
export function derivePublicKey(privateKey: Uint8Array): Uint8Array {
  if (privateKey.length !== KEY_SIZE)
    throw new InputError('INVALID_KEY', `private key must be ${KEY_SIZE} bytes`);
  return derivePublicKeyNatively(privateKey);
}
