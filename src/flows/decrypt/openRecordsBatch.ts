/**
 * The per-record work of a decrypt check, in one thread: open every record with the node key (native X25519, the
 * field inversions shared across the batch) and derive the public keys of the remote and VRF keys it carries
 * (OpenSSL). The private keys stay in the result: the report decides whether to show them (--show-secrets).
 */
import { derivePublicKeyNatively } from '../../core/crypto/derivePublicKeyNatively.js';
import type { OpenedDelegation } from '../../core/crypto/delegationFormat.js';
import { openDelegationRecords } from '../../core/crypto/openDelegationRecords.js';

/** One opened record and, when it opened, the public keys of the keys inside. */
export interface OpenedRecord {
  readonly opened: OpenedDelegation;
  readonly remotePublicKey?: Uint8Array;
  readonly vrfPublicKey?: Uint8Array;
}

/** Opens `records` (124 bytes each) in order; the same outcome as openDelegationRecord on each. */
export function openRecordsBatch(nodePrivateKey: Uint8Array, records: readonly Uint8Array[]): OpenedRecord[] {
  return openDelegationRecords(nodePrivateKey, records).map((opened) =>
    opened.ok
      ? {
          opened,
          remotePublicKey: derivePublicKeyNatively(opened.keys.remotePrivateKey),
          vrfPublicKey: derivePublicKeyNatively(opened.keys.vrfPrivateKey),
        }
      : { opened },
  );
}
