/**
 * The devnet's multisig model (docs/devnet.md, "Multisig"): --multisig accounts at genesis, hash locks, partial
 * transactions with cosignatures and minApproval, lock refund and expiry, with symbol-sdk as the only client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PublicKey, Signature } from 'symbol-sdk';
import { SymbolFacade } from 'symbol-sdk/symbol';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { announce, facadeOf, fundedKeyPair, getJson, randomKeyPair, transfer } from './sdkClient.js';
import {
  bondedAggregate,
  cosignedAggregate,
  cosignatureBody,
  delegationTransfer,
  multisigModification,
  hashLock,
  keyPairFromFile,
  linkTransactions,
  put,
} from './multisigClient.js';

const running: Devnet[] = [];
async function start(options: Parameters<typeof startDevnet>[0] = {}) {
  const devnet = await startDevnet({
    port: 0,
    blockTimeSeconds: 0,
    accounts: 2,
    multisig: [{ minApproval: 2, cosignatories: 3 }],
    ...options,
  });
  running.push(devnet);
  return devnet;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((devnet) => devnet.close()));
});

const HEX48 = /^[0-9A-F]{48}$/;

async function balance(devnet: Devnet, address: string): Promise<bigint> {
  const { body } = await getJson(`${devnet.url}/accounts/${address}`);
  return BigInt(body.account.mosaics[0]?.amount ?? '0');
}

async function statusOf(devnet: Devnet, hash: string) {
  return (await getJson(`${devnet.url}/transactionStatus/${hash}`)).body;
}

/** The 2-of-3 account of the descriptor, its cosigners' key pairs and a bonded aggregate linking its keys. */
function setup(devnet: Devnet) {
  const facade = facadeOf(devnet);
  const multisig = devnet.descriptor.multisigAccounts[0]!;
  const cosigners = multisig.cosignatories.map((cosignatory) => keyPairFromFile(cosignatory.keyFile));
  const remote = randomKeyPair();
  const vrf = randomKeyPair();
  const account = new PublicKey(multisig.publicKey);
  const node = new PublicKey(devnet.descriptor.nodePublicKey);
  const inner = [
    ...linkTransactions(facade, account, remote.publicKey, vrf.publicKey, node),
    delegationTransfer(facade, account, node, remote, vrf),
  ];
  const aggregate = bondedAggregate(facade, cosigners[0]!, inner);
  return { facade, multisig, cosigners, remote, vrf, aggregate };
}

describe('--multisig at genesis', () => {
  it('lists m-of-n accounts with funded cosignatories and answers /account/{address}/multisig', async () => {
    const devnet = await start({
      multisig: [
        { minApproval: 2, cosignatories: 3 },
        { minApproval: 1, cosignatories: 1 },
      ],
    });
    const [first, second] = devnet.descriptor.multisigAccounts;
    expect(devnet.descriptor.multisigAccounts).toHaveLength(2);
    expect(first).toEqual({
      address: expect.stringMatching(/^T[A-Z2-7]{38}$/),
      publicKey: expect.stringMatching(/^[0-9A-F]{64}$/),
      minApproval: 2,
      cosignatories: [0, 1, 2].map((index) => ({
        address: expect.stringMatching(/^T[A-Z2-7]{38}$/),
        publicKey: expect.stringMatching(/^[0-9A-F]{64}$/),
        keyFile: expect.stringMatching(new RegExp(`cosignatory-${index}\\.key$`)),
      })),
    });
    expect(second!.minApproval).toBe(1);
    expect(await balance(devnet, first!.address)).toBe(150_000_000_000n);
    expect(await balance(devnet, first!.cosignatories[0]!.address)).toBe(1_000_000_000n);

    const { status, body } = await getJson(`${devnet.url}/account/${first!.address}/multisig`);
    expect(status).toBe(200);
    expect(body).toEqual({
      multisig: {
        version: 1,
        accountAddress: expect.stringMatching(HEX48),
        minApproval: 2,
        minRemoval: 2,
        cosignatoryAddresses: [
          expect.stringMatching(HEX48),
          expect.stringMatching(HEX48),
          expect.stringMatching(HEX48),
        ],
        multisigAddresses: [],
      },
    });
    const cosigner = (await getJson(`${devnet.url}/account/${first!.cosignatories[1]!.address}/multisig`))
      .body;
    expect(cosigner.multisig).toMatchObject({
      minApproval: 0,
      cosignatoryAddresses: [],
      multisigAddresses: [body.multisig.accountAddress],
    });
    expect(body.multisig.cosignatoryAddresses).toContain(cosigner.multisig.accountAddress);
    const plain = await getJson(`${devnet.url}/account/${devnet.descriptor.accounts[0]!.address}/multisig`);
    expect(plain.status).toBe(404);
    expect(plain.body.code).toBe('ResourceNotFound');
  });

  it('refuses a transaction the multisig account signs itself', async () => {
    const devnet = await start();
    const facade = facadeOf(devnet);
    const account = keyPairFromFile(
      devnet.descriptor.multisigAccounts[0]!.cosignatories[0]!.keyFile.replace(
        /cosignatory-0\.key$/,
        'account.key',
      ),
    );
    const sent = transfer(facade, account, devnet.descriptor.accounts[0]!.address, 1n);
    await announce(devnet.url, sent.body);
    devnet.mineBlock();
    expect((await statusOf(devnet, sent.hash)).code).toBe('Failure_Multisig_Operation_Prohibited_By_Account');
  });
});

describe('hash lock, bonded aggregate and cosignatures', () => {
  it('links a 2-of-3 multisig account’s keys with one cosignature, and the lock’s 10 XYM come back', async () => {
    const devnet = await start();
    const { facade, multisig, cosigners, remote, vrf, aggregate } = setup(devnet);
    const initiator = multisig.cosignatories[0]!.address;
    const before = await balance(devnet, initiator);

    const lock = hashLock(facade, cosigners[0]!, aggregate.hash, 100n);
    expect((await announce(devnet.url, lock.body)).status).toBe(202);
    devnet.mineBlock();
    expect(await statusOf(devnet, lock.hash)).toMatchObject({ group: 'confirmed', code: 'Success' });
    const lockFee = before - (await balance(devnet, initiator)) - 10_000_000n;
    expect(lockFee).toBeGreaterThan(0n);

    const locks = (await getJson(`${devnet.url}/lock/hash?address=${initiator}`)).body;
    expect(locks.data).toEqual([
      {
        id: expect.stringMatching(/^[0-9A-F]{24}$/),
        lock: {
          version: 1,
          ownerAddress: expect.stringMatching(HEX48),
          mosaicId: '3A8416DB2D53B6C8',
          amount: '10000000',
          endHeight: '102',
          status: 0,
          hash: aggregate.hash,
        },
      },
    ]);
    expect((await getJson(`${devnet.url}/lock/hash/${aggregate.hash}`)).body).toEqual(locks.data[0]);

    expect((await put(devnet.url, '/transactions/partial', aggregate.body)).status).toBe(202);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'partial', code: 'Success' });
    const partial = (await getJson(`${devnet.url}/transactions/partial/${aggregate.hash}`)).body;
    expect(partial.meta).toMatchObject({ hash: aggregate.hash, height: '0' });
    expect(partial.transaction).toMatchObject({ type: 0x4241, version: 3, cosignatures: [] });
    expect(partial.transaction.transactions).toHaveLength(4);
    const byAddress = (await getJson(`${devnet.url}/transactions/partial?address=${multisig.address}`)).body;
    expect(byAddress.data.map((item: any) => item.meta.hash)).toEqual([aggregate.hash]);
    const bySigner = (
      await getJson(
        `${devnet.url}/transactions/partial?signerPublicKey=${multisig.cosignatories[0]!.publicKey}`,
      )
    ).body;
    expect(bySigner.data).toHaveLength(1);

    // The second cosigner approves: 2 of 3 with the initiator.
    expect(
      (await put(devnet.url, '/transactions/cosignature', cosignatureBody(cosigners[1]!, aggregate.hash)))
        .status,
    ).toBe(202);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'unconfirmed' });
    expect((await getJson(`${devnet.url}/transactions/partial/${aggregate.hash}`)).status).toBe(404);
    devnet.mineBlock();
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'confirmed', code: 'Success' });

    const account = (await getJson(`${devnet.url}/accounts/${multisig.address}`)).body.account;
    expect(account.supplementalPublicKeys).toEqual({
      linked: { publicKey: remote.publicKey.toString() },
      vrf: { publicKey: vrf.publicKey.toString() },
      node: { publicKey: devnet.descriptor.nodePublicKey },
    });
    // The embedded delegation request, signed by the multisig account, unlocked its remote key on the node.
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([
      remote.publicKey.toString(),
    ]);
    expect((await getJson(`${devnet.url}/lock/hash/${aggregate.hash}`)).body.lock.status).toBe(1);
    const confirmed = (await getJson(`${devnet.url}/transactions/confirmed/${aggregate.hash}`)).body;
    const [cosignature] = confirmed.transaction.cosignatures;
    expect(confirmed.transaction.cosignatures).toHaveLength(1);
    expect(cosignature.signerPublicKey).toBe(multisig.cosignatories[1]!.publicKey);
    const verifier = new SymbolFacade.Verifier(new PublicKey(cosignature.signerPublicKey));
    expect(verifier.verify(Buffer.from(aggregate.hash, 'hex'), new Signature(cosignature.signature))).toBe(
      true,
    );
    // The lock's funds are back; the initiator paid only the two fees.
    const aggregateFee = BigInt(confirmed.transaction.maxFee);
    expect(await balance(devnet, initiator)).toBe(before - lockFee - aggregateFee);
    expect(await balance(devnet, multisig.cosignatories[1]!.address)).toBe(1_000_000_000n);
  });

  it('fails a bonded aggregate without a confirmed lock with Failure_LockHash_Unknown_Hash', async () => {
    const devnet = await start();
    const { facade, cosigners, aggregate } = setup(devnet);
    // The lock is announced but not yet confirmed: the aggregate comes too early.
    await announce(devnet.url, hashLock(facade, cosigners[0]!, aggregate.hash, 100n).body);
    expect((await put(devnet.url, '/transactions/partial', aggregate.body)).status).toBe(202);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({
      group: 'failed',
      code: 'Failure_LockHash_Unknown_Hash',
    });
    expect((await getJson(`${devnet.url}/transactions/partial/${aggregate.hash}`)).status).toBe(404);
    // Announced again once the lock has confirmed, it is accepted.
    devnet.mineBlock();
    await put(devnet.url, '/transactions/partial', aggregate.body);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'partial', code: 'Success' });
  });

  it('keeps multisig accounts and locks in the state folder, and a resumed chain adds no new multisig account', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'harvest-multisig-'));
    try {
      const devnet = await start({ stateDir });
      const { facade, multisig, cosigners, aggregate } = setup(devnet);
      await announce(devnet.url, hashLock(facade, cosigners[0]!, aggregate.hash, 100n).body);
      devnet.mineBlock();
      await devnet.close();
      const resumed = await start({ stateDir, multisig: [{ minApproval: 1, cosignatories: 1 }] });
      expect(resumed.descriptor.multisigAccounts).toEqual(devnet.descriptor.multisigAccounts);
      expect(
        (await getJson(`${resumed.url}/account/${multisig.address}/multisig`)).body.multisig.minApproval,
      ).toBe(2);
      expect((await getJson(`${resumed.url}/lock/hash/${aggregate.hash}`)).body.lock).toMatchObject({
        status: 0,
        endHeight: '102',
      });
      await resumed.close();
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('keeps no bad cosignature and none from a non-cosignatory, and the aggregate waits', async () => {
    const devnet = await start();
    const { facade, cosigners, aggregate } = setup(devnet);
    await announce(devnet.url, hashLock(facade, cosigners[0]!, aggregate.hash, 100n).body);
    devnet.mineBlock();
    await put(devnet.url, '/transactions/partial', aggregate.body);

    const good = JSON.parse(cosignatureBody(cosigners[1]!, aggregate.hash));
    const tampered = {
      ...good,
      signature: good.signature.replace(/^./, good.signature[0] === 'A' ? 'B' : 'A'),
    };
    const stranger = cosignatureBody(fundedKeyPair(devnet, 0), aggregate.hash);
    const otherHash = cosignatureBody(cosigners[2]!, '0'.repeat(64));
    for (const body of [JSON.stringify(tampered), stranger, otherHash]) {
      expect((await put(devnet.url, '/transactions/cosignature', body)).status).toBe(202);
    }
    devnet.mineBlock();
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'partial' });
    expect(
      (await getJson(`${devnet.url}/transactions/partial/${aggregate.hash}`)).body.transaction.cosignatures,
    ).toEqual([]);

    const malformed = await put(
      devnet.url,
      '/transactions/cosignature',
      JSON.stringify({ ...good, signature: 'XYZ' }),
    );
    expect(malformed.status).toBe(409);
    expect(((await malformed.json()) as { code: string }).code).toBe('InvalidArgument');

    // The real cosignature is kept and completes it.
    await put(devnet.url, '/transactions/cosignature', JSON.stringify(good));
    devnet.mineBlock();
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'confirmed' });
  });

  it('gives an expired lock’s 10 XYM to the block’s beneficiary and drops the partial transaction', async () => {
    const devnet = await start();
    const { facade, cosigners, aggregate } = setup(devnet);
    const owner = (await getJson(`${devnet.url}/node/info`)).body.publicKey;
    const lock = hashLock(facade, cosigners[0]!, aggregate.hash, 3n);
    await announce(devnet.url, lock.body);
    devnet.mineBlock(); // height 2: the lock, ending at height 5
    await put(devnet.url, '/transactions/partial', aggregate.body);
    const afterLock = await balance(devnet, owner);
    devnet.mineBlock();
    devnet.mineBlock();
    expect(await balance(devnet, owner)).toBe(afterLock);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({ group: 'partial' });
    devnet.mineBlock(); // height 5
    expect(await balance(devnet, owner)).toBe(afterLock + 10_000_000n);
    expect(await statusOf(devnet, aggregate.hash)).toMatchObject({
      group: 'failed',
      code: 'Failure_LockHash_Inactive_Hash',
    });
    expect((await getJson(`${devnet.url}/transactions/partial/${aggregate.hash}`)).status).toBe(404);
    // A cosignature now finds nothing to complete, and the initiator's 10 XYM stay gone.
    await put(devnet.url, '/transactions/cosignature', cosignatureBody(cosigners[1]!, aggregate.hash));
    devnet.mineBlock();
    expect((await statusOf(devnet, aggregate.hash)).group).toBe('failed');
  });

  it('refuses locks of another amount or longer than maxHashLockDuration', async () => {
    const devnet = await start();
    const { facade, cosigners, aggregate } = setup(devnet);
    const tooLong = hashLock(facade, cosigners[0]!, aggregate.hash, 172_801n);
    const wrongAmount = hashLock(facade, cosigners[1]!, aggregate.hash, 10n, 5_000_000n);
    await announce(devnet.url, tooLong.body);
    await announce(devnet.url, wrongAmount.body);
    devnet.mineBlock();
    expect((await statusOf(devnet, tooLong.hash)).code).toBe('Failure_LockHash_Invalid_Duration');
    expect((await statusOf(devnet, wrongAmount.hash)).code).toBe('Failure_LockHash_Invalid_Mosaic_Amount');
    const properties = (await getJson(`${devnet.url}/network/properties`)).body;
    expect(properties.plugins.lockhash).toEqual({
      lockedFundsPerAggregate: "10'000'000",
      maxHashLockDuration: '2d',
    });
  });
});

describe('complete aggregates with a multisig signer', () => {
  it('need minApproval cosignatories, and no lock', async () => {
    const devnet = await start();
    const facade = facadeOf(devnet);
    const multisig = devnet.descriptor.multisigAccounts[0]!;
    const cosigners = multisig.cosignatories.map((cosignatory) => keyPairFromFile(cosignatory.keyFile));
    const account = new PublicKey(multisig.publicKey);
    const node = new PublicKey(devnet.descriptor.nodePublicKey);
    const remote = randomKeyPair();
    const inner = () => linkTransactions(facade, account, remote.publicKey, randomKeyPair().publicKey, node);

    const alone = cosignedAggregate(facade, cosigners[0]!, inner(), []);
    const stranger = cosignedAggregate(facade, cosigners[0]!, inner(), [fundedKeyPair(devnet, 0)]);
    const enough = cosignedAggregate(facade, cosigners[0]!, inner(), [cosigners[2]!]);
    for (const aggregate of [alone, stranger, enough]) await announce(devnet.url, aggregate.body);
    expect((await statusOf(devnet, alone.hash)).code).toBe('Failure_Aggregate_Missing_Cosignatures');
    expect((await statusOf(devnet, stranger.hash)).code).toBe('Failure_Aggregate_Ineligible_Cosignatories');
    devnet.mineBlock();
    expect(await statusOf(devnet, enough.hash)).toMatchObject({ group: 'confirmed', code: 'Success' });
    const links = (await getJson(`${devnet.url}/accounts/${multisig.address}`)).body.account
      .supplementalPublicKeys;
    expect(links.linked).toEqual({ publicKey: remote.publicKey.toString() });
  });
});

describe('multisig account modification (0x4155)', () => {
  it('turns an account into a 2-of-2 multisig in a complete aggregate cosigned by the new cosignatories', async () => {
    const devnet = await start({ multisig: [] });
    const facade = facadeOf(devnet);
    const owner = fundedKeyPair(devnet, 0);
    const address = devnet.descriptor.accounts[0]!.address;
    const [first, second] = [randomKeyPair(), randomKeyPair()];
    const inner = () => [multisigModification(facade, owner.publicKey, 2, 2, [first, second])];

    const halfSigned = cosignedAggregate(facade, owner, inner(), [first]);
    await announce(devnet.url, halfSigned.body);
    expect((await statusOf(devnet, halfSigned.hash)).code).toBe('Failure_Aggregate_Missing_Cosignatures');
    const tooStrict = cosignedAggregate(
      facade,
      owner,
      [multisigModification(facade, owner.publicKey, 3, 1, [first, second])],
      [first, second],
    );
    await announce(devnet.url, tooStrict.body);

    const signed = cosignedAggregate(facade, owner, inner(), [first, second]);
    expect((await announce(devnet.url, signed.body)).status).toBe(202);
    devnet.mineBlock();
    expect((await statusOf(devnet, tooStrict.hash)).code).toBe(
      'Failure_Multisig_Min_Setting_Larger_Than_Num_Cosignatories',
    );
    expect(await statusOf(devnet, signed.hash)).toMatchObject({ group: 'confirmed', code: 'Success' });
    const { body } = await getJson(`${devnet.url}/account/${address}/multisig`);
    expect(body.multisig).toMatchObject({ minApproval: 2, minRemoval: 2, multisigAddresses: [] });
    expect(body.multisig.cosignatoryAddresses).toHaveLength(2);

    // From now on the account signs nothing itself.
    const sent = transfer(facade, owner, devnet.descriptor.accounts[1]!.address, 1n);
    await announce(devnet.url, sent.body);
    devnet.mineBlock();
    expect((await statusOf(devnet, sent.hash)).code).toBe('Failure_Multisig_Operation_Prohibited_By_Account');
  });
});
