/**
 * Many signTransaction calls on both cores (docs/performance.md, "Signing on both cores"): one thread signs about
 * 25,000 transfers a second, near OpenSSL's own Ed25519 ceiling on one core, so a large batch is cut into chunks of
 * CHUNK transactions that this thread and worker threads take in turn (a worker that starts late takes fewer), and
 * the results are put back in input order. Small batches, and runs from the TypeScript sources (tests: the worker file exists only compiled, in
 * dist/), stay in this thread. The outcome is the same either way, errors included: a transaction a worker cannot
 * sign is signed again here, which throws signTransaction's own typed error for the first one in input order.
 *
 * Private keys reach a worker in a buffer of their own, transferred (not left behind here), each distinct key once;
 * the worker wipes them when it is closed, at the end of the batch. Neither side logs or reports a key.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { signTransaction, type SignedTransaction } from '../../core/transactions/signTransaction.js';
import { unpackSignedTransactions } from './packSignedTransactions.js';

/** One transaction to sign and the private key of its signer. */
export interface SigningJob {
  /** The serialised transaction; its signature field is ignored (the result is a signed copy). */
  readonly payload: Uint8Array;
  readonly privateKey: Uint8Array;
}

/**
 * The fewest transactions per thread: two threads from 4,096 transactions. A worker starts in about 40 ms, as long as
 * this thread takes to sign about 1,000 transactions, so two threads win from about 1,500 on a quiet machine; on a
 * busy one the second core is not free and they lose, hence the margin (docs/performance.md, "Signing on both
 * cores").
 */
export const PARALLEL_THRESHOLD = 2048;

/** Options of signTransactionsInParallel. */
export interface ParallelSigningOptions {
  /** Threads to use in all, this one included; default: the available parallelism. */
  readonly threads?: number;
  /** The fewest transactions per thread (a batch under twice this stays in one thread); default PARALLEL_THRESHOLD. */
  readonly threshold?: number;
}

/** Transactions per chunk: about 40 ms of signing. */
const CHUNK = 1024;
/** Chunks a worker holds at once: one being signed, one waiting, so that it never idles between answers. */
const IN_FLIGHT = 2;
const MAX_THREADS = 8;
const YOUNG_GENERATION_MB = 4;
const WORKER_URL = new URL('./signTransactionsWorker.js', import.meta.url);

/** A worker's answer for one chunk: the packed signatures and hashes, or the first transaction it refused. */
type ChunkAnswer = { readonly packed: Uint8Array } | { readonly failedAt: number };

/**
 * The results of signTransaction on every job, in order, computed on up to `threads` threads.
 * @throws {InputError} what signTransaction throws for the first job in input order it refuses
 */
export async function signTransactionsInParallel(
  jobs: readonly SigningJob[],
  generationHashSeed: Uint8Array,
  options: ParallelSigningOptions = {},
): Promise<SignedTransaction[]> {
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  // at most MAX_THREADS isolates: each costs start-up time and memory
  const threads = options.threads ?? Math.min(availableParallelism(), MAX_THREADS);
  const wanted = Math.min(threads, Math.floor(jobs.length / threshold));
  // A key of the wrong size gets its INVALID_KEY from signTransaction, in this thread.
  const inThread =
    wanted < 2 || import.meta.url.endsWith('.ts') || jobs.some((job) => job.privateKey.length !== 32);
  if (inThread) return jobs.map((job) => signTransaction(job.payload, job.privateKey, generationHashSeed));

  // The jobs are taken chunk by chunk, in order, by this thread and by the workers alike (each worker holds at most
  // IN_FLIGHT chunks): a worker that starts late or runs slower simply takes fewer. After a refusal no chunk is taken;
  // every chunk taken before it is finished, so the lowest refused index is the first in input order.
  const results = new Array<SignedTransaction>(jobs.length);
  let next = 0;
  let refusedAt: number | undefined;
  let failure: Error | undefined;
  const take = (): number | undefined => {
    if (refusedAt !== undefined || failure !== undefined || next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + CHUNK);
    return start;
  };
  const refuse = (index: number) => {
    refusedAt = refusedAt === undefined ? index : Math.min(refusedAt, index);
  };

  const pending = new Set<Promise<void>>();
  const workers = Array.from({ length: wanted - 1 }, () => new SigningWorker(generationHashSeed));
  const feed = (worker: SigningWorker) => {
    const start = take();
    if (start === undefined) return;
    const chunk = jobs.slice(start, start + CHUNK);
    const done: Promise<void> = worker.sign(chunk).then(
      (answer) => {
        pending.delete(done);
        if ('failedAt' in answer) refuse(start + answer.failedAt);
        else {
          const signed = unpackSignedTransactions(
            answer.packed,
            chunk.map((job) => job.payload),
          );
          signed.forEach((result, index) => (results[start + index] = result));
        }
        feed(worker);
      },
      (error: unknown) => {
        pending.delete(done);
        failure ??= error instanceof Error ? error : new Error('signing worker failed');
      },
    );
    pending.add(done);
  };
  for (const worker of workers) for (let held = 0; held < IN_FLIGHT; held++) feed(worker);

  try {
    // this thread signs chunks too, and lets the workers' answers in between (they take the next chunks then)
    for (let start = take(); start !== undefined; start = take()) {
      const end = Math.min(jobs.length, start + CHUNK);
      for (let index = start; index < end; index++) {
        const job = jobs[index]!;
        try {
          results[index] = signTransaction(job.payload, job.privateKey, generationHashSeed);
        } catch {
          refuse(index); // signed again below for its own error, once every earlier job is known to be fine
          break;
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    while (pending.size > 0) await Promise.all([...pending]);
  } finally {
    // asked to close, not terminated: each wipes its copies of the keys
    for (const worker of workers) worker.close();
  }
  if (failure !== undefined) throw failure;
  if (refusedAt !== undefined) {
    // all earlier jobs were signed: signing this one here throws the same error the one-thread path would
    const job = jobs[refusedAt]!;
    signTransaction(job.payload, job.privateKey, generationHashSeed);
    throw new Error(`a signing worker refused transaction ${refusedAt + 1}, which this thread signs`);
  }
  return results;
}

/**
 * One signing worker: chunks in, answers out, in order. Each distinct private key array is sent once, in a buffer
 * of its own, transferred; the worker keeps the keys until it is closed, then wipes them.
 */
class SigningWorker {
  private readonly worker: Worker;
  private readonly keySlots = new Map<Uint8Array, number>();
  private readonly waiting: { resolve: (answer: ChunkAnswer) => void; reject: (error: unknown) => void }[] =
    [];

  constructor(generationHashSeed: Uint8Array) {
    this.worker = new Worker(WORKER_URL, {
      workerData: { generationHashSeed },
      // The work makes short-lived garbage only: a small young generation keeps the process's peak memory down.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (answer: ChunkAnswer) => this.waiting.shift()?.resolve(answer));
    const failAll = (error: unknown) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.worker.once('error', failAll);
    this.worker.once('exit', (code) => failAll(new Error(`signing worker exited with code ${code}`)));
  }

  sign(jobs: readonly SigningJob[]): Promise<ChunkAnswer> {
    const newKeys: Uint8Array[] = [];
    const keyIndexes = new Uint32Array(jobs.length);
    const ends = new Uint32Array(jobs.length);
    let total = 0;
    jobs.forEach((job, index) => {
      let slot = this.keySlots.get(job.privateKey);
      if (slot === undefined) {
        slot = this.keySlots.size;
        this.keySlots.set(job.privateKey, slot);
        newKeys.push(job.privateKey);
      }
      keyIndexes[index] = slot;
      total += job.payload.length;
      ends[index] = total;
    });
    const keys = new Uint8Array(newKeys.length * 32);
    newKeys.forEach((key, index) => keys.set(key, index * 32));
    const payloads = new Uint8Array(total);
    jobs.forEach((job, index) => payloads.set(job.payload, index === 0 ? 0 : ends[index - 1]));
    return new Promise<ChunkAnswer>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // transferred: no copy of the packed keys stays in this thread
      this.worker.postMessage({ keys, keyIndexes, payloads, ends }, [
        keys.buffer,
        keyIndexes.buffer,
        payloads.buffer,
        ends.buffer,
      ]);
    });
  }

  close(): void {
    this.worker.postMessage('close');
  }
}
