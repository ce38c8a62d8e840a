/**
 * openRecordsBatch on both cores (docs/performance.md "Both cores"): for inputs large enough to pay for a worker
 * thread's start-up (about 40 ms: a fresh V8 isolate that loads the crypto modules), the records are cut into
 * contiguous shares; worker threads open the later shares while this thread opens the first, and the results are
 * put back in input order. Small inputs, and runs from the TypeScript sources (tests: the worker file exists only
 * compiled, in dist/), stay in this thread. The outcome is the same either way. node:worker_threads is loaded only
 * when workers start: one message never needs it (docs/performance.md, "Start-up, third pass").
 */
import { availableParallelism } from 'node:os';
import type { Worker as WorkerThread } from 'node:worker_threads';
import { openRecordsBatch, type OpenedRecord } from './openRecordsBatch.js';
import { unpackOpenedRecords } from './packOpenedRecords.js';

/** Below this many records a second thread costs more than it saves. */
export const PARALLEL_THRESHOLD = 1024;

/** Options of openRecordsInParallel. */
export interface ParallelOptions {
  /** Threads to use in all, this one included; default: the available parallelism. */
  readonly threads?: number;
  /** The smallest input that gets more than one thread; default PARALLEL_THRESHOLD. */
  readonly threshold?: number;
}

const RECORD_SIZE = 124;
/** The fraction of all records this thread opens less than an equal share (splitShares). */
const MAIN_SHARE_DISCOUNT = 0.025;
const MAX_THREADS = 8;
const YOUNG_GENERATION_MB = 4;
const WORKER_URL = new URL('./openRecordsWorker.js', import.meta.url);

/** The results of openRecordsBatch(nodePrivateKey, records), in order, computed on up to `threads` threads. */
export async function openRecordsInParallel(
  nodePrivateKey: Uint8Array,
  records: readonly Uint8Array[],
  options: ParallelOptions = {},
): Promise<OpenedRecord[]> {
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  // at most MAX_THREADS isolates: each holds a copy of the node key and tens of MB
  const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
  const wanted = Math.min(threads, Math.floor(records.length / threshold));
  // A record of the wrong size gets its INVALID_MESSAGE from openRecordsBatch, in this thread.
  const inThread =
    wanted < 2 || import.meta.url.endsWith('.ts') || records.some((record) => record.length !== RECORD_SIZE);
  if (inThread) return openRecordsBatch(nodePrivateKey, records);

  const shares = splitShares(records, wanted);
  // the workers take shares 1…n-1 (they start in the background), this thread opens share 0 meanwhile
  const { Worker } = await import('node:worker_threads');
  const inWorkers = Promise.all(shares.slice(1).map((share) => openInWorker(Worker, nodePrivateKey, share)));
  inWorkers.catch(() => undefined); // awaited below; no unhandled rejection if this thread's share throws first
  const here = openRecordsBatch(nodePrivateKey, shares[0]!);
  return [...here, ...(await inWorkers).flat()];
}

/**
 * Contiguous shares, the first for this thread. The workers start ~20 ms after this thread, but this thread has
 * more to do afterwards: the reports and the JSON document of every record, about 5 % of the cost of opening one
 * (docs/performance.md, "Both cores"). So it takes MAIN_SHARE_DISCOUNT of the records less than an equal share,
 * and the workers finish about when it does.
 */
function splitShares(records: readonly Uint8Array[], threads: number): Uint8Array[][] {
  const mainSize = Math.max(0, Math.round(records.length * (1 / threads - MAIN_SHARE_DISCOUNT)));
  const workerSize = Math.ceil((records.length - mainSize) / (threads - 1));
  return [
    records.slice(0, mainSize),
    ...Array.from({ length: threads - 1 }, (_, index) =>
      records.slice(mainSize + index * workerSize, mainSize + (index + 1) * workerSize),
    ),
  ];
}

function openInWorker(
  Worker: typeof WorkerThread,
  nodePrivateKey: Uint8Array,
  records: readonly Uint8Array[],
): Promise<OpenedRecord[]> {
  const contiguous = new Uint8Array(records.length * RECORD_SIZE);
  records.forEach((record, index) => contiguous.set(record, index * RECORD_SIZE));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { nodePrivateKey, records: contiguous }, // structured clone: the worker gets its own copy
      transferList: [contiguous.buffer],
      // The work makes short-lived garbage only: a small young generation keeps the process's peak memory down.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('message', (packed: Uint8Array) => resolve(unpackOpenedRecords(packed, records)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`decrypt worker exited with code ${code}`));
    });
  });
}
