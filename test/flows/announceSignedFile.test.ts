/**
 * announceSignedFile through its entry point: signed files are made here with the product's own builders and
 * signer (src/core), for the virtual clock's network time, then handed to the flow against the stub chain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { MAINNET, TESTNET, type NetworkParameters } from '../../src/core/network.js';
import { buildAggregate } from '../../src/core/transactions/buildAggregate.js';
import { networkTimeOf } from '../../src/core/networkTime.js';
import { computeDeadline } from '../../src/core/transactions/computeDeadline.js';
import type { TransactionDescription } from '../../src/core/transactions/describeTransaction.js';
import type { AnnounceFile } from '../../src/core/transactions/parseAnnounceFile.js';
import { signTransaction } from '../../src/core/transactions/signTransaction.js';
import { announceSignedFile, type AnnounceSignedFileParameters } from '../../src/flows/announceSignedFile.js';
import { keyOf, NODE_PUBLIC } from '../helpers/delegationChain.js';
import { BALANCE, MAIN_PRIVATE, MAIN_PUBLIC, flowWorld, type FlowWorld } from '../helpers/flowWorld.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { reply } from '../helpers/stubNode.js';
import { bindHashLock } from '../../src/core/transactions/hashLockPayload.js';
import {
  bondedPlanPayloads,
  INITIATOR_PRIVATE,
  INITIATOR_PUBLIC,
  MULTISIG_PUBLIC,
  NODE_LINK,
} from '../helpers/multisigPlan.js';
import { stubPartialCache } from '../helpers/stubPartialCache.js';
import { cosignAggregateHash } from '../../src/core/transactions/cosignAggregateHash.js';
import { hashTransaction } from '../../src/core/transactions/hashTransaction.js';

const SECOND_PRIVATE = keyOf(0x63);
import type { InnerTransaction } from '../../src/core/transactions/transactionTypes.js';

const REMOTE_PRIVATE = keyOf(0x41);
const VRF_PRIVATE = keyOf(0x42);

let world: FlowWorld;
afterEach(() => world.node.assertAllHit());

/** A delegation aggregate (node, remote, VRF links and the request) signed by the main key, as `harvest sign` would. */
function signedDelegation(options: { seedOf?: NetworkParameters; lifetimeMs?: bigint } = {}) {
  const network = TESTNET;
  const unsigned = buildAggregate({
    networkIdentifier: network.identifier,
    signerPublicKey: MAIN_PUBLIC,
    deadline: computeDeadline(
      networkTimeOf(world.time.now(), network.epochAdjustmentSeconds),
      options.lifetimeMs,
    ),
    fee: { multiplier: 100n },
    version: 3,
    transactions: [
      { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: NODE_PUBLIC },
      { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: derivePublicKey(REMOTE_PRIVATE) },
      { type: 'keyLink', role: 'vrf', action: 'link', linkedPublicKey: derivePublicKey(VRF_PRIVATE) },
      {
        type: 'transfer',
        recipientAddress: deriveAddress(NODE_PUBLIC, network.identifier),
        message: encodeDelegationMessage(
          NODE_PUBLIC,
          { remotePrivateKey: REMOTE_PRIVATE, vrfPrivateKey: VRF_PRIVATE },
          seededRandom(5),
        ),
      },
    ],
  });
  const signed = signTransaction(
    unsigned.payload,
    MAIN_PRIVATE,
    (options.seedOf ?? network).generationHashSeed,
  );
  return { payload: signed.payload, hash: toHex(signed.hash) };
}

/** A harvest-signed file naming `network`; `null`: a file that names none (bare payload, --json result). */
function fileOf(
  signed: { payload: Uint8Array; hash: string },
  network: NetworkParameters | null = TESTNET,
): AnnounceFile {
  return {
    transactions: [{ payload: signed.payload, kind: 'delegate', hash: signed.hash }],
    ...(network === null
      ? {}
      : {
          network: {
            name: network.name,
            identifier: network.identifier,
            generationHashSeed: network.generationHashSeed,
          },
        }),
  };
}

function parameters(
  file: AnnounceFile,
  overrides: Partial<AnnounceSignedFileParameters> = {},
): AnnounceSignedFileParameters {
  return {
    client: world.client,
    expectedNetwork: undefined,
    file,
    allowAny: false,
    review: () => Promise.resolve(),
    dryRun: false,
    wait: true,
    confirmationTimeoutMs: 5 * 60_000,
    activationTimeoutMs: 10 * 60_000,
    now: world.time.now,
    sleep: world.time.sleep,
    ...overrides,
  };
}

function freshWorld(): FlowWorld {
  world = flowWorld();
  world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: BALANCE, importance: 1_000n });
  return world;
}

describe('announceSignedFile', () => {
  it('checks, shows, then announces the signed aggregate and follows it to ACTIVE', async () => {
    freshWorld();
    const signed = signedDelegation();
    const reviewed: TransactionDescription[][] = [];

    const result = await announceSignedFile(
      parameters(fileOf(signed), {
        review: (descriptions) => {
          expect(world.node.calls({ method: 'PUT' })).toEqual([]);
          reviewed.push([...descriptions]);
          return Promise.resolve();
        },
      }),
    );

    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]!.map((description) => description.transactions.length)).toEqual([4]);
    expect(world.chain.announced).toEqual([toHex(signed.payload)]);
    expect(result).toMatchObject({
      state: 'ACTIVE',
      announced: true,
      transactions: [{ kind: 'delegate' }],
      nodePublicKey: NODE_PUBLIC,
      remotePublicKey: derivePublicKey(REMOTE_PRIVATE),
    });
    expect(result.transactions.map((transaction) => toHex(transaction.hash!))).toEqual([signed.hash]);
    expect(result.plan.map((entry) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
  });

  it('a deadline already passed: TRANSACTION_REJECTED (Expired), nothing shown or announced', async () => {
    freshWorld();
    const signed = signedDelegation();
    world.time.advance(3 * 3600_000);

    await expect(
      announceSignedFile(parameters(fileOf(signed), { review: () => Promise.reject(new Error('shown')) })),
    ).rejects.toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { hash: signed.hash, status: 'Expired' },
    });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('already confirmed: skipped, nothing announced again', async () => {
    freshWorld();
    const signed = signedDelegation();
    world.chain.setStatus(signed.hash, 'confirmed');
    const notes: string[] = [];

    const result = await announceSignedFile(
      parameters(fileOf(signed), {
        review: () => Promise.reject(new Error('shown')),
        onNote: (text) => notes.push(text),
      }),
    );

    expect(result.announced).toBe(false);
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    expect(notes).toEqual(['every transaction of the file is already confirmed: nothing to announce']);
  });

  it('rejected earlier by the node: TRANSACTION_REJECTED with its code, not announced again', async () => {
    freshWorld();
    const signed = signedDelegation();
    world.chain.setStatus(signed.hash, { failed: 'Failure_Core_Insufficient_Balance' });

    await expect(announceSignedFile(parameters(fileOf(signed)))).rejects.toMatchObject({
      code: 'TRANSACTION_REJECTED',
      details: { status: 'Failure_Core_Insufficient_Balance' },
    });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('a file naming another network: WRONG_NETWORK before any status is read', async () => {
    freshWorld();
    const signed = signedDelegation();

    await expect(announceSignedFile(parameters(fileOf(signed, MAINNET)))).rejects.toMatchObject({
      code: 'WRONG_NETWORK',
    });
    expect(world.node.calls({ path: /^\/transactionStatus\// })).toEqual([]);
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('a payload signed for another network (file without network): WRONG_NETWORK', async () => {
    freshWorld();
    const signed = signedDelegation({ seedOf: MAINNET });

    await expect(announceSignedFile(parameters(fileOf(signed, null)))).rejects.toMatchObject({
      code: 'WRONG_NETWORK',
    });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('a signed header field altered after signing (file naming this network): INVALID_PAYLOAD', async () => {
    freshWorld();
    const signed = signedDelegation();
    const altered = Uint8Array.from(signed.payload);
    altered[112]! ^= 1; // max fee, inside the signed header

    await expect(
      announceSignedFile(parameters(fileOf({ payload: altered, hash: signed.hash }))),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  // An aggregate's signature covers its header and transactionsHash, not the inner transactions' bytes: an inner
  // transaction altered after signing (here one byte of the delegation request; it could be a linked key or the
  // request's recipient) shows only as a transactionsHash that no longer matches, and must be refused
  // (INVALID_PAYLOAD) before anything is shown or sent. (The payload's very last bytes are the inner transaction's
  // padding to 8 bytes, which no hash covers: altering them changes no transaction.)
  it('an inner transaction altered after signing: INVALID_PAYLOAD, nothing announced', async () => {
    freshWorld();
    const signed = signedDelegation();
    const altered = Uint8Array.from(signed.payload);
    altered[altered.length - 5]! ^= 1; // last byte of the delegation request's message (4 bytes of padding follow)

    await expect(
      announceSignedFile(
        parameters(fileOf({ payload: altered, hash: signed.hash }), {
          review: () => Promise.reject(new Error('shown')),
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('--expected network differs from the node: WRONG_NETWORK', async () => {
    freshWorld();
    const signed = signedDelegation();

    await expect(
      announceSignedFile(parameters(fileOf(signed), { expectedNetwork: MAINNET })),
    ).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('dry run: shown, nothing announced', async () => {
    freshWorld();
    const signed = signedDelegation();
    let shown = 0;

    const result = await announceSignedFile(
      parameters(fileOf(signed), { dryRun: true, review: () => Promise.resolve(void (shown += 1)) }),
    );

    expect(shown).toBe(1);
    expect(result).toMatchObject({ announced: false, state: 'INACTIVE' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);
  });

  it('no confirmation in time: CONFIRMATION_PENDING, announced once', async () => {
    freshWorld();
    world.chain.confirmAfterPolls = Number.POSITIVE_INFINITY;
    const signed = signedDelegation();

    const result = await announceSignedFile(parameters(fileOf(signed), { confirmationTimeoutMs: 60_000 }));

    expect(result).toMatchObject({ state: 'CONFIRMATION_PENDING', announced: true });
    expect(world.chain.announced).toEqual([toHex(signed.payload)]);
    expect(world.time.elapsedMs()).toBeGreaterThanOrEqual(60_000);
  });

  it('a transfer hidden in the aggregate: UNSAFE_TRANSACTION before review; --allow-any announces it', async () => {
    freshWorld();
    const unsigned = buildAggregate({
      networkIdentifier: TESTNET.identifier,
      signerPublicKey: MAIN_PUBLIC,
      deadline: computeDeadline(networkTimeOf(world.time.now(), TESTNET.epochAdjustmentSeconds)),
      fee: { multiplier: 100n },
      version: 3,
      transactions: [
        { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: derivePublicKey(REMOTE_PRIVATE) },
        {
          type: 'transfer',
          recipientAddress: deriveAddress(derivePublicKey(keyOf(0x66)), TESTNET.identifier),
          message: new TextEncoder().encode('hello'),
        },
      ],
    });
    const signed = signTransaction(unsigned.payload, MAIN_PRIVATE, TESTNET.generationHashSeed);
    const file = fileOf({ payload: signed.payload, hash: toHex(signed.hash) });

    await expect(
      announceSignedFile(parameters(file, { review: () => Promise.reject(new Error('shown')) })),
    ).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
    expect(world.node.calls({ method: 'PUT' })).toEqual([]);

    const result = await announceSignedFile(parameters(file, { allowAny: true }));
    expect(result.announced).toBe(true);
    expect(result.plan.map((entry) => entry.kind)).toEqual(['remoteLink', 'transfer']);
    expect(world.chain.announced).toEqual([toHex(signed.payload)]);
  });

  it('two transactions, the first already confirmed: only the second is announced', async () => {
    freshWorld();
    const first = signedDelegation();
    const second = signedDelegation({ lifetimeMs: 3_600_000n });
    world.chain.setStatus(first.hash, 'confirmed');
    const file: AnnounceFile = {
      transactions: [
        { payload: first.payload, hash: first.hash },
        { payload: second.payload, hash: second.hash },
      ],
    };

    const result = await announceSignedFile(parameters(file));

    expect(world.chain.announced).toEqual([toHex(second.payload)]);
    expect(result.transactions.map((transaction) => toHex(transaction.hash!))).toEqual([
      first.hash,
      second.hash,
    ]);
    expect(result.announced).toBe(true);
  });

  // After the file's transaction is confirmed, /node/unlockedaccount failing during the activation wait still gives
  // a result (ACTIVATION_PENDING with NODE_DIAGNOSTICS_UNAVAILABLE), not a NodeError.
  it('/node/unlockedaccount failing during the activation wait: still a result', async () => {
    freshWorld();
    world.chain.unlockDelegates = false;
    let probes = 0;
    world.node.on('GET', '/node/unlockedaccount', () =>
      ++probes === 1 ? { unlockedAccount: [] } : reply(503, { code: 'ServiceUnavailable', message: 'busy' }),
    );

    const result = await announceSignedFile(parameters(fileOf(signedDelegation())));

    expect(result).toMatchObject({
      state: 'ACTIVATION_PENDING',
      announced: true,
      // the file's remote key is in no keystore here
      reasons: ['REMOTE_KEY_NOT_IN_KEYSTORE', 'NODE_DIAGNOSTICS_UNAVAILABLE'],
    });
  });

  it('SIGINT/SIGTERM during the review: CANCELLED, nothing announced', async () => {
    freshWorld();
    const controller = new AbortController();
    await expect(
      announceSignedFile(
        parameters(fileOf(signedDelegation()), {
          review: () => Promise.resolve(controller.abort('SIGINT')),
          signal: controller.signal,
        }),
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(world.chain.announced).toEqual([]);
  });

  it('SIGINT/SIGTERM during the activation wait: ACTIVATION_PENDING at once', async () => {
    freshWorld();
    world.chain.unlockDelegates = false;
    const controller = new AbortController();
    const result = await announceSignedFile(
      parameters(fileOf(signedDelegation()), {
        sleep: (ms, signal) => {
          if (world.time.elapsedMs() >= 30_000) controller.abort('SIGTERM');
          return world.time.sleep(ms, signal);
        },
        signal: controller.signal,
      }),
    );
    expect(result).toMatchObject({ state: 'ACTIVATION_PENDING', announced: true });
    expect(world.time.elapsedMs()).toBeLessThan(60_000);
  });

  describe('a multisig set-up (hash lock + bonded aggregate)', () => {
    /** The lock and aggregate as `harvest sign` signs them; `lockHash` overrides the hash the lock names. */
    function signedPair(inner: readonly InnerTransaction[], lockHash?: Uint8Array): AnnounceFile {
      const deadline = computeDeadline(networkTimeOf(world.time.now(), TESTNET.epochAdjustmentSeconds));
      const payloads = bondedPlanPayloads({ inner, deadline });
      const aggregate = signTransaction(payloads.aggregate, INITIATOR_PRIVATE, TESTNET.generationHashSeed);
      const lock = signTransaction(
        bindHashLock(payloads.lock, lockHash ?? aggregate.hash),
        INITIATOR_PRIVATE,
        TESTNET.generationHashSeed,
      );
      return {
        ...fileOf({ payload: lock.payload, hash: toHex(lock.hash) }),
        transactions: [
          { payload: lock.payload, kind: 'hashLock', hash: toHex(lock.hash) },
          { payload: aggregate.payload, kind: 'delegate', hash: toHex(aggregate.hash) },
        ],
      };
    }

    /** A 2-of-3 multisig account on the chain, the file's pair cosigned offline by the second cosignatory. */
    function cosignedPair(options: {
      holdAfterMs: number;
      loseCosignatures?: number;
      initiatorBalance?: bigint;
    }) {
      freshWorld();
      world.chain.addAccount({ publicKey: MULTISIG_PUBLIC, balance: BALANCE });
      world.chain.addAccount({
        publicKey: INITIATOR_PUBLIC,
        balance: options.initiatorBalance ?? 100_000_000n,
      });
      const file = signedPair([NODE_LINK]);
      const aggregate = file.transactions[1]!;
      const hash = hashTransaction(aggregate.payload, TESTNET.generationHashSeed);
      const cosignature = cosignAggregateHash(hash, SECOND_PRIVATE);
      const cache = stubPartialCache(world.node, {
        time: world.time,
        aggregate: { hash, payload: aggregate.payload },
        holdAfterMs: options.holdAfterMs,
        multisig: { publicKey: MULTISIG_PUBLIC, minApproval: 2 },
        cosignatories: [INITIATOR_PUBLIC, derivePublicKey(SECOND_PRIVATE), derivePublicKey(keyOf(0x64))],
        ...(options.loseCosignatures === undefined ? {} : { loseCosignatures: options.loseCosignatures }),
      });
      return {
        file: {
          ...file,
          cosignatures: [{ signerPublicKey: cosignature.signerPublicKey, signature: cosignature.signature }],
        },
        cache,
        second: toHex(cosignature.signerPublicKey),
        signature: toHex(cosignature.signature),
      };
    }

    it('sends the file’s cosignatures only once the node holds the aggregate (it adds partials late)', async () => {
      const { file, cache, second, signature } = cosignedPair({ holdAfterMs: 12_000 });
      const result = await announceSignedFile(parameters(file, { wait: false }));
      expect(cache.dropped).toEqual([]);
      expect([...cache.cosignatures]).toEqual([[second, signature]]);
      expect(result).toMatchObject({ announced: true, state: 'CONFIRMATION_PENDING' });
      expect(result.multisig).toMatchObject({ cosignaturesNeeded: 0 });
      // the lock was confirmed before the aggregate went to the partial cache
      const order = world.node.calls({ method: 'PUT' });
      expect(order).toEqual([
        'PUT /transactions',
        'PUT /transactions/partial',
        'PUT /transactions/cosignature',
      ]);
    });

    it('an initiator that cannot pay the lock fee, the 10 XYM deposit and the aggregate fee: INSUFFICIENT_BALANCE, nothing announced', async () => {
      // the deposit (10 XYM) and the lock fee, but not the aggregate fee (0.05 XYM)
      const { file } = cosignedPair({ holdAfterMs: 0, initiatorBalance: 10_018_400n + 49_999n });
      let shown = false;
      await expect(
        announceSignedFile(
          parameters(file, {
            review: () => {
              shown = true;
              return Promise.resolve();
            },
          }),
        ),
      ).rejects.toMatchObject({
        code: 'INSUFFICIENT_BALANCE',
        message: expect.stringMatching(/holds 10\.068399 XYM, less than the 10\.068400 XYM/),
      });
      expect(shown).toBe(false);
      expect(world.node.calls({ method: 'PUT' })).toEqual([]);
    });

    it('an initiator holding exactly what it pays: announced', async () => {
      const { file } = cosignedPair({ holdAfterMs: 0, initiatorBalance: 10_068_400n });
      await expect(announceSignedFile(parameters(file, { wait: false }))).resolves.toMatchObject({
        announced: true,
      });
    });

    it('a node that does not hold the aggregate within the timeout: no cosignature sent, a note, CONFIRMATION_PENDING', async () => {
      const { file, cache } = cosignedPair({ holdAfterMs: 10 * 3600_000 });
      const notes: string[] = [];
      const result = await announceSignedFile(
        parameters(file, { confirmationTimeoutMs: 3 * 60_000, onNote: (text) => notes.push(text) }),
      );
      expect(result).toMatchObject({ announced: true, state: 'CONFIRMATION_PENDING' });
      expect(world.node.calls({ method: 'PUT', path: '/transactions/cosignature' })).toEqual([]);
      expect(cache.dropped).toEqual([]);
      expect(notes.join('\n')).toMatch(/does not hold the bonded aggregate yet.*announce.*again/);
      // announced again to the partial cache after two block times of 404, as the confirmation wait does
      expect(world.node.calls({ method: 'PUT', path: '/transactions/partial' }).length).toBeGreaterThan(1);
      expect(world.time.elapsedMs()).toBeLessThan(4 * 60_000);
    });

    it('sends again a cosignature the node lost after holding the aggregate', async () => {
      const { file, cache, second, signature } = cosignedPair({ holdAfterMs: 0, loseCosignatures: 1 });
      await announceSignedFile(parameters(file, { wait: false }));
      expect([...cache.cosignatures]).toEqual([[second, signature]]);
      expect(world.node.calls({ method: 'PUT', path: '/transactions/cosignature' })).toHaveLength(2);
    });

    it('an altered aggregate in a multisig file is INVALID_PAYLOAD (altered), before any judgement of the lock', async () => {
      freshWorld();
      const file = signedPair([NODE_LINK]);
      const aggregate = Uint8Array.from(file.transactions[1]!.payload);
      aggregate[aggregate.length - 1]! ^= 0x01; // a byte of the inner transaction
      const altered = {
        ...file,
        transactions: [
          file.transactions[0]!,
          { ...file.transactions[1]!, payload: aggregate, hash: undefined },
        ],
      } as AnnounceFile;
      await expect(announceSignedFile(parameters(altered))).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
      });
      const signature = Uint8Array.from(file.transactions[1]!.payload);
      signature[8]! ^= 0x01; // a byte of its signature
      const resigned = {
        ...file,
        transactions: [
          file.transactions[0]!,
          { ...file.transactions[1]!, payload: signature, hash: undefined },
        ],
      } as AnnounceFile;
      await expect(announceSignedFile(parameters(resigned))).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
      });
      expect(world.chain.announced).toEqual([]);
    });

    it('a multisig file whose header names another account than the one its aggregate sets up is INVALID_FILE', async () => {
      freshWorld();
      const file = { ...signedPair([NODE_LINK]), mainAddress: 'TBYLY5BLCZRDRVYJQ4DEZDKUQWD2RZRYKXNQQKQ' };
      await expect(announceSignedFile(parameters(file))).rejects.toMatchObject({ code: 'INVALID_FILE' });
      expect(world.chain.announced).toEqual([]);
    });

    it('UNSAFE_TRANSACTION for a lock that names another aggregate: nothing announced', async () => {
      freshWorld();
      await expect(
        announceSignedFile(parameters(signedPair([NODE_LINK], new Uint8Array(32).fill(7)))),
      ).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION' });
      expect(world.chain.announced).toEqual([]);
    });

    describe('a hash lock the aggregate it names does not follow: refused even with --allow-any', () => {
      const cases: [string, () => AnnounceFile][] = [
        ['a zero-hash lock (an unsigned plan’s)', () => signedPair([NODE_LINK], new Uint8Array(32))],
        ['a lock naming another aggregate', () => signedPair([NODE_LINK], new Uint8Array(32).fill(7))],
        [
          'a lock alone',
          () => {
            const file = signedPair([NODE_LINK]);
            return { ...file, transactions: file.transactions.slice(0, 1) };
          },
        ],
        [
          'a lock and its aggregate after another transaction (not a multisig set-up)',
          () => {
            const file = signedPair([NODE_LINK]);
            const other = signedDelegation();
            return {
              ...file,
              transactions: [
                { payload: other.payload, kind: 'delegate', hash: other.hash },
                ...file.transactions,
              ],
            };
          },
        ],
        [
          'a lock after its aggregate',
          () => {
            const file = signedPair([NODE_LINK]);
            return { ...file, transactions: [...file.transactions].reverse() };
          },
        ],
      ];
      it.each(cases)('%s: UNSAFE_TRANSACTION, nothing shown or announced', async (_name, make) => {
        freshWorld();
        let shown = false;
        await expect(
          announceSignedFile(
            parameters(make(), {
              allowAny: true,
              review: () => {
                shown = true;
                return Promise.resolve();
              },
            }),
          ),
        ).rejects.toMatchObject({ code: 'UNSAFE_TRANSACTION', message: expect.stringMatching(/hash lock/) });
        expect(shown).toBe(false);
        expect(world.chain.announced).toEqual([]);
      });
    });

    it('UNSAFE_TRANSACTION for a bonded aggregate that moves funds: nothing announced', async () => {
      freshWorld();
      const sweep: InnerTransaction = {
        type: 'transfer',
        recipientAddress: deriveAddress(MAIN_PUBLIC, TESTNET.identifier),
        message: new Uint8Array(0),
        mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: 1_000_000_000n }],
      };
      await expect(announceSignedFile(parameters(signedPair([NODE_LINK, sweep])))).rejects.toMatchObject({
        code: 'UNSAFE_TRANSACTION',
        message: expect.stringMatching(/transfer/),
      });
      expect(world.chain.announced).toEqual([]);
    });
  });
});
