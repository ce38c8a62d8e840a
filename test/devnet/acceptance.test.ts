import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { PrivateKey } from 'symbol-sdk';
import { toHex } from '../../src/core/bytes.js';
import { openDelegationRecord } from '../../src/core/crypto/delegationMessage.js';
import { decodeEd25519Pem } from '../../src/core/pem.js';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  getJson,
  keyLink,
  randomKeyPair,
  transfer,
} from './sdkClient.js';

let devnet: Devnet;
let facade: SymbolFacade;

beforeEach(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0 });
  facade = facadeOf(devnet);
});
afterEach(async () => {
  await devnet.close();
});

async function status(hash: string) {
  return getJson(`${devnet.url}/transactionStatus/${hash}`);
}

describe('devnet acceptance, with symbol-sdk as the client', () => {
  it('confirms an SDK-signed transfer and moves the balance', async () => {
    const sender = fundedKeyPair(devnet, 0);
    const recipient = devnet.descriptor.accounts[1]!.address;
    const { body, hash } = transfer(facade, sender, recipient, 1_000_000n);
    const response = await announce(devnet.url, body);
    expect(response.status).toBe(202);
    expect((await status(hash)).body).toMatchObject({ group: 'unconfirmed', code: 'Success', hash });
    devnet.mineBlock();
    const confirmed = await status(hash);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      group: 'confirmed',
      code: 'Success',
      hash,
      deadline: expect.stringMatching(/^\d+$/),
      height: '2',
    });
    const account = await getJson(`${devnet.url}/accounts/${recipient}`);
    const before = BigInt(devnet.descriptor.accounts[1]!.balance);
    expect(account.body.account.mosaics[0].amount).toBe((before + 1_000_000n).toString());
    const senderAccount = await getJson(`${devnet.url}/accounts/${devnet.descriptor.accounts[0]!.publicKey}`);
    const fee = 176n * 100n;
    expect(senderAccount.body.account.mosaics[0].amount).toBe(
      (BigInt(devnet.descriptor.accounts[0]!.balance) - 1_000_000n - fee).toString(),
    );
  });

  it('fails a transfer signed for another network with Failure_Signature_Not_Verifiable, at once', async () => {
    const testnet = new SymbolFacade('testnet');
    const sender = fundedKeyPair(devnet, 0);
    const { body, hash: testnetHash } = transfer(testnet, sender, devnet.descriptor.accounts[1]!.address, 1n);
    expect((await announce(devnet.url, body)).status).toBe(202);
    // A node keys statuses by the hash it computes with its own seed, as a real node does.
    const payload = Uint8Array.from(Buffer.from(JSON.parse(body).payload, 'hex'));
    const hash = facade.hashTransaction(SymbolTransactionFactory.deserialize(payload)).toString();
    expect(hash).not.toBe(testnetHash);
    expect((await status(testnetHash)).status).toBe(404);
    expect((await status(hash)).body).toMatchObject({
      group: 'failed',
      code: 'Failure_Signature_Not_Verifiable',
    });
  });

  it('fails an unfunded transfer with Failure_Core_Insufficient_Balance at the next block', async () => {
    const { body, hash } = transfer(facade, randomKeyPair(), devnet.descriptor.accounts[1]!.address, 5n);
    await announce(devnet.url, body);
    devnet.mineBlock();
    expect((await status(hash)).body).toMatchObject({
      group: 'failed',
      code: 'Failure_Core_Insufficient_Balance',
    });
  });

  it('drops an under-priced transaction without any status, as a real node does', async () => {
    const { body, hash } = transfer(
      facade,
      fundedKeyPair(devnet, 0),
      devnet.descriptor.accounts[1]!.address,
      5n,
      {
        multiplier: 99,
      },
    );
    expect((await announce(devnet.url, body)).status).toBe(202);
    devnet.mineBlock();
    const answer = await status(hash);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      code: 'ResourceNotFound',
      message: `no resource exists with id '${hash}'`,
    });
  });

  it('unlocks a wallet-style delegation aggregate, writes harvesters.dat, and prunes it after a node unlink', async () => {
    const main = fundedKeyPair(devnet, 2);
    const remote = randomKeyPair();
    const vrf = randomKeyPair();
    const { body, hash } = delegationAggregate(facade, main, devnet.descriptor.nodePublicKey, remote, vrf);
    await announce(devnet.url, body);
    devnet.mineBlock();
    expect((await status(hash)).body).toMatchObject({ group: 'confirmed', code: 'Success' });
    const unlocked = await getJson(`${devnet.url}/node/unlockedaccount`);
    expect(unlocked.body).toEqual({ unlockedAccount: [remote.publicKey.toString()] });

    const file = new Uint8Array(readFileSync(devnet.descriptor.harvestersFile));
    expect(file.length).toBe(124);
    const nodeKey = decodeEd25519Pem(readFileSync(devnet.descriptor.nodeKeyFile, 'utf8')).seed;
    const opened = openDelegationRecord(nodeKey, file);
    expect(opened.ok && toHex(opened.keys.remotePrivateKey)).toBe(remote.privateKey.toString());

    const account = await getJson(`${devnet.url}/accounts/${main.publicKey.toString()}`);
    expect(account.body.account.supplementalPublicKeys).toEqual({
      linked: { publicKey: remote.publicKey.toString() },
      node: { publicKey: devnet.descriptor.nodePublicKey },
      vrf: { publicKey: vrf.publicKey.toString() },
    });
    expect(account.body.account.accountType).toBe(1);
    const remoteAccount = await getJson(`${devnet.url}/accounts/${remote.publicKey.toString()}`);
    expect(remoteAccount.body.account.accountType).toBe(2);

    const unlink = keyLink(
      facade,
      main,
      'node',
      new (await import('symbol-sdk')).PublicKey(devnet.descriptor.nodePublicKey),
      'unlink',
    );
    await announce(devnet.url, unlink.body);
    devnet.mineBlock();
    expect((await status(unlink.hash)).body).toMatchObject({ group: 'confirmed' });
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body).toEqual({ unlockedAccount: [] });
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(0);
  });

  it('fails a second VRF link with Failure_Core_Link_Already_Exists', async () => {
    const main = fundedKeyPair(devnet, 3);
    const first = keyLink(facade, main, 'vrf', randomKeyPair().publicKey, 'link');
    await announce(devnet.url, first.body);
    devnet.mineBlock();
    expect((await status(first.hash)).body).toMatchObject({ group: 'confirmed' });
    const second = keyLink(facade, main, 'vrf', randomKeyPair().publicKey, 'link');
    await announce(devnet.url, second.body);
    devnet.mineBlock();
    expect((await status(second.hash)).body).toMatchObject({
      group: 'failed',
      code: 'Failure_Core_Link_Already_Exists',
    });
  });

  it('writes key files with mode 0600 and the node key as a PKCS#8 PEM matching nodePublicKey', () => {
    const pem = readFileSync(devnet.descriptor.nodeKeyFile, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const seed = decodeEd25519Pem(pem).seed;
    expect(new SymbolFacade.KeyPair(new PrivateKey(seed)).publicKey.toString()).toBe(
      devnet.descriptor.nodePublicKey,
    );
    expect(statSync(devnet.descriptor.nodeKeyFile).mode & 0o777).toBe(0o600);
    expect(statSync(devnet.descriptor.accounts[0]!.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(devnet.descriptor.stateDir).mode & 0o777).toBe(0o700);
    expect(existsSync(devnet.descriptor.stateDir)).toBe(true);
  });
});
