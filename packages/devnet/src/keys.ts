/**
 * Keys and addresses of the devnet, with symbol-sdk and node:crypto only (docs/devnet.md): public keys from
 * symbol-sdk's KeyPair, addresses from its Network, the node's PKCS#8 PEM from node:crypto.
 */
import { createPrivateKey } from 'node:crypto';
import { Hash256, PrivateKey, PublicKey } from 'symbol-sdk';
import { Address, KeyPair, Network } from 'symbol-sdk/symbol';
import { parseHex } from './bytes.js';
import { DEVNET_NETWORK_IDENTIFIER, DEVNET_NETWORK_NAME } from './settings.js';

/**
 * The devnet network for address derivation and checks, which only read its identifier byte (the real seed and
 * epoch are set per devnet in startDevnet).
 */
const ADDRESS_NETWORK = new Network(
  DEVNET_NETWORK_NAME,
  DEVNET_NETWORK_IDENTIFIER,
  new Date(0),
  new Hash256(new Uint8Array(32)),
);

/** The Ed25519 public key of a 32-byte private key (seed). */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return new KeyPair(new PrivateKey(privateKey)).publicKey.bytes;
}

/** The 24-byte devnet address of a public key. */
export function addressOf(publicKey: Uint8Array): Uint8Array {
  // Typed `any` by symbol-sdk's generic base class; it is the symbol Address.
  return (ADDRESS_NETWORK.publicKeyToAddress(new PublicKey(publicKey)) as Address).bytes;
}

/** The 39-character base32 form of an address. */
export function encodeAddress(address: Uint8Array): string {
  return new Address(address).toString();
}

/**
 * Decodes a base32 address of the devnet: 39 characters of A-Z and 2-7, canonical (zero padding bits, i.e. it
 * encodes back to itself), a valid checksum and the devnet's identifier.
 * @throws {Error} when any of these fails
 */
export function parseAddress(text: string): Uint8Array {
  const trimmed = text.trim();
  if (!ADDRESS_NETWORK.isValidAddressString(trimmed)) throw new Error('not a devnet address');
  const address = new Address(trimmed);
  if (address.toString() !== trimmed) throw new Error('address is not canonical base32');
  return address.bytes;
}

/** PKCS#8 (version 0) DER prefix of an Ed25519 private key (RFC 8410), as OpenSSL writes node.key.pem. */
const PKCS8_ED25519_PREFIX = Uint8Array.from(Buffer.from('302e020100300506032b657004220420', 'hex'));

/** PEM text of an Ed25519 seed, as catapult's tools write a node's node.key.pem. */
export function encodeNodeKeyPem(seed: Uint8Array): string {
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();
}

/**
 * The seed of a key file: 64 hex digits, or a PKCS#8 Ed25519 PEM (read by node:crypto).
 * @throws {Error} naming the file when it holds neither
 */
export function parsePrivateKeyFile(text: string, file: string): Uint8Array {
  if (!text.includes('-----BEGIN')) return parseHex(text, file, 32);
  const key = createPrivateKey({ key: text, format: 'pem' });
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519' || jwk.d === undefined) {
    throw new Error(`${file} is not an Ed25519 private key`);
  }
  return new Uint8Array(Buffer.from(jwk.d, 'base64url'));
}
