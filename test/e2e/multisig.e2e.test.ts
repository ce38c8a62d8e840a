/**
 * Issue 12 acceptance on the devnet (spawned bin/harvest over HTTP): a 2-of-3 multisig account delegates with two
 * cosignatories — one initiating with `delegate --multisig`, one with `cosign` — and ends ACTIVE; the lock's deposit
 * comes back; a re-run after SIGKILL between the lock and the aggregate pays no second lock; `cosign` refuses a
 * partial that moves funds; symbol-sdk verifies every signature and cosignature these runs produced.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublicKey, Signature } from 'symbol-sdk';
import { Address, SymbolFacade, SymbolTransactionFactory, Verifier } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { currencyBalance, DEVNET_CURRENCY, devnetRest, useDevnet } from '../helpers/devnetFixture.js';
import { BIN, spawnCli } from '../helpers/spawnCli.js';
import { bondedAggregate, hashLock, keyPairFromFile, put } from '../devnet/multisigClient.js';

const world = useDevnet(
  {
    blockTimeSeconds: 0.3,
    multisig: [
      { minApproval: 2, cosignatories: 3 },
      { minApproval: 2, cosignatories: 3 },
      { minApproval: 2, cosignatories: 3 },
    ],
  },
  'harvest-multisig-',
);
const env = { HARVEST_PASSWORD: 'multisig e2e' };
const rest = (path: string) => devnetRest(world.devnet, path);
const balanceOf = (address: string) => currencyBalance(world.devnet, address);

function delegateArgs(index: number, cosignatory: number, ...extra: string[]): string[] {
  const multisig = world.devnet.descriptor.multisigAccounts[index]!;
  return [
    'delegate',
    '--json',
    '--node',
    world.devnet.url,
    '--multisig',
    multisig.address,
    '--key-file',
    multisig.cosignatories[cosignatory]!.keyFile,
    '--home',
    join(world.dir, 'home'),
    '--yes',
    ...extra,
  ];
}

function cosignArgs(index: number, cosignatory: number, ...extra: string[]): string[] {
  const multisig = world.devnet.descriptor.multisigAccounts[index]!;
  return [
    'cosign',
    '--json',
    '--node',
    world.devnet.url,
    '--key-file',
    multisig.cosignatories[cosignatory]!.keyFile,
    '--yes',
    ...extra,
  ];
}

/** symbol-sdk checks the signatures of a lock and an aggregate this tool produced, and the aggregate's hash. */
function sdkVerifies(payloadHex: string, hashHex: string): void {
  const facade = new SymbolFacade(world.devnet.network);
  const transaction = SymbolTransactionFactory.deserialize(Buffer.from(payloadHex, 'hex')) as any;
  expect(facade.verifyTransaction(transaction, transaction.signature)).toBe(true);
  expect(facade.hashTransaction(transaction).toString()).toBe(hashHex);
}

describe('delegate --multisig and cosign on a 2-of-3 multisig account', () => {
  it('initiator locks and announces, the second cosignatory cosigns, the account ends ACTIVE, the deposit comes back', async () => {
    const multisig = world.devnet.descriptor.multisigAccounts[0]!;
    const initiator = multisig.cosignatories[0]!;
    const before = await balanceOf(initiator.address);

    const started = await spawnCli(delegateArgs(0, 0, '--no-wait'), { env, timeoutMs: 60_000 });
    expect(started.exitCode, started.stderr).toBe(0);
    const first = JSON.parse(started.stdout);
    expect(first).toMatchObject({
      mainAddress: multisig.address,
      mainPublicKey: multisig.publicKey,
      announced: true,
      state: 'CONFIRMATION_PENDING',
      multisig: {
        address: multisig.address,
        minApproval: 2,
        initiatorAddress: initiator.address,
        lockDeposit: '10000000',
        cosignaturesNeeded: 1,
      },
    });
    expect(first.transactions.map((entry: { kind: string }) => entry.kind)).toEqual(['hashLock', 'delegate']);
    const [lock, aggregate] = first.transactions;
    expect(first.multisig.lockHash).toBe(lock.hash);
    expect(first.multisig.aggregateHash).toBe(aggregate.hash);
    expect(first.multisig.missingCosignatories.sort()).toEqual(
      [multisig.cosignatories[1]!.address, multisig.cosignatories[2]!.address].sort(),
    );
    const initiatorKey = readFileSync(initiator.keyFile, 'utf8').trim().toUpperCase();
    expect((started.stdout + started.stderr).toUpperCase()).not.toContain(initiatorKey);
    sdkVerifies(lock.payload, lock.hash);
    sdkVerifies(aggregate.payload, aggregate.hash);
    // the keys were in the multisig account's keystore before anything was announced
    const keystore = JSON.parse(
      readFileSync(join(world.dir, 'home', 'keystore', `${multisig.address}.json`), 'utf8'),
    );
    expect(keystore.keys.map((key: { publicKey: string }) => key.publicKey)).toEqual(
      expect.arrayContaining([first.remotePublicKey, first.vrfPublicKey]),
    );
    expect(keystore.journal.map((entry: { kind: string }) => entry.kind)).toEqual(['hashLock', 'delegate']);
    // the lock is confirmed and holds the deposit
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(lock.fee) - 10_000_000n);

    const listed = await spawnCli(cosignArgs(0, 1, '--dry-run'), { env });
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).partials).toEqual([
      expect.objectContaining({
        hash: aggregate.hash,
        action: 'listed',
        verified: true,
        multisigAddress: multisig.address,
      }),
    ]);

    const cosigned = await spawnCli(cosignArgs(0, 1), { env });
    expect(cosigned.exitCode, cosigned.stderr).toBe(0);
    expect(JSON.parse(cosigned.stdout).partials[0]).toMatchObject({
      hash: aggregate.hash,
      action: 'cosigned',
    });

    const finished = await spawnCli(delegateArgs(0, 0), { env, timeoutMs: 90_000 });
    expect(finished.exitCode, finished.stderr).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({
      state: 'ACTIVE',
      multisig: { cosignaturesNeeded: 0, missingCosignatories: [] },
    });

    // confirmed with the cosignature, which symbol-sdk verifies over the aggregate's hash
    const confirmed = await rest(`/transactions/confirmed/${aggregate.hash}`);
    const cosignatures = confirmed.transaction.cosignatures as {
      signerPublicKey: string;
      signature: string;
    }[];
    expect(cosignatures.map((entry) => entry.signerPublicKey)).toEqual([
      multisig.cosignatories[1]!.publicKey,
    ]);
    for (const entry of cosignatures) {
      const verifier = new Verifier(new PublicKey(entry.signerPublicKey));
      expect(verifier.verify(Buffer.from(aggregate.hash, 'hex'), new Signature(entry.signature))).toBe(true);
    }
    // the deposit came back: the initiator paid the two fees and nothing else
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(lock.fee) - BigInt(aggregate.fee));
    const locks = await rest(`/lock/hash?address=${initiator.address}`);
    expect(locks.data.map((entry: any) => [entry.lock.hash, entry.lock.status])).toEqual([
      [aggregate.hash, 1],
    ]);

    // unlink --multisig, initiated by another cosignatory, cosigned by the third with --hash
    const unlinkArgs = [
      'unlink',
      '--json',
      '--node',
      world.devnet.url,
      '--multisig',
      multisig.address,
      '--key-file',
      multisig.cosignatories[1]!.keyFile,
      '--home',
      join(world.dir, 'home'),
      '--yes',
    ];
    const unlinking = await spawnCli([...unlinkArgs, '--no-wait'], { env, timeoutMs: 60_000 });
    expect(unlinking.exitCode, unlinking.stderr).toBe(0);
    const unlinkResult = JSON.parse(unlinking.stdout);
    expect(unlinkResult.plan).toEqual([
      { kind: 'nodeUnlink', publicKey: world.devnet.descriptor.nodePublicKey },
    ]);
    expect(unlinkResult.multisig).toMatchObject({ initiatorAddress: multisig.cosignatories[1]!.address });
    const cosignUnlink = await spawnCli(cosignArgs(0, 2, '--hash', unlinkResult.multisig.aggregateHash), {
      env,
    });
    expect(JSON.parse(cosignUnlink.stdout).partials[0]).toMatchObject({ action: 'cosigned' });
    const unlinked = await spawnCli(unlinkArgs, { env, timeoutMs: 60_000 });
    expect(unlinked.exitCode, unlinked.stderr).toBe(0);
    const after = await rest(`/accounts/${multisig.address}`);
    expect(after.account.supplementalPublicKeys.node).toBeUndefined();
  }, 180_000);

  it('a re-run after SIGKILL between the lock and the aggregate pays no second lock', async () => {
    const multisig = world.devnet.descriptor.multisigAccounts[1]!;
    const initiator = multisig.cosignatories[0]!;
    const before = await balanceOf(initiator.address);
    const child = spawn(process.execPath, [BIN, ...delegateArgs(1, 0)], {
      env: { PATH: process.env['PATH'] ?? '', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // kill it as soon as its lock is on chain (confirmed): the aggregate is not announced yet, or only just
    for (let tries = 0; tries < 3000; tries++) {
      const locks = await rest(`/lock/hash?address=${initiator.address}`);
      if ((locks?.data.length ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await exited;
    // killed with both written ahead: the lock on chain, the aggregate not confirmed (no cosignature exists yet)
    const killedJournal = JSON.parse(
      readFileSync(join(world.dir, 'home', 'keystore', `${multisig.address}.json`), 'utf8'),
    ).journal as { kind: string; state: string }[];
    expect(killedJournal.map((entry) => entry.kind)).toEqual(['hashLock', 'delegate']);
    expect(killedJournal[1]!.state).not.toBe('confirmed');

    const rerun = await spawnCli(delegateArgs(1, 0, '--no-wait'), { env, timeoutMs: 60_000 });
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    const result = JSON.parse(rerun.stdout);
    expect(result.multisig.cosignaturesNeeded).toBe(1);
    const locks = await rest(`/lock/hash?address=${initiator.address}`);
    expect(locks.data).toHaveLength(1);
    const cosigned = await spawnCli(cosignArgs(1, 2), { env });
    expect(JSON.parse(cosigned.stdout).partials[0]).toMatchObject({ action: 'cosigned' });
    const finished = await spawnCli(delegateArgs(1, 0), { env, timeoutMs: 90_000 });
    expect(JSON.parse(finished.stdout)).toMatchObject({ state: 'ACTIVE' });
    const journal = JSON.parse(
      readFileSync(join(world.dir, 'home', 'keystore', `${multisig.address}.json`), 'utf8'),
    ).journal as { kind: string; state: string; hash: string }[];
    expect(journal.map((entry) => [entry.kind, entry.state])).toEqual([
      ['hashLock', 'confirmed'],
      ['delegate', 'confirmed'],
    ]);
    // one lock fee and one aggregate fee, the deposit back
    const fees = (await rest(`/transactions/confirmed/${journal[0]!.hash}`)).transaction.maxFee;
    const aggregateFee = (await rest(`/transactions/confirmed/${journal[1]!.hash}`)).transaction.maxFee;
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(fees) - BigInt(aggregateFee));
  }, 180_000);

  it('cosign refuses a partial that moves funds (UNSAFE_TRANSACTION, exit 4) and lists it as refused', async () => {
    const multisig = world.devnet.descriptor.multisigAccounts[2]!;
    const facade = new SymbolFacade(world.devnet.network);
    const initiator = keyPairFromFile(multisig.cosignatories[0]!.keyFile);
    const sweep = facade.transactionFactory.createEmbedded({
      type: 'transfer_transaction_v1',
      signerPublicKey: new PublicKey(multisig.publicKey),
      recipientAddress: new Address(world.devnet.descriptor.accounts[9]!.address),
      mosaics: [{ mosaicId: BigInt(`0x${DEVNET_CURRENCY}`), amount: 1_000_000_000n }],
    });
    const aggregate = bondedAggregate(facade, initiator, [sweep]);
    const lock = hashLock(facade, initiator, aggregate.hash, 1000n);
    expect((await put(world.devnet.url, '/transactions', lock.body)).status).toBe(202);
    for (let tries = 0; tries < 100; tries++) {
      if ((await rest(`/transactionStatus/${lock.hash}`))?.group === 'confirmed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await put(world.devnet.url, '/transactions/partial', aggregate.body)).status).toBe(202);
    for (let tries = 0; tries < 100; tries++) {
      if ((await rest(`/transactions/partial/${aggregate.hash}`)) !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const refused = await spawnCli(cosignArgs(2, 1, '--hash', aggregate.hash), { env });
    expect(refused.exitCode).toBe(4);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'UNSAFE_TRANSACTION' });
    const listed = await spawnCli(cosignArgs(2, 1), { env });
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout).partials).toEqual([
      expect.objectContaining({ hash: aggregate.hash, action: 'refused', verified: false }),
    ]);
    const partial = await rest(`/transactions/partial/${aggregate.hash}`);
    expect(partial.transaction.cosignatures).toEqual([]);
  }, 120_000);
});
