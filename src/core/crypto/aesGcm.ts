/**
 * AES-256-GCM in Symbol's layout (symbol/symbol client/catapult/src/catapult/crypto/AesDecrypt.cpp;
 * sdk/javascript/src/impl/CipherHelpers.js), no associated data:
 *
 *   tag(16) | iv(12) | ciphertext(n)
 *
 * Node's and WebCrypto's GCM output is ciphertext|tag, so the parts are reordered here.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { concatBytes } from '../bytes.js';

/** Sizes in bytes of the GCM tag and IV Symbol uses. */
export const GCM_TAG_SIZE = 16;
export const GCM_IV_SIZE = 12;

/** The sealed form of `plaintext`: tag | iv | ciphertext. */
export function encryptAesGcm(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = concatBytes(cipher.update(plaintext), cipher.final());
  return concatBytes(cipher.getAuthTag(), iv, ciphertext);
}

/** The plaintext of tag | iv | ciphertext, or undefined when the tag does not authenticate it under `key`. */
export function decryptAesGcm(key: Uint8Array, sealed: Uint8Array): Uint8Array | undefined {
  if (sealed.length < GCM_TAG_SIZE + GCM_IV_SIZE) return undefined;
  const tag = sealed.subarray(0, GCM_TAG_SIZE);
  const iv = sealed.subarray(GCM_TAG_SIZE, GCM_TAG_SIZE + GCM_IV_SIZE);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  try {
    return concatBytes(decipher.update(sealed.subarray(GCM_TAG_SIZE + GCM_IV_SIZE)), decipher.final());
  } catch {
    return undefined;
  }
}
