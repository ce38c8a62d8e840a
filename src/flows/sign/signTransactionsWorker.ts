/**
 * Worker-thread entry of signTransactionsInParallel.ts: signs each chunk it is sent with signTransaction and posts
 * the packed signatures and hashes (packSignedTransactions.ts) back in one transfer, or the index of the first
 * transaction of the chunk it could not sign (the main thread signs that one again to throw signTransaction's own
 * typed error: an error object crossing threads loses its class). Chunks are answered in the order received. The
 * private keys stay until 'close', then are wiped.
 *
 *   workerData: { generationHashSeed: 32 bytes }
 *   message in: { keys: k × 32 bytes (the keys not sent before, each once), keyIndexes: n × uint32 (over every key
 *                 sent so far), payloads: the n payloads one after the other, ends: n × uint32 (end of each) }
 *               or 'close'
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wipe } from '../../core/bytes.js';
import { signTransaction, type SignedTransaction } from '../../core/transactions/signTransaction.js';
import { packSignedTransactions } from './packSignedTransactions.js';

const { generationHashSeed } = workerData as { generationHashSeed: Uint8Array };
// one view per distinct key: signTransaction caches its KeyObject per key array
const keyViews: Uint8Array[] = [];

interface Chunk {
  readonly keys: Uint8Array;
  readonly keyIndexes: Uint32Array;
  readonly payloads: Uint8Array;
  readonly ends: Uint32Array;
}

parentPort!.on('message', (message: Chunk | 'close') => {
  if (message === 'close') {
    wipe(...keyViews);
    parentPort!.close();
    return;
  }
  const { keys, keyIndexes, payloads, ends } = message;
  for (let offset = 0; offset < keys.length; offset += 32) keyViews.push(keys.subarray(offset, offset + 32));
  const results: SignedTransaction[] = [];
  for (let index = 0; index < ends.length; index++) {
    const payload = payloads.subarray(index === 0 ? 0 : ends[index - 1], ends[index]);
    try {
      results.push(signTransaction(payload, keyViews[keyIndexes[index]!]!, generationHashSeed));
    } catch {
      // nothing of the error is kept: the main thread throws it again
      parentPort!.postMessage({ failedAt: index });
      return;
    }
  }
  const packed = packSignedTransactions(results);
  parentPort!.postMessage({ packed }, [packed.buffer]);
});
