/**
 * PKCS#8 Ed25519 private keys in PEM form (RFC 8410), as OpenSSL writes a Symbol node's `node.key.pem`.
 *
 * DER layout of the version 0 form (48 bytes), which is what catapult's tools write:
 *
 *   30 2E                      SEQUENCE, 46 bytes
 *     02 01 00                 INTEGER version 0
 *     30 05 06 03 2B 65 70     SEQUENCE { OID 1.3.101.112 (Ed25519) }
 *     04 22 04 20 <32 bytes>   OCTET STRING { OCTET STRING seed }
 *
 * The version 1 form (OneAsymmetricKey) may add `[1] 81 21 00 <public key>` after the seed; we accept it and
 * leave the check of that public key to the caller.
 */
import { concatBytes, equalBytes } from './bytes.js';
import { InputError } from './errors.js';

const ED25519_ALGORITHM = Uint8Array.of(0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70);
const SEED_WRAPPER = Uint8Array.of(0x04, 0x22, 0x04, 0x20);
const V0_PREFIX = concatBytes(Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00), ED25519_ALGORITHM, SEED_WRAPPER);
const V1_HEAD = Uint8Array.of(0x30, 0x51, 0x02, 0x01, 0x01);
const V1_PUBLIC_KEY_TAG = Uint8Array.of(0x81, 0x21, 0x00);
const PEM_LABEL = 'PRIVATE KEY';

/** The 32-byte seed and, for the version 1 form, the public key stored beside it. */
export interface Pkcs8Ed25519Key {
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array | undefined;
}

/** True when the text looks like a PEM document (has a BEGIN line). */
export function isPem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}

/**
 * Reads the Ed25519 seed from a PKCS#8 PEM document.
 * @throws {InputError} INVALID_KEY naming exactly what is wrong (label, base64, structure, algorithm)
 */
export function decodeEd25519Pem(text: string): Pkcs8Ed25519Key {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/.exec(text);
  if (match === null) throw new InputError('INVALID_KEY', 'PEM has no matching BEGIN and END lines');
  const [, label, body = '', endLabel] = match;
  if (label !== endLabel)
    throw new InputError('INVALID_KEY', `PEM BEGIN ${label} does not match END ${endLabel}`);
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw new InputError('INVALID_KEY', 'PEM private key is encrypted', {
      hint: 'decrypt it first: openssl pkey -in key.pem -out plain.pem',
    });
  }
  if (label !== PEM_LABEL) {
    throw new InputError('INVALID_KEY', `PEM holds a ${label ?? 'document'}, expected a PRIVATE KEY`);
  }
  const der = decodeBase64(body.replace(/\s+/g, ''));
  if (der.length === 48 && equalBytes(der.subarray(0, 16), V0_PREFIX)) {
    return { seed: der.slice(16), publicKey: undefined };
  }
  if (
    der.length === 83 &&
    equalBytes(der.subarray(0, 5), V1_HEAD) &&
    equalBytes(der.subarray(5, 12), ED25519_ALGORITHM) &&
    equalBytes(der.subarray(12, 16), SEED_WRAPPER) &&
    equalBytes(der.subarray(48, 51), V1_PUBLIC_KEY_TAG)
  ) {
    return { seed: der.slice(16, 48), publicKey: der.slice(51) };
  }
  if (der.length >= 12 && !containsAt(der, ED25519_ALGORITHM, 5)) {
    throw new InputError('INVALID_KEY', 'PEM private key is not an Ed25519 key');
  }
  throw new InputError('INVALID_KEY', `PEM is not a PKCS#8 Ed25519 private key (${der.length} DER bytes)`);
}

/** PKCS#8 (version 0) PEM text of an Ed25519 seed, as OpenSSL writes it. */
export function encodeEd25519Pem(seed: Uint8Array): string {
  if (seed.length !== 32) throw new InputError('INVALID_KEY', 'Ed25519 seed must be 32 bytes');
  const base64 = encodeBase64(concatBytes(V0_PREFIX, seed));
  return `-----BEGIN ${PEM_LABEL}-----\n${base64}\n-----END ${PEM_LABEL}-----\n`;
}

function containsAt(haystack: Uint8Array, needle: Uint8Array, offset: number): boolean {
  return equalBytes(haystack.subarray(offset, offset + needle.length), needle);
}

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new InputError('INVALID_KEY', 'PEM body is not valid base64');
  }
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function encodeBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
