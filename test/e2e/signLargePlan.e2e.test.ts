/**
 * `harvest sign` of a plan of 5,000 transfers, spawned from the build (bin/harvest.js → dist/app/, where the signing
 * worker is an entry of its own): the plan is signed on a worker thread too (on two cores or more), and the signed
 * file is the one the one-thread path writes (signPlan from the sources, which never starts a worker). symbol-sdk
 * verifies a sample.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateKey, Signature } from 'symbol-sdk';
import { KeyPair, SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { parseTransactionFile, type TransactionFile } from '../../src/core/transactions/transactionFile.js';
import { signPlan } from '../../src/flows/signPlan.js';
import { seededBytes } from '../helpers/hostileKeys.js';
import { spawnCli } from '../helpers/spawnCli.js';

const dir = mkdtempSync(join(tmpdir(), 'harvest-sign-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facade = new SymbolFacade('testnet');
const random = seededBytes('sign-large-plan');
const signer = new KeyPair(new PrivateKey(random(32)));
const COUNT = 5_000;

function largePlan(): TransactionFile {
  const recipients = Array.from({ length: 20 }, () =>
    facade.network.publicKeyToAddress(new KeyPair(new PrivateKey(random(32))).publicKey),
  );
  const transactions = Array.from({ length: COUNT }, (_, index) => {
    const transfer = facade.transactionFactory.create({
      type: 'transfer_transaction_v1',
      signerPublicKey: signer.publicKey,
      fee: 100_000n,
      deadline: 1_000n + BigInt(index),
      recipientAddress: recipients[index % recipients.length]!,
      mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: BigInt(index + 1) }],
    });
    return {
      kind: 'transfer',
      payload: toHex(transfer.serialize()),
      fee: '100000',
      deadline: `${1_000 + index}`,
    };
  });
  return {
    format: 'harvest-unsigned',
    version: 1,
    network: {
      name: 'testnet',
      identifier: 152,
      generationHashSeed: facade.network.generationHashSeed.toString(),
    },
    mainAddress: facade.network.publicKeyToAddress(signer.publicKey).toString(),
    mainPublicKey: signer.publicKey.toString(),
    transactions,
  };
}

/** Preloaded into every thread of the spawned process: a worker thread says so on standard error. */
const REPORT_WORKERS = `data:text/javascript;base64,${Buffer.from(
  'import { isMainThread } from "node:worker_threads"; if (!isMainThread) process.stderr.write("in a worker thread\\n");',
).toString('base64')}`;

describe('harvest sign of a plan of 5,000 transfers', () => {
  it('signs on a worker thread as well and writes the file the one-thread path writes', async () => {
    const plan = largePlan();
    const planPath = join(dir, 'plan.json');
    const keyPath = join(dir, 'main.key');
    const signedPath = join(dir, 'signed.json');
    writeFileSync(planPath, JSON.stringify(plan));
    writeFileSync(keyPath, toHex(signer.privateKey.bytes), { mode: 0o600 });
    const run = await spawnCli(
      ['sign', planPath, '--key-file', keyPath, '--allow-any', '--yes', '--out', signedPath, '--json'],
      { env: { NODE_OPTIONS: `--import=${REPORT_WORKERS}` }, timeoutMs: 60_000 },
    );
    expect(run.exitCode, run.stderr.slice(-2_000)).toBe(0);
    // 5,000 transactions make two shares of at least PARALLEL_THRESHOLD (2,048): one worker, given a second core
    expect(run.stderr.match(/in a worker thread/g)?.length ?? 0).toBe(availableParallelism() >= 2 ? 1 : 0);
    const signed = parseTransactionFile(readFileSync(signedPath, 'utf8'));
    const oneThread = await signPlan({
      file: plan,
      privateKey: signer.privateKey.bytes,
      allowAny: true,
      review: () => Promise.resolve(),
    });
    expect(signed.transactions).toHaveLength(COUNT);
    expect(signed).toEqual(oneThread);
    let verified = 0;
    for (let index = 0; index < COUNT; index += 101) {
      const transaction = SymbolTransactionFactory.deserialize(
        Buffer.from(signed.transactions[index]!.payload, 'hex'),
      );
      expect(facade.verifyTransaction(transaction, new Signature(transaction.signature.bytes))).toBe(true);
      expect(facade.hashTransaction(transaction).toString()).toBe(signed.transactions[index]!.hash);
      verified += 1;
    }
    expect(verified).toBe(50);
  }, 120_000);
});
