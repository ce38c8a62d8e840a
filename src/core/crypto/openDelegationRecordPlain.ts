/**
 * The plain (pure JS, noble) way to open a 124-byte delegation record (layout in openRecordWithKey.ts): the
 * reference the native fast path (openDelegationRecords.ts) is tested against.
 */
import { InputError } from '../errors.js';
import type { OpenedDelegation } from './delegationFormat.js';
import { assertRecordSize, openWithKey, openWithZeroKey } from './openRecordWithKey.js';
import { deriveSharedKey } from './sharedKey.js';

/**
 * Opens a record exactly as the node does, with noble's scalar multiplication: a bad ephemeral key is not an error
 * for the node, it derives the all-zero AES key (catapult CryptoUtils.cpp ScalarMult returns false, DeriveSharedKey
 * returns SharedKey()), so that key is tried too and the outcome says so.
 */
export function openDelegationRecordPlain(nodePrivateKey: Uint8Array, record: Uint8Array): OpenedDelegation {
  assertRecordSize(record);
  let sharedKey: Uint8Array;
  try {
    sharedKey = deriveSharedKey(nodePrivateKey, record.subarray(0, 32));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return openWithZeroKey(record);
  }
  return openWithKey(record, sharedKey, false);
}
