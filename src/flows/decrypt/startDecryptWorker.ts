/**
 * One decrypt worker thread (openRecordsWorker.ts) as openRecordsAsFound.ts starts it, and the settings of the
 * worker pool. node:worker_threads is passed in: it is loaded only when workers start (one message never needs it).
 */
import type { Worker as WorkerThread } from 'node:worker_threads';

/** Below this many records the workers' start-up costs more than they save: the records are opened in this thread. */
export const PARALLEL_THRESHOLD = 1024;

/** Options of openRecordsAsFound and openRecordsInParallel. */
export interface ParallelOptions {
  /** Worker threads to start; default: the available parallelism (at most MAX_THREADS). Below 2, none. */
  readonly threads?: number;
  /** The fewest records that get workers; default PARALLEL_THRESHOLD. */
  readonly threshold?: number;
}

/** Size of one record. */
export const RECORD_SIZE = 124;
/** At most this many worker isolates: each holds a copy of the node key and tens of MB. */
export const MAX_THREADS = 8;
const YOUNG_GENERATION_MB = 4;
const WORKER_URL = new URL('./openRecordsWorker.js', import.meta.url);

/** A worker for `nodePrivateKey`: it opens each batch of records it is sent until it is sent 'close'. */
export function startDecryptWorker(Worker: typeof WorkerThread, nodePrivateKey: Uint8Array): WorkerThread {
  return new Worker(WORKER_URL, {
    // structured clone: the worker gets its own copy of the key
    workerData: { nodePrivateKey },
    // The work makes short-lived garbage only: a small young generation keeps the process's peak memory down.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
}

/** Records one after the other in one buffer, the form a worker is sent. */
export function contiguousRecords(records: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const contiguous = new Uint8Array(records.length * RECORD_SIZE);
  records.forEach((record, index) => contiguous.set(record, index * RECORD_SIZE));
  return contiguous;
}
