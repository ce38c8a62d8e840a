/**
 * Checks one cosignature of an aggregate (docs/protocol.md §3.8): Ed25519 of the aggregate's hash under the
 * cosignatory's key. `harvest cosign` checks the cosignatures a node reports before counting them as given.
 */
import { createPublicKey, verify } from 'node:crypto';

/** True when `signature` is `signerPublicKey`'s signature of `aggregateHash`. */
export function verifyCosignature(
  aggregateHash: Uint8Array,
  signerPublicKey: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (aggregateHash.length !== 32 || signerPublicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: base64Url(signerPublicKey) },
      format: 'jwk',
    });
    return verify(null, aggregateHash, key, signature);
  } catch {
    return false; // a key that is not a point cannot have signed anything
  }
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
