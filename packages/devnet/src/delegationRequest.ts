/**
 * How a devnet node opens a PersistentDelegationRequest, with symbol-sdk and Node only (never the product's
 * crypto: the devnet must judge it, docs/devnet.md). Layout of the message (docs/protocol.md):
 *
 *   offset  size  content
 *        0     8  marker FE 2A 80 61 57 73 01 E2
 *        8    32  ephemeral public key (the node's request identifier)
 *       40    16  AES-256-GCM tag
 *       56    12  IV
 *       68    64  ciphertext of remoteSigningPrivateKey(32) | vrfPrivateKey(32)
 *
 * `harvesters.dat` stores bytes 8..132 of each accepted message: a 124-byte record.
 */
import { createDecipheriv } from 'node:crypto';
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder } from 'symbol-sdk/symbol';
import { concatBytes } from './bytes.js';

/** First 8 bytes of every delegation message. */
export const DELEGATION_MARKER = Uint8Array.of(0xfe, 0x2a, 0x80, 0x61, 0x57, 0x73, 0x01, 0xe2);
/** Size of one record of harvesters.dat (a message without its marker). */
export const DELEGATION_RECORD_SIZE = 124;
/** Size of a whole delegation message; the node drops any other size. */
export const DELEGATION_MESSAGE_SIZE = DELEGATION_MARKER.length + DELEGATION_RECORD_SIZE;

/** The outcome of opening one 124-byte record with a node key. */
export type OpenedDelegationRequest =
  | {
      readonly ok: true;
      readonly requestId: Uint8Array;
      readonly remotePrivateKey: Uint8Array;
      readonly vrfPrivateKey: Uint8Array;
      /** The ephemeral key was refused, and the all-zero AES key the node falls back to opened the record. */
      readonly zeroKeyFallback: boolean;
    }
  | {
      readonly ok: false;
      readonly requestId: Uint8Array;
      /** INVALID_EPHEMERAL_KEY: refused key and the zero key fails too; AUTHENTICATION_FAILED: wrong key or tampered. */
      readonly failure: 'INVALID_EPHEMERAL_KEY' | 'AUTHENTICATION_FAILED';
    };

/** Opens delegation records with one node's transport key. */
export class DelegationRequestOpener {
  readonly nodePublicKey: Uint8Array;
  private readonly encoder: MessageEncoder;

  constructor(nodePrivateKey: Uint8Array) {
    const keyPair = new KeyPair(new PrivateKey(nodePrivateKey));
    this.nodePublicKey = keyPair.publicKey.bytes;
    this.encoder = new MessageEncoder(keyPair);
  }

  /**
   * Opens a 124-byte record (ephemeral key | tag | iv | ciphertext) as catapult does. A refused ephemeral key is no
   * error for the node: its ScalarMult returns false and DeriveSharedKey gives the all-zero key (catapult
   * crypto/SharedKey.cpp, CryptoUtils.cpp), with which the node still tries the record.
   * @throws {Error} when the record is not 124 bytes
   */
  open(record: Uint8Array): OpenedDelegationRequest {
    if (record.length !== DELEGATION_RECORD_SIZE) {
      throw new Error(`delegation record must be ${DELEGATION_RECORD_SIZE} bytes, got ${record.length}`);
    }
    const requestId = record.slice(0, 32);
    // The neutral element passes symbol-sdk's point checks (it is canonical and [L]O = O), so tryDecode would agree
    // a key with it; the node refuses it (its shared secret s·O is neutral). Go straight to the node's fallback.
    if (isNeutralElement(requestId)) return this.openWithZeroKey(record, requestId);
    const decoded = this.encoder.tryDecode(
      new PublicKey(this.nodePublicKey),
      concatBytes(DELEGATION_MARKER, record),
    );
    if (decoded.isDecoded && decoded.message.length === 64) {
      return {
        ok: true,
        requestId,
        remotePrivateKey: decoded.message.slice(0, 32),
        vrfPrivateKey: decoded.message.slice(32),
        zeroKeyFallback: false,
      };
    }
    if (this.acceptsEphemeralKey(requestId))
      return { ok: false, requestId, failure: 'AUTHENTICATION_FAILED' };
    return this.openWithZeroKey(record, requestId);
  }

  /**
   * The node's rule for the other public key of a key agreement: canonical (y < 2^255 - 19), on the curve and in
   * the prime-order subgroup ([L]A = O), i.e. catapult's IsCanonicalKey + UnpackNegative + IsInMainSubgroup.
   * symbol-sdk applies exactly these checks before it derives a shared key (src/SharedKey.js, 'invalid point'), but
   * does not export them; tryDecode hides the refusal among authentication failures, so we ask `encode`, which
   * derives the same shared key and lets the refusal through. The neutral element is handled by the caller.
   */
  private acceptsEphemeralKey(publicKey: Uint8Array): boolean {
    try {
      this.encoder.encode(new PublicKey(publicKey), new Uint8Array(0));
      return true;
    } catch (error) {
      if (error instanceof Error && error.message.includes('invalid point')) return false;
      throw error;
    }
  }

  private openWithZeroKey(record: Uint8Array, requestId: Uint8Array): OpenedDelegationRequest {
    const plaintext = decryptAesGcm(new Uint8Array(32), record.subarray(32));
    if (plaintext?.length !== 64) return { ok: false, requestId, failure: 'INVALID_EPHEMERAL_KEY' };
    return {
      ok: true,
      requestId,
      remotePrivateKey: plaintext.slice(0, 32),
      vrfPrivateKey: plaintext.slice(32),
      zeroKeyFallback: true,
    };
  }
}

/** The 124-byte records of a harvesters.dat file. @throws {Error} when the size is not a whole number of records */
export function splitHarvestersFile(content: Uint8Array): Uint8Array[] {
  if (content.length % DELEGATION_RECORD_SIZE !== 0) {
    throw new Error(
      `harvesters file is ${content.length} bytes, not a multiple of ${DELEGATION_RECORD_SIZE}`,
    );
  }
  const records: Uint8Array[] = [];
  for (let offset = 0; offset < content.length; offset += DELEGATION_RECORD_SIZE) {
    records.push(content.subarray(offset, offset + DELEGATION_RECORD_SIZE));
  }
  return records;
}

/**
 * True for both encodings of the neutral element (0, 1): y = 1 with the sign bit of x clear or set (x = 0, so the
 * sign bit says nothing and catapult's unpacking accepts both).
 */
function isNeutralElement(publicKey: Uint8Array): boolean {
  if (publicKey[0] !== 1 || (publicKey[31]! & 0x7f) !== 0) return false;
  return publicKey.subarray(1, 31).every((byte) => byte === 0);
}

/** AES-256-GCM over tag(16) | iv(12) | ciphertext; undefined when the tag does not authenticate. */
function decryptAesGcm(key: Uint8Array, sealed: Uint8Array): Uint8Array | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(16, 28));
  decipher.setAuthTag(sealed.subarray(0, 16));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]));
  } catch {
    return undefined;
  }
}
