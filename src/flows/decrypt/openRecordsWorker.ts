/**
 * Worker-thread entry of openRecordsAsFound.ts: opens each batch of records it is sent and posts the packed results
 * (packOpenedRecords.ts) back, one transfer per batch, in the order received, until it is sent 'close'.
 *
 *   workerData: { nodePrivateKey: 32 bytes }
 *   message in: count × 124 bytes, records one after the other (or 'close')
 *   message out: count × 129 bytes (packOpenedRecords)
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wipe } from '../../core/bytes.js';
import { forgetDelegationOpener } from '../../core/crypto/openDelegationRecords.js';
import { openRecordsBatch } from './openRecordsBatch.js';
import { packOpenedRecords } from './packOpenedRecords.js';

const RECORD_SIZE = 124;
const { nodePrivateKey } = workerData as { nodePrivateKey: Uint8Array };

/** The packed results of contiguous records; the opened private keys are wiped once packed. */
function openPacked(contiguous: Uint8Array): Uint8Array<ArrayBuffer> {
  const split = Array.from({ length: contiguous.length / RECORD_SIZE }, (_, index) =>
    contiguous.subarray(index * RECORD_SIZE, (index + 1) * RECORD_SIZE),
  );
  const results = openRecordsBatch(nodePrivateKey, split);
  const packed = packOpenedRecords(results);
  for (const { opened } of results)
    if (opened.ok) wipe(opened.keys.remotePrivateKey, opened.keys.vrfPrivateKey);
  return packed;
}

parentPort!.on('message', (message: Uint8Array | 'close') => {
  if (message === 'close') {
    wipe(nodePrivateKey);
    forgetDelegationOpener(); // the opener's own copy of the key
    parentPort!.close();
    return;
  }
  const packed = openPacked(message);
  parentPort!.postMessage(packed, [packed.buffer]);
});
