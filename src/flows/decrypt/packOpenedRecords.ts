/**
 * OpenedRecord[] as one byte array and back, so that a worker thread hands its results over in one transfer
 * (openRecordsInParallel.ts). The request identifier is not packed: it is the record's first 32 bytes, which the
 * receiving side holds.
 *
 *   per record, PACKED_SIZE = 129 bytes:
 *     0    1  outcome: 0 opened, 1 opened with the all-zero fallback key, 2 AUTHENTICATION_FAILED,
 *               3 INVALID_EPHEMERAL_KEY
 *     1   32  remote private key       (zero unless opened)
 *    33   32  VRF private key
 *    65   32  remote public key
 *    97   32  VRF public key
 *
 * The packed array holds private keys. The unpacked keys are views into it (one allocation for all records rather
 * than five per record, which matters for peak memory on large files): wiping each private key, as the report does,
 * wipes the packed copy.
 */
import type { OpenFailure } from '../../core/crypto/delegationFormat.js';
import type { OpenedRecord } from './openRecordsBatch.js';

const PACKED_SIZE = 129;
const FAILURES: readonly OpenFailure[] = ['AUTHENTICATION_FAILED', 'INVALID_EPHEMERAL_KEY'];

/** Packs the results (private keys copied in; the caller wipes the originals). */
export function packOpenedRecords(results: readonly OpenedRecord[]): Uint8Array<ArrayBuffer> {
  const packed = new Uint8Array(results.length * PACKED_SIZE);
  results.forEach(({ opened, remotePublicKey, vrfPublicKey }, index) => {
    const offset = index * PACKED_SIZE;
    if (!opened.ok) {
      packed[offset] = 2 + FAILURES.indexOf(opened.failure);
      return;
    }
    packed[offset] = opened.zeroKeyFallback ? 1 : 0;
    packed.set(opened.keys.remotePrivateKey, offset + 1);
    packed.set(opened.keys.vrfPrivateKey, offset + 33);
    packed.set(remotePublicKey!, offset + 65);
    packed.set(vrfPublicKey!, offset + 97);
  });
  return packed;
}

/** The results of `packed` for `records` (the same order), as views into `packed`. */
export function unpackOpenedRecords(packed: Uint8Array, records: readonly Uint8Array[]): OpenedRecord[] {
  return records.map((record, index): OpenedRecord => {
    const offset = index * PACKED_SIZE;
    const outcome = packed[offset]!;
    const requestId = record.subarray(0, 32);
    if (outcome >= 2) return { opened: { ok: false, requestId, failure: FAILURES[outcome - 2]! } };
    return {
      opened: {
        ok: true,
        requestId,
        keys: {
          remotePrivateKey: packed.subarray(offset + 1, offset + 33),
          vrfPrivateKey: packed.subarray(offset + 33, offset + 65),
        },
        zeroKeyFallback: outcome === 1,
      },
      remotePublicKey: packed.subarray(offset + 65, offset + 97),
      vrfPublicKey: packed.subarray(offset + 97, offset + 129),
    };
  });
}
