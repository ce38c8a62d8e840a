/**
 * Opening records while a search is still finding them (`harvest requests`: the pages of /transactions/confirmed
 * arrive one after another, then the accounts are read). Once `threshold` records are known, one worker per core
 * starts and is sent batches of BATCH_SIZE records as they come, at most IN_FLIGHT unanswered per worker; this
 * thread opens one batch while they start, then goes on reading pages and accounts, so the opening overlaps the
 * REST exchanges instead of following them (docs/performance.md, "Both cores").
 *
 * A history too short to pay for workers, a run from the TypeScript sources (the worker file exists only compiled)
 * or one thread opens everything here at the end, in one batch. Either way the results are those of
 * openRecordsBatch on all records, in the order added.
 */
import { availableParallelism } from 'node:os';
import type { Worker as WorkerThread } from 'node:worker_threads';
import { assertRecordSize } from '../../core/crypto/openRecordWithKey.js';
import { openRecordsBatch, type OpenedRecord } from './openRecordsBatch.js';
import { unpackOpenedRecords } from './packOpenedRecords.js';
import {
  contiguousRecords,
  MAX_THREADS,
  PARALLEL_THRESHOLD,
  startDecryptWorker,
  type ParallelOptions,
} from './startDecryptWorker.js';

/** Records per message to a worker: a few tens of milliseconds of work, a few hundred messages at most. */
const BATCH_SIZE = 256;
/** Batches a worker holds at once: one being opened, one waiting, so that it never idles between answers. */
const IN_FLIGHT = 2;

/** Records being opened, added as they are found. */
export interface RecordsBeingOpened {
  /**
   * Adds records (124 bytes each) after those already added.
   * @throws {InputError} INVALID_MESSAGE for a record of another size (nothing of this call is added)
   */
  add(records: readonly Uint8Array[]): void;
  /** The results of every record added, in order. Call once, after the last add. */
  results(): Promise<OpenedRecord[]>;
  /** Stops the workers without results (the search failed): they finish the batches they hold, wipe and end. */
  cancel(): Promise<void>;
}

interface PoolWorker {
  readonly worker: WorkerThread;
  /** The batches sent and not yet answered, oldest first: where their results go. */
  readonly sent: { readonly start: number; readonly records: readonly Uint8Array[] }[];
  /** Records sent and not yet answered. */
  load: number;
}

/** Starts opening records for `nodePrivateKey` as they are added. */
export function openRecordsAsFound(
  nodePrivateKey: Uint8Array,
  options: ParallelOptions = {},
): RecordsBeingOpened {
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
  const mayUseWorkers = threads >= 2 && !import.meta.url.endsWith('.ts');
  const key = new Uint8Array(nodePrivateKey); // a copy: the caller may wipe its key before the workers start
  const all: Uint8Array[] = [];
  const results: OpenedRecord[] = [];
  let sentUpTo = 0;
  let received = 0;
  let pool: Promise<PoolWorker[]> | undefined;
  let finished = false;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  done.catch(() => undefined); // awaited by results(); a worker failing before then is not unhandled

  const checkDone = () => {
    if (finished && received === all.length) settle!.resolve();
  };

  const startPool = async (): Promise<PoolWorker[]> => {
    const { Worker } = await import('node:worker_threads');
    return Array.from({ length: threads }, () => {
      const entry: PoolWorker = { worker: startDecryptWorker(Worker, key), sent: [], load: 0 };
      entry.worker.on('message', (packed: Uint8Array) => {
        const batch = entry.sent.shift()!;
        unpackOpenedRecords(packed, batch.records).forEach((result, index) => {
          results[batch.start + index] = result;
        });
        entry.load -= batch.records.length;
        received += batch.records.length;
        checkDone();
        dispatch().catch((error: unknown) => settle!.reject(error));
      });
      entry.worker.once('error', (error) => settle!.reject(error));
      entry.worker.once('exit', (code) => {
        if (code !== 0 || entry.load > 0)
          settle!.reject(new Error(`decrypt worker exited with code ${code}`));
      });
      return entry;
    });
  };

  /**
   * Sends the batches not yet sent, each to a worker with fewer than IN_FLIGHT batches unanswered (the one with the
   * least left), until every worker has its fill: the rest wait for answers, so that a worker that started late or
   * runs slower takes fewer batches. Only full batches, unless everything has been added.
   */
  const dispatch = async () => {
    const workers = await pool!;
    for (;;) {
      const left = all.length - sentUpTo;
      if (left === 0 || (left < BATCH_SIZE && !finished)) return;
      const target = workers.reduce((least, entry) => (entry.load < least.load ? entry : least));
      if (target.sent.length >= IN_FLIGHT) {
        openOneHere();
        return;
      }
      const records = all.slice(sentUpTo, sentUpTo + BATCH_SIZE);
      target.sent.push({ start: sentUpTo, records });
      target.load += records.length;
      sentUpTo += records.length;
      const contiguous = contiguousRecords(records);
      target.worker.postMessage(contiguous, [contiguous.buffer]);
    }
  };

  /**
   * One batch opened in this thread, once, right after the workers got their first: they take 20–100 ms to start, as
   * long as this thread takes to open a batch. Only one, so that this thread's heap does not grow with the opening's
   * garbage (the peak memory of decrypt-check, technique 8).
   */
  let openedHere = false;
  const openOneHere = () => {
    const left = all.length - sentUpTo;
    if (openedHere || left === 0 || (left < BATCH_SIZE && !finished)) return;
    openedHere = true;
    const start = sentUpTo;
    const records = all.slice(start, start + BATCH_SIZE);
    sentUpTo += records.length;
    openRecordsBatch(key, records).forEach((result, index) => {
      results[start + index] = result;
    });
    received += records.length;
    checkDone();
  };

  const stop = async () => {
    const workers = await pool!.catch(() => []);
    for (const { worker } of workers) worker.postMessage('close');
  };

  return {
    add(records) {
      records.forEach(assertRecordSize);
      all.push(...records);
      if (pool === undefined && mayUseWorkers && all.length >= threshold) pool = startPool();
      if (pool !== undefined) dispatch().catch((error: unknown) => settle!.reject(error));
    },
    async results() {
      if (pool === undefined) {
        try {
          return openRecordsBatch(key, all);
        } finally {
          key.fill(0);
        }
      }
      finished = true;
      try {
        await dispatch();
        checkDone();
        await done;
        return results;
      } finally {
        await stop();
        key.fill(0);
      }
    },
    async cancel() {
      key.fill(0);
      if (pool === undefined) return;
      sentUpTo = all.length; // nothing more is sent
      // asked to close rather than terminated, so that each wipes its copies of the key (a terminated isolate's
      // memory is freed, not zeroed); each ends after at most IN_FLIGHT batches
      const workers = await pool.catch(() => []);
      const ended = workers.map(({ worker }) => new Promise((resolve) => worker.once('exit', resolve)));
      for (const { worker } of workers) worker.postMessage('close');
      await Promise.all(ended);
    },
  };
}
