// Signing a batch on worker threads against signTransaction in one thread, on 3,000 transfers of five signers:
// the same payloads, signatures, hashes and signers, in input order; symbol-sdk verifies a sample. Garbage gives
// signTransaction's own typed error, from a worker's share too, with no private key in it.
import { PrivateKey, Signature } from 'symbol-sdk';
import { KeyPair, SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/bytes.js';
import type { InputError } from '../../../src/core/errors.js';
import { signTransaction, type SignedTransaction } from '../../../src/core/transactions/signTransaction.js';
import type {
  SigningJob,
  signTransactionsInParallel,
} from '../../../src/flows/sign/signTransactionsInParallel.js';
import { seededBytes } from '../../helpers/hostileKeys.js';

/** The compiled modules (npm test builds dist/ first): only compiled code can start the worker threads. */
const compiled = (await import(
  new URL('../../../dist/flows/sign/signTransactionsInParallel.js', import.meta.url).href
)) as { signTransactionsInParallel: typeof signTransactionsInParallel };
const compiledErrors = (await import(new URL('../../../dist/core/errors.js', import.meta.url).href)) as {
  InputError: typeof InputError;
};

const facade = new SymbolFacade('testnet');
const seed = facade.network.generationHashSeed.bytes;
const random = seededBytes('sign-equivalence');
const signers = Array.from({ length: 5 }, () => new KeyPair(new PrivateKey(random(32))));

/** 3,000 transfers: signer, recipient, amount and message length (0–300 bytes) drawn from the seeded bytes. */
function transfers(): SigningJob[] {
  return Array.from({ length: 3_000 }, (_, index) => {
    const [pick, length] = random(2) as unknown as [number, number];
    const signer = signers[pick % signers.length]!;
    const transaction = facade.transactionFactory.create({
      type: 'transfer_transaction_v1',
      signerPublicKey: signer.publicKey,
      fee: BigInt(index),
      deadline: 1_000n + BigInt(index),
      recipientAddress: facade.network.publicKeyToAddress(new KeyPair(new PrivateKey(random(32))).publicKey),
      mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: BigInt(index + 1) }],
      message: random(length + (index % 2) * 45),
    });
    // a copy of the key array now and then: the worker's key table must not rely on one array per signer
    const privateKey = index % 7 === 0 ? signer.privateKey.bytes.slice() : signer.privateKey.bytes;
    return { payload: transaction.serialize(), privateKey };
  });
}

const view = ({ payload, signature, hash, signerPublicKey }: SignedTransaction) => ({
  payload: toHex(payload),
  signature: toHex(signature),
  hash: toHex(hash),
  signer: toHex(signerPublicKey),
});

/** The error a call rejects (or throws) with. */
async function refusal(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('signTransactionsInParallel against signTransaction', () => {
  const jobs = transfers();
  let expected: ReturnType<typeof view>[] = [];
  beforeAll(() => {
    expected = jobs.map((job) => view(signTransaction(job.payload, job.privateKey, seed)));
  }, 120_000);

  it('gives the same signed transactions on three threads, in input order; symbol-sdk verifies a sample', async () => {
    const before = jobs.map((job) => toHex(job.payload) + toHex(job.privateKey));
    const signed = await compiled.signTransactionsInParallel(jobs, seed, { threads: 3, threshold: 500 });
    expect(signed).toHaveLength(3_000);
    signed.forEach((result, index) => expect(view(result), `transaction ${index}`).toEqual(expected[index]));
    // the caller's payloads and keys are left as they were (the workers get and wipe copies)
    expect(jobs.map((job) => toHex(job.payload) + toHex(job.privateKey))).toEqual(before);
    let verified = 0;
    for (let index = 0; index < signed.length; index += 47) {
      const transaction = SymbolTransactionFactory.deserialize(signed[index]!.payload);
      expect(facade.verifyTransaction(transaction, new Signature(signed[index]!.signature))).toBe(true);
      expect(facade.hashTransaction(transaction).toString()).toBe(expected[index]!.hash);
      verified += 1;
    }
    expect(verified).toBe(64);
  }, 120_000);

  it('gives the same on two threads, and in this thread below the default threshold', async () => {
    const two = await compiled.signTransactionsInParallel(jobs, seed, { threads: 2, threshold: 1_000 });
    expect(two.map(view)).toEqual(expected);
    const small = await compiled.signTransactionsInParallel(jobs.slice(0, 10), seed);
    expect(small.map(view)).toEqual(expected.slice(0, 10));
    expect(await compiled.signTransactionsInParallel([], seed, { threshold: 1 })).toEqual([]);
  }, 120_000);

  // Two threads, 3,000 jobs, chunks of 1,024: the worker is handed the first two chunks before this thread starts
  // (it holds two), so this thread signs jobs 2,048–2,999.
  it.each([
    ['in this thread’s share', 2_990],
    ['in a worker’s share', 5],
  ])(
    'refuses a key that is not the signer %s: INVALID_KEY, as signTransaction, no key in it',
    async (_, at) => {
      const wrongKey = random(32);
      const garbage = jobs.map((job, index) => (index === at ? { ...job, privateKey: wrongKey } : job));
      const oneThread = await refusal(() => signTransaction(jobs[at]!.payload, wrongKey, seed));
      const error = await refusal(() =>
        compiled.signTransactionsInParallel(garbage, seed, { threads: 2, threshold: 500 }),
      );
      expect(error).toBeInstanceOf(compiledErrors.InputError);
      expect(error).toMatchObject({ code: 'INVALID_KEY', message: oneThread.message });
      expect(error.message.toUpperCase()).not.toContain(toHex(wrongKey).toUpperCase());
      for (const signer of signers) {
        expect(error.message.toUpperCase()).not.toContain(toHex(signer.privateKey.bytes).toUpperCase());
      }
    },
    120_000,
  );

  it('refuses the first bad job in input order: a truncated payload in a worker’s share (INVALID_PAYLOAD)', async () => {
    const garbage = jobs.map((job, index) =>
      index === 2_000
        ? { ...job, payload: job.payload.slice(0, 120) }
        : index === 2_500
          ? { ...job, privateKey: random(32) }
          : job,
    );
    const error = await refusal(() =>
      compiled.signTransactionsInParallel(garbage, seed, { threads: 3, threshold: 500 }),
    );
    expect(error).toBeInstanceOf(compiledErrors.InputError);
    expect(error).toMatchObject({ code: 'INVALID_PAYLOAD' });
  }, 120_000);

  it.each([
    [900, 1_030],
    [1_030, 2_100],
    [10, 2_990],
  ])(
    'refuses the first of two bad jobs in input order whichever thread takes them (%i: INVALID_PAYLOAD, %i: INVALID_KEY)',
    async (first, second) => {
      const garbage = jobs.map((job, index) =>
        index === first
          ? { ...job, payload: job.payload.slice(0, 120) }
          : index === second
            ? { ...job, privateKey: random(32) }
            : job,
      );
      for (const threads of [2, 3]) {
        const error = await refusal(() =>
          compiled.signTransactionsInParallel(garbage, seed, { threads, threshold: 500 }),
        );
        expect(error).toMatchObject({ code: 'INVALID_PAYLOAD' });
      }
    },
    120_000,
  );

  it('refuses a private key of the wrong size in this thread, as signTransaction does', async () => {
    const garbage = jobs.map((job, index) => (index === 2_999 ? { ...job, privateKey: random(31) } : job));
    const error = await refusal(() =>
      compiled.signTransactionsInParallel(garbage, seed, { threads: 3, threshold: 500 }),
    );
    expect(error).toBeInstanceOf(compiledErrors.InputError);
    expect(error).toMatchObject({ code: 'INVALID_KEY' });
  }, 120_000);
});
