/**
 * `harvest sign` of a multisig plan (signPlan → signBondedPlan): the aggregate signed first, its hash put into the
 * lock, the lock signed; symbol-sdk verifies both. Garbage and tampered plans are refused before the review.
 */
import { Hash256, Signature } from 'symbol-sdk';
import { Network, SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import type { TransactionDescription } from '../../src/core/transactions/describeTransaction.js';
import { bindHashLock } from '../../src/core/transactions/hashLockPayload.js';
import type { TransactionFile } from '../../src/core/transactions/transactionFile.js';
import { signPlan } from '../../src/flows/signPlan.js';
import { keyOf, NODE_PUBLIC } from '../helpers/delegationChain.js';
import {
  bondedPlanFile,
  bondedPlanPayloads,
  INITIATOR_PRIVATE,
  MULTISIG_PUBLIC,
  NODE_LINK,
} from '../helpers/multisigPlan.js';

const facade = new SymbolFacade(
  new Network('testnet', 0x98, new Date(0), new Hash256(TESTNET.generationHashSeed)),
);

function sign(
  file: TransactionFile,
  privateKey = INITIATOR_PRIVATE,
  reviewed: TransactionDescription[][] = [],
) {
  return signPlan({
    file,
    privateKey,
    allowAny: false,
    review: (descriptions) => {
      reviewed.push([...descriptions]);
      return Promise.resolve();
    },
  });
}

function verified(payloadHex: string, hashHex: string | undefined): any {
  const transaction = SymbolTransactionFactory.deserialize(Buffer.from(payloadHex, 'hex')) as any;
  expect(facade.verifyTransaction(transaction, new Signature(transaction.signature.bytes))).toBe(true);
  expect(facade.hashTransaction(transaction).toString()).toBe(hashHex);
  return transaction;
}

describe('harvest sign of a multisig plan', () => {
  it('signs the aggregate, names its hash in the lock, signs the lock; symbol-sdk verifies both', async () => {
    const reviewed: TransactionDescription[][] = [];
    const signed = await sign(bondedPlanFile(), INITIATOR_PRIVATE, reviewed);
    expect(reviewed[0]!.map((description) => description.typeName)).toEqual([
      'hash_lock_transaction_v1',
      'aggregate_bonded_transaction_v3',
    ]);
    expect(signed.format).toBe('harvest-signed');
    const [lock, aggregate] = signed.transactions;
    expect([lock!.kind, aggregate!.kind]).toEqual(['hashLock', 'delegate']);
    const sdkLock = verified(lock!.payload, lock!.hash);
    const sdkAggregate = verified(aggregate!.payload, aggregate!.hash);
    expect(toHex(sdkLock.hash.bytes)).toBe(aggregate!.hash);
    expect(sdkAggregate.transactions[0].signerPublicKey.toString()).toBe(toHex(MULTISIG_PUBLIC));
    expect(signed['multisig']).toMatchObject({ lockHash: lock!.hash, aggregateHash: aggregate!.hash });
    expect(JSON.stringify(signed)).not.toContain(toHex(INITIATOR_PRIVATE));
  });

  it('INVALID_KEY for another key than the initiator the plan names, before the review', async () => {
    const reviewed: TransactionDescription[][] = [];
    await expect(sign(bondedPlanFile(), keyOf(0x63), reviewed)).rejects.toMatchObject({
      code: 'INVALID_KEY',
    });
    expect(reviewed).toEqual([]);
  });

  it('UNSAFE_TRANSACTION for an aggregate that moves funds or holds another signer', async () => {
    const sweep = bondedPlanPayloads({
      inner: [
        NODE_LINK,
        {
          type: 'transfer',
          recipientAddress: new Uint8Array(24).fill(0x98),
          message: new Uint8Array(0),
          mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: 1_000_000_000n }],
        },
      ],
    });
    await expect(sign(bondedPlanFile(sweep))).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
  });

  it.each([
    [
      'a lock already naming an aggregate',
      (): TransactionFile => {
        const payloads = bondedPlanPayloads();
        return bondedPlanFile({ ...payloads, lock: bindHashLock(payloads.lock, new Uint8Array(32).fill(1)) });
      },
    ],
    [
      'a first transaction that is not a lock',
      (): TransactionFile => {
        const payloads = bondedPlanPayloads();
        return bondedPlanFile({ lock: payloads.aggregate, aggregate: payloads.aggregate });
      },
    ],
    [
      'a second transaction that is not a bonded aggregate',
      (): TransactionFile => {
        const payloads = bondedPlanPayloads();
        return bondedPlanFile({ lock: payloads.lock, aggregate: payloads.lock });
      },
    ],
    [
      'three transactions',
      (): TransactionFile => {
        const file = bondedPlanFile();
        return { ...file, transactions: [...file.transactions, file.transactions[1]!] };
      },
    ],
    [
      'a header naming another account than the aggregate sets up',
      (): TransactionFile => ({ ...bondedPlanFile(), mainPublicKey: toHex(derivePublicKey(keyOf(0x64))) }),
    ],
    [
      'an aggregate setting up another account than the header',
      (): TransactionFile => bondedPlanFile(bondedPlanPayloads({ multisig: NODE_PUBLIC })),
    ],
  ])('INVALID_FILE for %s', async (_name, make) => {
    await expect(sign(make())).rejects.toMatchObject({ code: 'INVALID_FILE' });
  });

  it('INVALID_PAYLOAD for bytes that are not a transaction', async () => {
    const file = bondedPlanFile();
    await expect(
      sign({ ...file, transactions: [file.transactions[0]!, { ...file.transactions[1]!, payload: 'ABCD' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});

describe('harvest sign: a hash lock outside a multisig plan is refused even with --allow-any', () => {
  const signAny = (file: TransactionFile) => {
    const reviewed: unknown[] = [];
    const run = signPlan({
      file,
      privateKey: INITIATOR_PRIVATE,
      allowAny: true,
      review: (descriptions) => {
        reviewed.push(descriptions);
        return Promise.resolve();
      },
    });
    return { run, reviewed };
  };

  it('a plan whose zero-hash lock is not labelled hashLock: UNSAFE_TRANSACTION, nothing reviewed or signed', async () => {
    const plan = bondedPlanFile();
    const [lock, aggregate] = plan.transactions as [
      TransactionFile['transactions'][number],
      TransactionFile['transactions'][number],
    ];
    const { run, reviewed } = signAny({ ...plan, transactions: [{ ...lock, kind: 'delegate' }, aggregate] });
    await expect(run).rejects.toMatchObject({
      code: 'UNSAFE_TRANSACTION',
      message: expect.stringMatching(/hash lock outside a multisig plan.*10\.000000 XYM/),
    });
    expect(reviewed).toEqual([]);
  });

  it('a lock after the aggregate: UNSAFE_TRANSACTION', async () => {
    const plan = bondedPlanFile();
    const [lock, aggregate] = plan.transactions as [
      TransactionFile['transactions'][number],
      TransactionFile['transactions'][number],
    ];
    const { run } = signAny({ ...plan, transactions: [aggregate, lock] });
    await expect(run).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
  });
});
