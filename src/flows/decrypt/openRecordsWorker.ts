/**
 * Worker-thread entry of openRecordsInParallel.ts: opens its share of the records and posts the packed results
 * (packOpenedRecords.ts) back in one transfer.
 *
 *   workerData: { nodePrivateKey: 32 bytes, records: count × 124 bytes, one after the other }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wipe } from '../../core/bytes.js';
import { openRecordsBatch } from './openRecordsBatch.js';
import { packOpenedRecords } from './packOpenedRecords.js';

const RECORD_SIZE = 124;
const { nodePrivateKey, records } = workerData as { nodePrivateKey: Uint8Array; records: Uint8Array };
const split = Array.from({ length: records.length / RECORD_SIZE }, (_, index) =>
  records.subarray(index * RECORD_SIZE, (index + 1) * RECORD_SIZE),
);
const results = openRecordsBatch(nodePrivateKey, split);
const packed = packOpenedRecords(results);
for (const { opened } of results)
  if (opened.ok) wipe(opened.keys.remotePrivateKey, opened.keys.vrfPrivateKey);
wipe(nodePrivateKey);
parentPort!.postMessage(packed, [packed.buffer]);
