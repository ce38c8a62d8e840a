/**
 * What every way of opening a 124-byte delegation record shares once the AES key is known (the plain noble path,
 * openDelegationRecordPlain.ts, and the native one, openDelegationRecords.ts): the size check, the AES-GCM opening,
 * and the node's all-zero key for invalid ephemeral keys. No curve arithmetic here, so the native path does not load
 * noble.
 *
 *   offset  size  content
 *        0    32  ephemeral public key (the request identifier)
 *       32    16  AES-256-GCM tag
 *       48    12  IV
 *       60    64  ciphertext of remoteSigningPrivateKey(32) | vrfPrivateKey(32)
 */
import { wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { decryptAesGcm } from './aesGcm.js';
import type { OpenedDelegation } from './delegationFormat.js';

/** Size of one record; the same value as DELEGATION_RECORD_SIZE (not imported, to keep the module graph acyclic). */
export const RECORD_SIZE = 124;

/**
 * @throws {InputError} INVALID_MESSAGE when the record is not 124 bytes
 */
export function assertRecordSize(record: Uint8Array): void {
  if (record.length !== RECORD_SIZE) {
    throw new InputError(
      'INVALID_MESSAGE',
      `delegation record must be ${RECORD_SIZE} bytes, got ${record.length}`,
    );
  }
}

/** The node's fallback for an invalid ephemeral key: the all-zero AES key. */
export function openWithZeroKey(record: Uint8Array): OpenedDelegation {
  return openWithKey(record, new Uint8Array(32), true);
}

/** Decrypts the record's sealed part with `sharedKey` (wiped afterwards); a failed tag is a value, not an error. */
export function openWithKey(
  record: Uint8Array,
  sharedKey: Uint8Array,
  zeroKeyFallback: boolean,
): OpenedDelegation {
  const requestId = record.slice(0, 32);
  const plaintext = decryptAesGcm(sharedKey, record.subarray(32));
  wipe(sharedKey);
  if (plaintext?.length !== 64) {
    return {
      ok: false,
      requestId,
      failure: zeroKeyFallback ? 'INVALID_EPHEMERAL_KEY' : 'AUTHENTICATION_FAILED',
    };
  }
  const keys = { remotePrivateKey: plaintext.slice(0, 32), vrfPrivateKey: plaintext.slice(32) };
  wipe(plaintext);
  return { ok: true, requestId, keys, zeroKeyFallback };
}
