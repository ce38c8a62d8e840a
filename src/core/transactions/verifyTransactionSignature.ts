/**
 * Checks the signer's Ed25519 signature of a signed top-level transaction for one network (docs/protocol.md §3.3):
 * the signature at bytes 8..72 must verify under the signer key at 72..104 over generationHashSeed | data, where
 * data is what hashTransaction.ts draws. A payload signed for another network (another seed) fails here, which is
 * how `harvest announce` tells a file for another network from one for the node's before announcing anything.
 */
import { createPublicKey, verify } from 'node:crypto';
import { concatBytes } from '../bytes.js';
import { extractSigningData, SIGNATURE_OFFSET, SIGNER_OFFSET } from './hashTransaction.js';

/** True when the payload carries a valid signature of its signer for the network of `generationHashSeed`. */
export function verifyTransactionSignature(payload: Uint8Array, generationHashSeed: Uint8Array): boolean {
  const data = extractSigningData(payload);
  const signature = payload.subarray(SIGNATURE_OFFSET, SIGNER_OFFSET);
  const signer = payload.subarray(SIGNER_OFFSET, SIGNER_OFFSET + 32);
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64Url(signer) }, format: 'jwk' });
    return verify(null, concatBytes(generationHashSeed, data), key, signature);
  } catch {
    return false; // a signer that is not a point cannot have signed anything
  }
}

/** True when the signature field is all zeros (an unsigned plan's payload). */
export function isUnsigned(payload: Uint8Array): boolean {
  return payload.subarray(SIGNATURE_OFFSET, SIGNER_OFFSET).every((byte) => byte === 0);
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
