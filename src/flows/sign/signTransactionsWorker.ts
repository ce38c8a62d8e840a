/**
 * Worker-thread entry of signTransactionsInParallel.ts: signs its share with signTransaction and posts the packed
 * signatures and hashes (packSignedTransactions.ts) back in one transfer, or the index of the first transaction it
 * could not sign (the main thread signs that one again to throw signTransaction's own typed error: an error object
 * crossing threads loses its class). The private keys are wiped before anything is posted.
 *
 *   workerData: { keys: k × 32 bytes (each distinct key once), keyIndexes: n × uint32, payloads: the n payloads one
 *                 after the other, ends: n × uint32 (end offset of each), generationHashSeed: 32 bytes }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wipe } from '../../core/bytes.js';
import { signTransaction, type SignedTransaction } from '../../core/transactions/signTransaction.js';
import { packSignedTransactions } from './packSignedTransactions.js';

const { keys, keyIndexes, payloads, ends, generationHashSeed } = workerData as {
  keys: Uint8Array;
  keyIndexes: Uint32Array;
  payloads: Uint8Array;
  ends: Uint32Array;
  generationHashSeed: Uint8Array;
};
// one view per distinct key: signTransaction caches its KeyObject per key array
const keyViews = Array.from({ length: keys.length / 32 }, (_, index) =>
  keys.subarray(index * 32, (index + 1) * 32),
);
const results: SignedTransaction[] = [];
let failedAt: number | undefined;
try {
  for (let index = 0; index < ends.length; index++) {
    const payload = payloads.subarray(index === 0 ? 0 : ends[index - 1], ends[index]);
    try {
      results.push(signTransaction(payload, keyViews[keyIndexes[index]!]!, generationHashSeed));
    } catch {
      failedAt = index; // nothing of the error is kept: the main thread throws it again
      break;
    }
  }
} finally {
  wipe(keys);
}
if (failedAt === undefined) {
  const packed = packSignedTransactions(results);
  parentPort!.postMessage(packed, [packed.buffer]);
} else {
  parentPort!.postMessage({ failedAt });
}
