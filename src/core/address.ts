/**
 * Symbol addresses (docs/protocol.md §3.5; symbol/symbol sdk Network.js publicKeyToAddress):
 *
 *   network(1) | RIPEMD-160(SHA3-256(public key))(20) | checksum(3)          = 24 bytes
 *   checksum   = SHA3-256(network | ripemd)[0..3]
 *
 * written as 39 characters of unpadded base32 (first letter N on mainnet, T on testnet).
 *
 * Both hashes come from OpenSSL (node:crypto), not from noble's JavaScript: the same bytes (test/core/address.test.ts),
 * and loading noble's SHA3 and RIPEMD-160 modules cost `decrypt-check` about 1 % of its start-up
 * (docs/performance.md, "Start-up, third pass").
 */
import { hash } from 'node:crypto';
import { decodeBase32, encodeBase32 } from './base32.js';
import { concatBytes, equalBytes } from './bytes.js';
import { InputError } from './errors.js';

const sha3_256 = (data: Uint8Array): Uint8Array => hash('sha3-256', data, 'buffer');
const ripemd160 = (data: Uint8Array): Uint8Array => hash('ripemd160', data, 'buffer');

/** Size of a decoded address in bytes, and of its base32 text in characters. */
export const ADDRESS_SIZE = 24;
export const ADDRESS_TEXT_LENGTH = 39;

/** The 24-byte address of a public key on the network with this identifier byte. */
export function deriveAddress(publicKey: Uint8Array, networkIdentifier: number): Uint8Array {
  const body = concatBytes(Uint8Array.of(networkIdentifier), ripemd160(sha3_256(publicKey)));
  return concatBytes(body, sha3_256(body).subarray(0, 3));
}

/** The 39-character base32 text of a 24-byte address. */
export function encodeAddress(address: Uint8Array): string {
  return encodeBase32(address);
}

/**
 * Parses a base32 address in its one canonical spelling (39 upper-case characters, zero padding bits, correct
 * checksum), optionally requiring a network.
 * @throws {InputError} INVALID_ADDRESS naming the first thing that is wrong
 */
export function parseAddress(text: string, networkIdentifier?: number): Uint8Array {
  const trimmed = text.trim();
  if (trimmed.length !== ADDRESS_TEXT_LENGTH) {
    throw new InputError(
      'INVALID_ADDRESS',
      `address must be ${ADDRESS_TEXT_LENGTH} characters, got ${trimmed.length}`,
    );
  }
  const address = decodeBase32(trimmed);
  if (address === undefined) {
    throw new InputError('INVALID_ADDRESS', 'address is not canonical base32 (A-Z, 2-7, zero padding bits)');
  }
  return checkAddressBytes(address, networkIdentifier);
}

/**
 * Checks a 24-byte address (e.g. decoded from REST's raw hex form): checksum and, when given, the network.
 * @throws {InputError} INVALID_ADDRESS
 */
export function checkAddressBytes(address: Uint8Array, networkIdentifier?: number): Uint8Array {
  if (address.length !== ADDRESS_SIZE) {
    throw new InputError('INVALID_ADDRESS', `address must be ${ADDRESS_SIZE} bytes, got ${address.length}`);
  }
  const checksum = sha3_256(address.subarray(0, 21)).subarray(0, 3);
  if (!equalBytes(checksum, address.subarray(21))) {
    throw new InputError('INVALID_ADDRESS', 'address checksum does not match');
  }
  if (networkIdentifier !== undefined && address[0] !== networkIdentifier) {
    throw new InputError(
      'INVALID_ADDRESS',
      `address is for network ${String(address[0])}, expected ${String(networkIdentifier)}`,
    );
  }
  return address;
}
