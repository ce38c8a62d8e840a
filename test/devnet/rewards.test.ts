/**
 * The devnet earns (docs/devnet.md, "Harvesting rewards"): blocks are signed by the delegates the nodes unlocked (the
 * remote key), the beneficiary is the node owner, fees + inflation are split 5 / 25 / 70 with catapult's receipts,
 * served at /statements/transaction and /blocks in the gateway's shapes; balances move by exactly the receipts.
 * Driven with symbol-sdk and fetch alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { PublicKey } from 'symbol-sdk';
import { Address } from 'symbol-sdk/symbol';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  getJson,
  randomKeyPair,
  transfer,
} from './sdkClient.js';

const running: Devnet[] = [];
async function start(options: Parameters<typeof startDevnet>[0] = {}) {
  const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, ...options });
  running.push(devnet);
  return devnet;
}
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((devnet) => devnet.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const hexOf = (base32: string) => Buffer.from(new Address(base32).bytes).toString('hex').toUpperCase();
const addressOfKey = (devnet: Devnet, publicKey: string) =>
  facadeOf(devnet).network.publicKeyToAddress(new PublicKey(publicKey)).toString();

async function post(url: string, body: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { status: response.status, body: await response.json() };
}

async function delegate(devnet: Devnet, index: number, node = 0): Promise<string> {
  const remote = randomKeyPair();
  const request = delegationAggregate(
    facadeOf(devnet),
    fundedKeyPair(devnet, index),
    devnet.nodes[node]!.nodePublicKey,
    remote,
    randomKeyPair(),
  );
  expect((await announce(devnet.url, request.body)).status).toBe(202);
  devnet.mineBlock();
  return remote.publicKey.toString();
}

async function balanceOf(devnet: Devnet, address: string): Promise<bigint> {
  const { status, body } = await getJson(`${devnet.url}/accounts/${address}`);
  if (status === 404) return 0n;
  return BigInt(body.account.mosaics[0]?.amount ?? '0');
}

async function blockAt(devnet: Devnet, height: bigint): Promise<any> {
  const { status, body } = await getJson(`${devnet.url}/blocks/${height}`);
  expect(status).toBe(200);
  return body;
}

async function statementAt(devnet: Devnet, height: bigint): Promise<any> {
  const { body } = await getJson(`${devnet.url}/statements/transaction?height=${height}`);
  expect(body.data).toHaveLength(1);
  return body.data[0];
}

describe('the devnet earns', () => {
  it('without delegates, node 0 owner signs: 95 % to it, 5 % to the sink, inflation receipt, balance credited', async () => {
    const devnet = await start({ inflation: 50_000_000 });
    const facade = facadeOf(devnet);
    const owner = (await getJson(`${devnet.url}/node/info`)).body.publicKey as string;
    const ownerAddress = addressOfKey(devnet, owner);
    const sink = (await getJson(`${devnet.url}/network/properties`)).body.chain.harvestNetworkFeeSinkAddress as string;
    expect(sink).toMatch(/^T[A-Z2-7]{38}$/);
    const sent = transfer(facade, fundedKeyPair(devnet, 0), devnet.descriptor.accounts[1]!.address, 5n);
    await announce(devnet.url, sent.body);
    const { height } = devnet.mineBlock();

    const block = await blockAt(devnet, height);
    const totalFee = BigInt(block.meta.totalFee);
    expect(totalFee > 0n).toBe(true);
    expect(block.block).toMatchObject({
      height: String(height),
      signerPublicKey: owner,
      beneficiaryAddress: hexOf(ownerAddress),
      feeMultiplier: 100,
      network: 152,
      version: 1,
    });
    expect(block.meta).toMatchObject({ transactionsCount: 1, totalTransactionsCount: 1, statementsCount: 1 });
    const total = totalFee + 50_000_000n;
    const statement = await statementAt(devnet, height);
    expect(statement).toEqual({
      id: expect.stringMatching(/^[0-9A-F]{24}$/),
      meta: { timestamp: block.block.timestamp },
      statement: {
        height: String(height),
        source: { primaryId: 0, secondaryId: 0 },
        receipts: [
          {
            version: 1,
            type: 8515,
            targetAddress: hexOf(ownerAddress),
            mosaicId: '3A8416DB2D53B6C8',
            amount: String(total - (total * 5n) / 100n),
          },
          {
            version: 1,
            type: 8515,
            targetAddress: hexOf(sink),
            mosaicId: '3A8416DB2D53B6C8',
            amount: String((total * 5n) / 100n),
          },
          { version: 1, type: 20803, mosaicId: '3A8416DB2D53B6C8', amount: '50000000' },
        ],
      },
    });
    expect(await balanceOf(devnet, sink)).toBe((total * 5n) / 100n);
    // the genesis block is the nemesis's and pays nothing
    expect((await blockAt(devnet, 1n)).block.type).toBe(0x8043);
    expect((await getJson(`${devnet.url}/statements/transaction?height=1`)).body.data).toEqual([]);
    expect((await getJson(`${devnet.url}/network/inflation/at/1`)).body).toEqual({
      startHeight: 'N/A',
      rewardAmount: '0',
    });
    expect((await getJson(`${devnet.url}/network/inflation/at/${height}`)).body).toEqual({
      startHeight: '2',
      rewardAmount: '50000000',
    });
  });
});
