/**
 * The node's transport key: delegation requests are encrypted to it and sent to its address (docs/protocol.md,
 * "Which key"). It is validated once, where it enters, and travels as this type afterwards, so that no later step
 * encrypts keys to a point it has not checked. Which error an unsafe key is depends only on who gave it
 * (docs/errors.md): the user (INVALID_KEY, exit 2, fix the flag) or the node (UNSAFE_NODE_KEY, exit 4, a refusal).
 */
import { toHex } from '../bytes.js';
import { decodePrimeOrderPoint } from '../crypto/sharedKey.js';
import { InputError, RejectedError } from '../errors.js';
import { parsePublicKey } from '../keys.js';

declare const validated: unique symbol;

/** A transport key checked to be a canonical, torsion-free curve point. */
export type NodeTransportKey = Uint8Array & { readonly [validated]: true };

/**
 * A key given on the command line (64 hex digits).
 * @throws {InputError} INVALID_KEY when it is not a key or not a safe point (from parsePublicKey and decodePrimeOrderPoint)
 */
export function nodeKeyFromUser(text: string, name = 'node public key'): NodeTransportKey {
  const bytes = parsePublicKey(text, name);
  decodePrimeOrderPoint(bytes, name); // throws INVALID_KEY
  return bytes as NodeTransportKey;
}

/** True when `bytes` would pass as a transport key (what `harvest node` shows as transportKeySafe). */
export function isSafeTransportKey(bytes: Uint8Array): boolean {
  try {
    decodePrimeOrderPoint(bytes, 'node transport key');
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/**
 * A key the node published (/node/info nodePublicKey).
 * @throws {RejectedError} UNSAFE_NODE_KEY when it is not a safe point
 */
export function nodeKeyFromNode(bytes: Uint8Array): NodeTransportKey {
  try {
    decodePrimeOrderPoint(bytes, 'node transport key');
  } catch (error) {
    throw new RejectedError(
      'UNSAFE_NODE_KEY',
      `refusing to encrypt keys to node key ${toHex(bytes)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return bytes as NodeTransportKey;
}
