/**
 * A worker's signatures and hashes as one byte array and back, so that signTransactionsInParallel.ts gets a share's
 * results in one transfer. The payloads are not sent back: the receiving side holds them and puts each signature
 * into a copy, exactly as signTransaction does.
 *
 *   per transaction, PACKED_SIZE = 96 bytes:   0  64  signature   64  32  transaction hash
 */
import { SIGNATURE_OFFSET, SIGNER_OFFSET } from '../../core/transactions/hashTransaction.js';
import type { SignedTransaction } from '../../core/transactions/signTransaction.js';

const PACKED_SIZE = 96;

/** Packs the signatures and hashes of `results` (no secret among them). */
export function packSignedTransactions(results: readonly SignedTransaction[]): Uint8Array<ArrayBuffer> {
  const packed = new Uint8Array(results.length * PACKED_SIZE);
  results.forEach(({ signature, hash }, index) => {
    packed.set(signature, index * PACKED_SIZE);
    packed.set(hash, index * PACKED_SIZE + 64);
  });
  return packed;
}

/**
 * The SignedTransaction of each of `payloads` (the same order) from `packed`: signature and hash are views into
 * `packed` (one allocation for the share, not two per transaction); payload and signer are copies, as signTransaction
 * makes them.
 */
export function unpackSignedTransactions(
  packed: Uint8Array,
  payloads: readonly Uint8Array[],
): SignedTransaction[] {
  return payloads.map((unsigned, index) => {
    const offset = index * PACKED_SIZE;
    const signature = packed.subarray(offset, offset + 64);
    const payload = unsigned.slice();
    payload.set(signature, SIGNATURE_OFFSET);
    return {
      payload,
      signature,
      hash: packed.subarray(offset + 64, offset + PACKED_SIZE),
      signerPublicKey: unsigned.slice(SIGNER_OFFSET, SIGNER_OFFSET + 32),
    };
  });
}
