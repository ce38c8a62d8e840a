/**
 * openRecordsBatch on every core, for records all known at once (`decrypt-check --harvesters`, a payload's
 * transfers): openRecordsAsFound.ts with the records added in one go. Large inputs are opened on worker threads,
 * one per core, while this thread opens one batch as they start and then waits (a share of its own would add the
 * opening's garbage to its heap: about 30 MB more peak memory for 20,000 records, docs/performance.md "Both
 * cores"); small ones here. The outcome is the same either way.
 */
import { openRecordsAsFound } from './openRecordsAsFound.js';
import type { OpenedRecord } from './openRecordsBatch.js';
import type { ParallelOptions } from './startDecryptWorker.js';

export { PARALLEL_THRESHOLD, type ParallelOptions } from './startDecryptWorker.js';

/**
 * The results of openRecordsBatch(nodePrivateKey, records), in order.
 * @throws {InputError} INVALID_MESSAGE when a record is not 124 bytes
 */
export async function openRecordsInParallel(
  nodePrivateKey: Uint8Array,
  records: readonly Uint8Array[],
  options: ParallelOptions = {},
): Promise<OpenedRecord[]> {
  const opening = openRecordsAsFound(nodePrivateKey, options);
  opening.add(records);
  return opening.results();
}
