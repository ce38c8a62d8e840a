/**
 * The fixed shape of a delegation message (delegationMessage.ts has the byte layout), the checks of that shape, and
 * the types its sealer and openers share. A leaf module: delegationMessage.ts, createDelegationSealer.ts and
 * openDelegationRecords*.ts all import it, and it imports none of them, so the crypto modules form no import cycle
 * (docs/ARCHITECTURE.md), and a command that only opens requests (decrypt-check) does not load the sealer.
 */
import { equalBytes } from '../bytes.js';
import { InputError } from '../errors.js';

/** First 8 bytes of every delegation message. */
export const DELEGATION_MARKER = Uint8Array.of(0xfe, 0x2a, 0x80, 0x61, 0x57, 0x73, 0x01, 0xe2);
/** Size of a whole delegation message. */
export const DELEGATION_MESSAGE_SIZE = 132;
/** Size of a message without its marker: one record of harvesters.dat. */
export const DELEGATION_RECORD_SIZE = 124;

/** Source of randomness (core/ports.ts); injected so that tests can reproduce a message byte for byte. */
export type { RandomBytes } from '../ports.js';

/** The two private keys a delegation hands to the node. */
export interface DelegatedKeys {
  readonly remotePrivateKey: Uint8Array;
  readonly vrfPrivateKey: Uint8Array;
}

/** Why a record could not be opened, as a value (a message that is not ours is not an exception). */
export type OpenFailure =
  /** The ephemeral key is not a canonical prime-order point: the node derives an all-zero AES key for it. */
  | 'INVALID_EPHEMERAL_KEY'
  /** The GCM tag does not authenticate: sealed for another node, or tampered with. */
  | 'AUTHENTICATION_FAILED';

/** The outcome of opening one 124-byte record with the node key. */
export type OpenedDelegation =
  | {
      readonly ok: true;
      readonly requestId: Uint8Array;
      readonly keys: DelegatedKeys;
      /** True when the ephemeral key was invalid and the node's all-zero fallback key opened it: anyone can read it. */
      readonly zeroKeyFallback: boolean;
    }
  | { readonly ok: false; readonly requestId: Uint8Array; readonly failure: OpenFailure };

/** True when `message` starts with the delegation marker (whatever its length). */
export function hasDelegationMarker(message: Uint8Array): boolean {
  return message.length >= DELEGATION_MARKER.length && equalBytes(message.subarray(0, 8), DELEGATION_MARKER);
}

/**
 * The 124-byte record inside a whole message, after checking marker and size.
 * @throws {InputError} INVALID_MESSAGE for a wrong marker or size
 */
export function extractDelegationRecord(message: Uint8Array): Uint8Array {
  if (!hasDelegationMarker(message)) {
    throw new InputError(
      'INVALID_MESSAGE',
      'message does not start with the delegation marker FE2A8061577301E2',
    );
  }
  if (message.length !== DELEGATION_MESSAGE_SIZE) {
    throw new InputError(
      'INVALID_MESSAGE',
      `delegation message must be ${DELEGATION_MESSAGE_SIZE} bytes, got ${message.length}`,
    );
  }
  return message.subarray(DELEGATION_MARKER.length);
}
