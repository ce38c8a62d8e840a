/**
 * `harvest announce <signed> --node` in-process against the embedded devnet over real HTTP. Files come from our own
 * `delegate --dry-run --json` and, for the unsafe, expired and other-network cases, from symbol-sdk only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Address, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESTNET } from '../../src/core/network.js';
import { toHex } from '../../src/core/bytes.js';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { closedPortUrl } from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';
import { facadeOf, fundedKeyPair, randomKeyPair } from '../devnet/sdkClient.js';

const PASSWORD_ENV = { HARVEST_PASSWORD: 'announce test password' };
let devnet: Devnet;
let home: string;

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2, importanceGrouping: 5 });
  home = mkdtempSync(join(tmpdir(), 'harvest-announce-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
});

let fileCount = 0;
function writeFile(content: string): string {
  const path = join(home, `file-${++fileCount}.json`);
  writeFileSync(path, content);
  return path;
}

function announce(path: string, args: readonly string[] = [], node = devnet.url) {
  return runCli(['announce', path, '--json', '--node', node, ...args], { sleep: fastSleepFor(node) });
}

/** Real sleeps for the devnet (blocks come every 0.2 s); none for a closed port's retries. */
function fastSleepFor(node: string) {
  return node === devnet.url
    ? (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
    : () => Promise.resolve();
}

async function getJson(path: string): Promise<any> {
  return (await fetch(`${devnet.url}${path}`)).json();
}

async function statusOf(hash: string): Promise<any> {
  return getJson(`/transactionStatus/${hash}`);
}

/** A symbol-sdk aggregate complete (v3) of the embedded descriptors, signed by account `index`. */
function sdkAggregate(
  index: number,
  embedded: object[],
  deadlineSeconds = 2 * 3600,
  facade = facadeOf(devnet),
) {
  const signer = fundedKeyPair(devnet, index);
  const inner = embedded.map((descriptor) =>
    facade.createEmbeddedTransactionFromTypedDescriptor(descriptor, signer.publicKey),
  );
  const transaction = facade.createTransactionFromTypedDescriptor(
    new descriptors.AggregateCompleteTransactionV3Descriptor(
      SymbolFacade.hashEmbeddedTransactions(inner),
      inner,
    ),
    signer.publicKey,
    100,
    Math.max(deadlineSeconds, 60),
  );
  // The devnet's epoch is its start: a deadline in the past is one just after it.
  if (deadlineSeconds < 0) transaction.deadline = new models.Timestamp(1n);
  const body = facade.transactionFactory.static.attachSignature(
    transaction,
    facade.signTransaction(signer, transaction),
  );
  return { body, hash: facade.hashTransaction(transaction).toString() };
}

function currencyTransfer(amount: bigint) {
  return new descriptors.TransferTransactionV1Descriptor(
    new Address(devnet.descriptor.accounts[9]!.address),
    [
      new descriptors.UnresolvedMosaicDescriptor(
        new models.UnresolvedMosaicId(BigInt(`0x${devnet.descriptor.currencyMosaicId}`)),
        new models.Amount(amount),
      ),
    ],
  );
}

function signedFile(result: any, network: { name: string; identifier: number; generationHashSeed: string }) {
  return JSON.stringify({
    ...result,
    format: 'harvest-signed',
    version: 1,
    network,
  });
}

const devnetNetwork = () => ({
  name: 'devnet',
  identifier: devnet.descriptor.networkIdentifier,
  generationHashSeed: devnet.descriptor.generationHashSeed,
});

describe('harvest announce (in-process, real devnet over HTTP)', () => {
  it('announces a signed delegate aggregate after the checks: ACTIVE; nothing before --yes; idempotent', async () => {
    const keyFile = devnet.descriptor.accounts[0]!.keyFile;
    const planned = await runCli(
      ['delegate', '--json', '--dry-run', '--node', devnet.url, '--home', home, '--key-file', keyFile],
      { env: PASSWORD_ENV },
    );
    expect(planned.exitCode, planned.stdout + planned.stderr).toBe(0);
    const result = planned.json();
    const hash = result.transactions[0].hash as string;

    const otherNetwork = writeFile(
      signedFile(result, {
        name: 'testnet',
        identifier: TESTNET.identifier,
        generationHashSeed: toHex(TESTNET.generationHashSeed),
      }),
    );
    const wrong = await announce(otherNetwork, ['--yes']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.json().error.code).toBe('WRONG_NETWORK');

    const good = writeFile(signedFile(result, devnetNetwork()));
    const refused = await announce(good);
    expect(refused.exitCode).toBe(2);
    expect(refused.json().error.code).toBe('CONFIRMATION_REQUIRED');
    const dry = await announce(good, ['--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.json()).toMatchObject({ announced: false, transactions: [{ hash }] });
    expect(dry.stderr).toContain('delegationRequest');
    await devnet.nextBlock();
    await devnet.nextBlock();
    expect((await statusOf(hash)).code).toBe('ResourceNotFound');

    const run = await announce(good, ['--yes']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.json()).toMatchObject({
      announced: true,
      state: 'ACTIVE',
      mainPublicKey: result.mainPublicKey,
      remotePublicKey: result.remotePublicKey,
      vrfPublicKey: result.vrfPublicKey,
      nodePublicKey: devnet.descriptor.nodePublicKey,
      transactions: [{ kind: 'delegate', hash }],
    });
    expect(run.json().plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    expect((await statusOf(hash)).group).toBe('confirmed');
    const unlocked = (await getJson('/node/unlockedaccount')).unlockedAccount as string[];
    expect(unlocked).toContain(result.remotePublicKey);

    // The delegate --json result itself is accepted too; already confirmed: nothing announced again.
    const again = await announce(writeFile(planned.stdout));
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ announced: false, state: 'ACTIVE' });
  });

  it('refuses an aggregate hiding a currency transfer (UNSAFE_TRANSACTION, exit 4) unless --allow-any', async () => {
    const { body, hash } = sdkAggregate(1, [currencyTransfer(5_000_000n)]);
    const path = writeFile(body);
    const run = await announce(path, ['--yes']);
    expect(run.exitCode).toBe(4);
    expect(run.json().error.code).toBe('UNSAFE_TRANSACTION');
    await devnet.nextBlock();
    expect((await statusOf(hash)).code).toBe('ResourceNotFound');

    const allowed = await announce(path, ['--yes', '--allow-any']);
    expect(allowed.exitCode, allowed.stdout + allowed.stderr).toBe(0);
    expect(allowed.json()).toMatchObject({
      announced: true,
      state: 'INACTIVE',
      transactions: [{ kind: 'aggregateComplete', hash }],
      plan: [{ kind: 'transfer' }],
    });
    expect((await statusOf(hash)).group).toBe('confirmed');
  });

  it('refuses a payload signed for another network (WRONG_NETWORK) and an expired one (TRANSACTION_REJECTED)', async () => {
    const vrf = new descriptors.VrfKeyLinkTransactionV1Descriptor(
      randomKeyPair().publicKey,
      models.LinkAction.LINK,
    );
    // Same network byte (152) as the devnet, but the public testnet's generation hash seed.
    const testnet = sdkAggregate(2, [vrf], 2 * 3600, new SymbolFacade('testnet'));
    const payload = JSON.parse(testnet.body).payload as string;
    const wrong = await announce(writeFile(payload), ['--yes']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.json().error.code).toBe('WRONG_NETWORK');
    expect(wrong.json().error.message).toContain('does not verify');

    const expired = sdkAggregate(2, [vrf], -60);
    const late = await announce(writeFile(expired.body), ['--yes']);
    expect(late.exitCode).toBe(4);
    expect(late.json().error).toMatchObject({ code: 'TRANSACTION_REJECTED' });
    expect(late.json().error.message).toContain('expired');
    await devnet.nextBlock();
    expect((await statusOf(expired.hash)).code).toBe('ResourceNotFound');
  });

  it('rejects garbage, unsigned plans and altered payloads with exit 2', async () => {
    const garbage = await announce(writeFile('not a transaction'), ['--yes']);
    expect(garbage.exitCode).toBe(2);
    expect(garbage.json().error.code).toBe('INVALID_PAYLOAD');

    const badJson = await announce(writeFile('{"payload": 12}'), ['--yes']);
    expect(badJson.exitCode).toBe(2);

    const missing = await announce(join(home, 'does-not-exist.json'), ['--yes']);
    expect(missing.exitCode).toBe(2);
    expect(missing.json().error.code).toBe('INVALID_FILE');

    const { body } = sdkAggregate(3, [
      new descriptors.VrfKeyLinkTransactionV1Descriptor(randomKeyPair().publicKey, models.LinkAction.LINK),
    ]);
    const payload = JSON.parse(body).payload as string;
    const unsigned = payload.slice(0, 16) + '0'.repeat(128) + payload.slice(144);
    const plan = JSON.stringify({
      format: 'harvest-unsigned',
      version: 1,
      network: devnetNetwork(),
      mainAddress: devnet.descriptor.accounts[3]!.address,
      mainPublicKey: devnet.descriptor.accounts[3]!.publicKey,
      transactions: [{ kind: 'delegate', payload: unsigned, fee: '0', deadline: '0' }],
    });
    const notSigned = await announce(writeFile(plan), ['--yes']);
    expect(notSigned.exitCode).toBe(2);
    expect(notSigned.json().error.code).toBe('INVALID_FILE');
    const bareUnsigned = await announce(writeFile(unsigned), ['--yes']);
    expect(bareUnsigned.exitCode).toBe(2);
    expect(bareUnsigned.json().error.code).toBe('INVALID_PAYLOAD');

    // One fee byte changed after signing, in a file that names the devnet: the signature no longer verifies.
    const altered = payload.slice(0, 224) + (payload[224] === '0' ? '1' : '0') + payload.slice(225);
    const tampered = JSON.stringify({
      format: 'harvest-signed',
      version: 1,
      network: devnetNetwork(),
      mainAddress: devnet.descriptor.accounts[3]!.address,
      mainPublicKey: devnet.descriptor.accounts[3]!.publicKey,
      transactions: [{ kind: 'delegate', payload: altered, fee: '0', deadline: '0' }],
    });
    const run = await announce(writeFile(tampered), ['--yes']);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_PAYLOAD');
  });

  it('a node that cannot be reached is exit 3, NODE_*', async () => {
    const { body } = sdkAggregate(4, [
      new descriptors.VrfKeyLinkTransactionV1Descriptor(randomKeyPair().publicKey, models.LinkAction.LINK),
    ]);
    const run = await announce(writeFile(body), ['--yes'], await closedPortUrl());
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toMatch(/^NODE_/);
  });
});
