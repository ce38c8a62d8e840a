/**
 * The PersistentDelegationRequest message: how an account hands its remote and VRF private keys to a node,
 * readable only with the node's transport (TLS) private key (docs/protocol.md §2.1; symbol/symbol
 * sdk/javascript/src/symbol/MessageEncoder.js and client/catapult/extensions/harvesting/src/HarvestRequest.cpp).
 *
 *   offset  size  content
 *        0     8  marker FE 2A 80 61 57 73 01 E2 (the node reads it as the LE uint64 0xE201735761802AFE)
 *        8    32  ephemeral public key; doubles as the node's request identifier
 *       40    16  AES-256-GCM tag
 *       56    12  AES-GCM IV
 *       68    64  ciphertext of remoteSigningPrivateKey(32) | vrfPrivateKey(32)
 *      132        total; the node rejects any other size
 *
 * The AES key is deriveSharedKey(ephemeral private key, node public key), so the node opens it with
 * deriveSharedKey(node private key, ephemeral public key). `harvesters.dat` stores bytes 8..132 of each
 * accepted message (a 124-byte record).
 */
import { concatBytes, wipe } from '../bytes.js';
import { InputError } from '../errors.js';
import { delegationSealerFor } from './createDelegationSealer.js';
import {
  DELEGATION_MARKER,
  type DelegatedKeys,
  type OpenedDelegation,
  type RandomBytes,
} from './delegationFormat.js';
import { delegationOpenerFor } from './openDelegationRecords.js';

export {
  DELEGATION_MARKER,
  DELEGATION_MESSAGE_SIZE,
  DELEGATION_RECORD_SIZE,
  extractDelegationRecord,
  hasDelegationMarker,
  type DelegatedKeys,
  type OpenedDelegation,
  type OpenFailure,
  type RandomBytes,
} from './delegationFormat.js';

/**
 * Seals the remote and VRF private keys for the node whose transport public key is `nodePublicKey`, with a fresh
 * ephemeral key and IV drawn from `random`.
 * @throws {InputError} INVALID_KEY when the node key is unsafe (non-canonical, off-curve, small order, torsion)
 *   or a private key is not 32 bytes
 */
export function encodeDelegationMessage(
  nodePublicKey: Uint8Array,
  keys: DelegatedKeys,
  random: RandomBytes,
): Uint8Array {
  assertPrivateKeySize(keys.remotePrivateKey, 'remote private key');
  assertPrivateKeySize(keys.vrfPrivateKey, 'VRF private key');
  // Native X25519 fast path (createDelegationSealer.ts), byte-identical to the plain noble derivation.
  const sealer = delegationSealerFor(nodePublicKey);
  const plaintext = concatBytes(keys.remotePrivateKey, keys.vrfPrivateKey);
  const record = sealer.seal(plaintext, random);
  wipe(plaintext);
  return concatBytes(DELEGATION_MARKER, record);
}

/**
 * Opens a 124-byte record (ephemeral key | tag | iv | ciphertext) exactly as the node does: a bad ephemeral key is
 * not an error for the node, it derives the all-zero AES key (catapult CryptoUtils.cpp ScalarMult returns false,
 * DeriveSharedKey returns SharedKey()), so we try that key too and report what happened.
 */
export function openDelegationRecord(nodePrivateKey: Uint8Array, record: Uint8Array): OpenedDelegation {
  // Native X25519 fast path (openDelegationRecords.ts; for many records openDelegationRecords batches the
  // inversions), proven identical to openDelegationRecordPlain.ts, including the zero-key fallback.
  return delegationOpenerFor(nodePrivateKey).open(record);
}

function assertPrivateKeySize(key: Uint8Array, name: string): void {
  if (key.length !== 32) throw new InputError('INVALID_KEY', `${name} must be 32 bytes, got ${key.length}`);
}
