/**
 * Many signTransaction calls on both cores (docs/performance.md, "Signing on both cores"): one thread signs about
 * 25,000 transfers a second, near OpenSSL's own Ed25519 ceiling on one core, so a large batch is cut into contiguous
 * shares; worker threads sign the later shares while this thread signs the first, and the results are put back in
 * input order. Small batches, and runs from the TypeScript sources (tests: the worker file exists only compiled, in
 * dist/), stay in this thread. The outcome is the same either way, errors included: a transaction a worker cannot
 * sign is signed again here, which throws signTransaction's own typed error for the first one in input order.
 *
 * Private keys reach a worker in a buffer of their own, transferred (not left behind here), each distinct key once;
 * the worker wipes it before it answers. Neither side logs or reports a key.
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
 * The smallest share a thread gets: two threads from 4,096 transactions. A worker starts in about 40 ms, as long as
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

/** A worker's start-up in jobs this thread signs meanwhile: about 40 ms at about 25,000 signatures a second. */
const HEAD_START = 1024;
const MAX_THREADS = 8;
const YOUNG_GENERATION_MB = 4;
const WORKER_URL = new URL('./signTransactionsWorker.js', import.meta.url);

type WorkerAnswer = { readonly signed: SignedTransaction[] } | { readonly failedAt: number };

/**
 * jobs.map(({ payload, privateKey }) => signTransaction(payload, privateKey, generationHashSeed)), in order, on up
 * to `threads` threads.
 * @throws {InputError} INVALID_KEY, INVALID_PAYLOAD: signTransaction's error for the first job it refuses
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

  // This thread starts at once, a worker about 40 ms later (a fresh V8 isolate that loads the modules): this thread
  // takes HEAD_START more jobs than each worker, so that all end about together.
  const workerShare = Math.max(1, Math.floor((jobs.length - HEAD_START) / wanted));
  const firstShare = jobs.length - workerShare * (wanted - 1);
  const shares = [
    jobs.slice(0, firstShare),
    ...Array.from({ length: wanted - 1 }, (_, index) =>
      jobs.slice(firstShare + index * workerShare, firstShare + (index + 1) * workerShare),
    ),
  ];
  // the workers take shares 1…n-1 (they start in the background), this thread signs share 0 meanwhile
  const inWorkers = Promise.all(shares.slice(1).map((share) => signInWorker(share, generationHashSeed)));
  inWorkers.catch(() => undefined); // awaited below; no unhandled rejection if this thread's share throws first
  // If this share throws, that is the first refused job in input order (the workers' shares come after it). The
  // workers are left to finish rather than terminated, so that each wipes its copy of the keys (a terminated isolate's
  // memory is freed, not zeroed).
  const here = shares[0]!.map((job) => signTransaction(job.payload, job.privateKey, generationHashSeed));
  const answers = await inWorkers;
  const results = here;
  for (const [index, answer] of answers.entries()) {
    if ('failedAt' in answer) {
      // all earlier jobs were signed: signing this one here throws the same error the one-thread path would
      const job = shares[index + 1]![answer.failedAt]!;
      signTransaction(job.payload, job.privateKey, generationHashSeed);
      const position = firstShare + index * workerShare + answer.failedAt + 1;
      throw new Error(`a signing worker refused transaction ${position}, which this thread signs`);
    }
    for (const signed of answer.signed) results.push(signed); // not push(...): a share may exceed the argument limit
  }
  return results;
}

function signInWorker(jobs: readonly SigningJob[], generationHashSeed: Uint8Array): Promise<WorkerAnswer> {
  // each distinct key array once (a plan's transactions share one key): the worker imports each key once
  const keyIndex = new Map<Uint8Array, number>();
  const keyIndexes = new Uint32Array(jobs.length);
  const ends = new Uint32Array(jobs.length);
  let total = 0;
  jobs.forEach((job, index) => {
    let slot = keyIndex.get(job.privateKey);
    if (slot === undefined) keyIndex.set(job.privateKey, (slot = keyIndex.size));
    keyIndexes[index] = slot;
    total += job.payload.length;
    ends[index] = total;
  });
  const keys = new Uint8Array(keyIndex.size * 32);
  for (const [key, slot] of keyIndex) keys.set(key, slot * 32);
  const payloads = new Uint8Array(total);
  jobs.forEach((job, index) => payloads.set(job.payload, index === 0 ? 0 : ends[index - 1]));
  const worker = new Worker(WORKER_URL, {
    workerData: { keys, keyIndexes, payloads, ends, generationHashSeed },
    // transferred: no copy of the packed keys stays in this thread
    transferList: [keys.buffer, keyIndexes.buffer, payloads.buffer, ends.buffer],
    // The work makes short-lived garbage only: a small young generation keeps the process's peak memory down.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<WorkerAnswer>((resolve, reject) => {
    worker.once('message', (message: Uint8Array | { failedAt: number }) =>
      resolve(
        message instanceof Uint8Array
          ? {
              signed: unpackSignedTransactions(
                message,
                jobs.map((job) => job.payload),
              ),
            }
          : message,
      ),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`signing worker exited with code ${code}`));
    });
  });
}
