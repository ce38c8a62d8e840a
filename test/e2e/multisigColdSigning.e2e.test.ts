/**
 * Issue 12 point 4 on the devnet (spawned bin/harvest over HTTP): cold signing for a 2-of-3 multisig account.
 * `delegate --multisig --prepare` (initiator's public key only) writes the unsigned lock and bonded aggregate,
 * `harvest sign` (initiator's key, no node) signs the aggregate and the lock naming its hash, `harvest announce`
 * announces the lock, waits for it, then the aggregate to the partial cache; the second cosignatory cosigns with
 * `harvest cosign`; the account ends ACTIVE and the lock's deposit comes back. symbol-sdk verifies every signature.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublicKey, Signature } from 'symbol-sdk';
import { SymbolFacade, SymbolTransactionFactory, Verifier } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { currencyBalance, devnetRest, useDevnet } from '../helpers/devnetFixture.js';
import { spawnCli } from '../helpers/spawnCli.js';

const world = useDevnet(
  {
    blockTimeSeconds: 0.3,
    multisig: [
      { minApproval: 2, cosignatories: 3 },
      { minApproval: 2, cosignatories: 3 },
    ],
  },
  'harvest-multisig-cold-',
);
const env = { HARVEST_PASSWORD: 'multisig cold e2e' };
const rest = (path: string) => devnetRest(world.devnet, path);
const balanceOf = (address: string) => currencyBalance(world.devnet, address);

/** symbol-sdk checks the signature of a transaction this tool signed, and its hash. */
function sdkVerifies(payloadHex: string, hashHex: string): any {
  const facade = new SymbolFacade(world.devnet.network);
  const transaction = SymbolTransactionFactory.deserialize(Buffer.from(payloadHex, 'hex')) as any;
  expect(facade.verifyTransaction(transaction, transaction.signature)).toBe(true);
  expect(facade.hashTransaction(transaction).toString()).toBe(hashHex);
  return transaction;
}

/** `harvest sign <file> --json --yes --key-file <key> …extra`, spawned. */
function signFile(file: string, keyFile: string, ...extra: string[]) {
  return spawnCli(['sign', file, '--json', '--yes', '--key-file', keyFile, ...extra]);
}

describe('delegate --multisig --prepare → sign → announce → cosign', () => {
  it('the initiator signs cold, announce locks then announces the aggregate, a cosigner completes it: ACTIVE, deposit back', async () => {
    const multisig = world.devnet.descriptor.multisigAccounts[0]!;
    const [initiator, second] = multisig.cosignatories as [
      (typeof multisig.cosignatories)[number],
      (typeof multisig.cosignatories)[number],
    ];
    const home = join(world.dir, 'home');
    const plan = join(world.dir, 'plan.json');
    const signed = join(world.dir, 'signed.json');
    const before = await balanceOf(initiator.address);

    // online, with the initiator's PUBLIC key: the plan, and the multisig account's fresh keys sealed in its keystore
    const prepared = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        world.devnet.url,
        '--multisig',
        multisig.address,
        '--prepare',
        '--public-key',
        initiator.publicKey,
        '--out',
        plan,
        '--home',
        home,
      ],
      { env, timeoutMs: 60_000 },
    );
    expect(prepared.exitCode, prepared.stderr).toBe(0);
    expect(JSON.parse(prepared.stdout)).toMatchObject({ announced: false, mainAddress: multisig.address });
    const planFile = JSON.parse(readFileSync(plan, 'utf8'));
    expect(planFile).toMatchObject({
      format: 'harvest-unsigned',
      mainAddress: multisig.address,
      mainPublicKey: multisig.publicKey,
      multisig: { address: multisig.address, minApproval: 2, initiatorAddress: initiator.address },
    });
    expect(planFile.transactions.map((entry: { kind: string }) => entry.kind)).toEqual([
      'hashLock',
      'delegate',
    ]);
    expect(planFile.transactions.every((entry: { hash?: string }) => entry.hash === undefined)).toBe(true);
    const keystore = JSON.parse(readFileSync(join(home, 'keystore', `${multisig.address}.json`), 'utf8'));
    expect(keystore.keys.map((key: { publicKey: string }) => key.publicKey)).toEqual(
      expect.arrayContaining([planFile.remotePublicKey, planFile.vrfPublicKey]),
    );
    expect(keystore.journal).toEqual([]); // nothing signed: nothing to resume
    expect(await rest(`/lock/hash?address=${initiator.address}`)).toMatchObject({ data: [] });

    // offline: another cosignatory's key is not the plan's initiator
    const wrongKey = await spawnCli(['sign', plan, '--json', '--yes', '--key-file', second.keyFile]);
    expect(JSON.parse(wrongKey.stdout || wrongKey.stderr).error.code).toBe('INVALID_KEY');
    const signing = await signFile(plan, initiator.keyFile, '--out', signed);
    expect(signing.exitCode, signing.stderr).toBe(0);
    expect(signing.stderr).toMatch(
      /locks a deposit of 10\.000000 XYM \(currency mosaic 3A8416DB2D53B6C8\).*comes back when the aggregate completes, and goes to a harvester/,
    );
    const signedFile = JSON.parse(readFileSync(signed, 'utf8'));
    const [lock, aggregate] = signedFile.transactions;
    const lockTransaction = sdkVerifies(lock.payload, lock.hash);
    sdkVerifies(aggregate.payload, aggregate.hash);
    // the lock names the SIGNED aggregate's hash
    expect(lockTransaction.hash.toString()).toBe(aggregate.hash);
    expect(lockTransaction.mosaic.amount.value).toBe(10_000_000n);
    expect(signedFile.multisig).toMatchObject({ lockHash: lock.hash, aggregateHash: aggregate.hash });
    const initiatorKey = readFileSync(initiator.keyFile, 'utf8').trim().toUpperCase();
    expect((signing.stdout + signing.stderr + readFileSync(signed, 'utf8')).toUpperCase()).not.toContain(
      initiatorKey,
    );

    const announced = await spawnCli(
      ['announce', signed, '--json', '--yes', '--no-wait', '--node', world.devnet.url],
      { env, timeoutMs: 60_000 },
    );
    expect(announced.exitCode, announced.stderr).toBe(0);
    const first = JSON.parse(announced.stdout);
    expect(first).toMatchObject({
      mainAddress: multisig.address,
      announced: true,
      state: 'CONFIRMATION_PENDING',
      multisig: {
        lockHash: lock.hash,
        aggregateHash: aggregate.hash,
        lockDeposit: '10000000',
        cosignaturesNeeded: 1,
      },
    });
    expect(first.multisig.lockEndHeight).not.toBeNull();
    expect(first.multisig.missingCosignatories.sort()).toEqual(
      [second.address, multisig.cosignatories[2]!.address].sort(),
    );
    // the lock is confirmed (it was waited for even with --no-wait) and the aggregate is in the partial cache
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(lock.fee) - 10_000_000n);
    expect(await rest(`/transactions/partial/${aggregate.hash}`)).toBeDefined();

    const cosigned = await spawnCli(
      ['cosign', '--json', '--node', world.devnet.url, '--key-file', second.keyFile, '--yes'],
      { env },
    );
    expect(cosigned.exitCode, cosigned.stderr).toBe(0);
    expect(JSON.parse(cosigned.stdout).partials[0]).toMatchObject({
      hash: aggregate.hash,
      action: 'cosigned',
    });

    // announcing the same file again announces nothing and follows the set-up to ACTIVE
    const finished = await spawnCli(['announce', signed, '--json', '--yes', '--node', world.devnet.url], {
      env,
      timeoutMs: 90_000,
    });
    expect(finished.exitCode, finished.stderr).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({
      state: 'ACTIVE',
      announced: false,
      multisig: { cosignaturesNeeded: 0, missingCosignatories: [] },
    });
    const confirmed = await rest(`/transactions/confirmed/${aggregate.hash}`);
    expect(confirmed.transaction.cosignatures.map((entry: any) => entry.signerPublicKey)).toEqual([
      second.publicKey,
    ]);
    for (const entry of confirmed.transaction.cosignatures as {
      signerPublicKey: string;
      signature: string;
    }[]) {
      expect(entry.signerPublicKey).toBe(second.publicKey);
      const verifier = new Verifier(new PublicKey(entry.signerPublicKey));
      expect(verifier.verify(Buffer.from(aggregate.hash, 'hex'), new Signature(entry.signature))).toBe(true);
    }
    // the deposit came back: the initiator paid the two fees and nothing else
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(lock.fee) - BigInt(aggregate.fee));
    const locks = await rest(`/lock/hash?address=${initiator.address}`);
    expect(locks.data.map((entry: any) => [entry.lock.hash, entry.lock.status])).toEqual([
      [aggregate.hash, 1],
    ]);
  }, 180_000);

  it('cold cosigning: sign --cosign adds a second cosignature to the file, announce completes the set-up: ACTIVE', async () => {
    const multisig = world.devnet.descriptor.multisigAccounts[1]!;
    const [initiator, , third] = multisig.cosignatories as [
      (typeof multisig.cosignatories)[number],
      (typeof multisig.cosignatories)[number],
      (typeof multisig.cosignatories)[number],
    ];
    const home = join(world.dir, 'home-cosign');
    const plan = join(world.dir, 'plan-cosign.json');
    const signed = join(world.dir, 'signed-cosign.json');
    const cosigned = join(world.dir, 'cosigned.json');
    const before = await balanceOf(initiator.address);

    // the initiator named by its address: the chain knows its public key
    const prepared = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        world.devnet.url,
        '--multisig',
        multisig.address,
        '--prepare',
        '--address',
        initiator.address,
        '--out',
        plan,
        '--home',
        home,
      ],
      { env, timeoutMs: 60_000 },
    );
    expect(prepared.exitCode, prepared.stderr).toBe(0);
    const cosignPlan = await signFile(plan, third.keyFile, '--cosign');
    expect(JSON.parse(cosignPlan.stdout || cosignPlan.stderr).error.code).toBe('INVALID_FILE');
    const signing = await signFile(plan, initiator.keyFile, '--out', signed);
    expect(signing.exitCode, signing.stderr).toBe(0);
    const byInitiator = await signFile(signed, initiator.keyFile, '--cosign');
    expect(JSON.parse(byInitiator.stdout || byInitiator.stderr).error.code).toBe('INVALID_KEY');

    // offline, the third cosignatory adds its cosignature to the signed file
    const cosigning = await signFile(signed, third.keyFile, '--cosign', '--out', cosigned);
    expect(cosigning.exitCode, cosigning.stderr).toBe(0);
    const file = JSON.parse(readFileSync(cosigned, 'utf8'));
    const [lock, aggregate] = file.transactions;
    expect(file.transactions).toEqual(JSON.parse(readFileSync(signed, 'utf8')).transactions);
    expect(file.cosignatures).toHaveLength(1);
    expect(file.cosignatures[0].signerPublicKey).toBe(third.publicKey);
    const verifier = new Verifier(new PublicKey(third.publicKey));
    expect(
      verifier.verify(Buffer.from(aggregate.hash, 'hex'), new Signature(file.cosignatures[0].signature)),
    ).toBe(true);
    const thirdKey = readFileSync(third.keyFile, 'utf8').trim().toUpperCase();
    expect(
      (cosigning.stdout + cosigning.stderr + readFileSync(cosigned, 'utf8')).toUpperCase(),
    ).not.toContain(thirdKey);

    // one announce: the lock, the aggregate, the file's cosignature → complete, confirmed, ACTIVE
    const announced = await spawnCli(['announce', cosigned, '--json', '--yes', '--node', world.devnet.url], {
      env,
      timeoutMs: 90_000,
    });
    expect(announced.exitCode, announced.stderr).toBe(0);
    expect(JSON.parse(announced.stdout)).toMatchObject({
      state: 'ACTIVE',
      announced: true,
      multisig: { aggregateHash: aggregate.hash, cosignaturesNeeded: 0, missingCosignatories: [] },
    });
    const confirmed = await rest(`/transactions/confirmed/${aggregate.hash}`);
    expect(
      confirmed.transaction.cosignatures.map((entry: { signerPublicKey: string }) => entry.signerPublicKey),
    ).toEqual([third.publicKey]);
    expect(await balanceOf(initiator.address)).toBe(before - BigInt(lock.fee) - BigInt(aggregate.fee));
  }, 180_000);
});
