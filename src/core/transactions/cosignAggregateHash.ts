/**
 * A cosignature of a bonded aggregate (docs/protocol.md §3.8; symbol-sdk 3.3.2 SymbolFacade.cosignTransactionHash):
 * the cosignatory's Ed25519 signature of the aggregate's 32-byte HASH itself — no generation hash seed in front, the
 * hash already binds the network.
 *
 *   Cosignature          version(8) = 0 | signer_public_key(32) | signature(64)                    = 104 bytes
 *   DetachedCosignature  version(8) = 0 | signer_public_key(32) | signature(64) | parent_hash(32) = 136 bytes
 *
 * The attached form is appended to the aggregate after payload_size (outside the signed bytes); the detached form is
 * what PUT /transactions/cosignature carries, as JSON {version, signerPublicKey, signature, parentHash}.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { InputError } from '../errors.js';
import { derivePublicKey } from '../keys.js';

/** A detached cosignature: who cosigned which aggregate. */
export interface DetachedCosignature {
  readonly version: bigint;
  readonly signerPublicKey: Uint8Array;
  readonly signature: Uint8Array;
  /** The hash of the aggregate cosigned. */
  readonly parentHash: Uint8Array;
}

/** Cosigns the aggregate whose hash is `aggregateHash` with `privateKey`. */
export function cosignAggregateHash(aggregateHash: Uint8Array, privateKey: Uint8Array): DetachedCosignature {
  if (aggregateHash.length !== 32) {
    throw new InputError('INVALID_INPUT', `a cosignature signs a 32-byte hash, got ${aggregateHash.length}`);
  }
  const signerPublicKey = derivePublicKey(privateKey);
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: base64Url(privateKey), x: base64Url(signerPublicKey) },
    format: 'jwk',
  });
  const signature = new Uint8Array(sign(null, aggregateHash, key));
  return { version: 0n, signerPublicKey, signature, parentHash: aggregateHash.slice() };
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
