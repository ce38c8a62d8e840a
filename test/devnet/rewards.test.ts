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
  facadeOf,
  fundedKeyPair,
  getJson,
  transfer,
  delegateWithSdk,
  postJson,
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
    const sink = (await getJson(`${devnet.url}/network/properties`)).body.chain
      .harvestNetworkFeeSinkAddress as string;
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

  it('delegates sign round robin with their remote keys; the harvester share goes to the main account, 25 % to the owner', async () => {
    const devnet = await start({ nodes: 2, inflation: 1_000_000 });
    const remote0 = await delegateWithSdk(devnet, 0, 0);
    const remote1 = await delegateWithSdk(devnet, 1, 1);
    const [main0, main1] = [0, 1].map((index) => devnet.descriptor.accounts[index]!.address);
    const owners = await Promise.all(
      devnet.nodes.map(async (node) => (await getJson(`${node.url}/node/info`)).body.publicKey as string),
    );
    const before = [await balanceOf(devnet, main0!), await balanceOf(devnet, main1!)];
    const seen = new Set<string>();
    const earned = [0n, 0n];
    for (let round = 0; round < 4; round += 1) {
      const { height } = devnet.mineBlock();
      const { block, meta } = await blockAt(devnet, height);
      seen.add(block.signerPublicKey);
      const index = block.signerPublicKey === remote0 ? 0 : 1;
      expect(block.signerPublicKey).toBe([remote0, remote1][index]);
      expect(block.beneficiaryAddress).toBe(hexOf(addressOfKey(devnet, owners[index]!)));
      const total = BigInt(meta.totalFee) + 1_000_000n;
      const receipts = (await statementAt(devnet, height)).statement.receipts;
      expect(receipts.map((receipt: any) => [receipt.targetAddress, receipt.amount])).toEqual([
        [hexOf([main0, main1][index]!), String(total - (total * 5n) / 100n - (total * 25n) / 100n)],
        [expect.any(String), String((total * 5n) / 100n)],
        [hexOf(addressOfKey(devnet, owners[index]!)), String((total * 25n) / 100n)],
        [undefined, '1000000'],
      ]);
      earned[index]! += BigInt(receipts[0].amount);
    }
    expect(seen).toEqual(new Set([remote0, remote1]));
    expect([await balanceOf(devnet, main0!), await balanceOf(devnet, main1!)]).toEqual([
      before[0]! + earned[0]!,
      before[1]! + earned[1]!,
    ]);
    // GET /blocks filters by signer (the remote key) and by beneficiary, newest first by default
    const bySigner = (await getJson(`${devnet.url}/blocks?signerPublicKey=${remote0}&order=asc`)).body;
    expect(bySigner.data.length).toBeGreaterThanOrEqual(2);
    expect(bySigner.data.every((entry: any) => entry.block.signerPublicKey === remote0)).toBe(true);
    expect(bySigner.pagination).toEqual({ pageNumber: 1, pageSize: 10 });
    const owner1 = addressOfKey(devnet, owners[1]!);
    const byBeneficiary = (await getJson(`${devnet.url}/blocks?beneficiaryAddress=${owner1}`)).body.data;
    expect(byBeneficiary.map((entry: any) => entry.block.signerPublicKey)).toEqual([remote1, remote1]);
    const all = (await getJson(`${devnet.url}/blocks?pageSize=10`)).body.data;
    expect(all[0].block.height).toBe(String(devnet.height()));
  });

  it('a node owner who is also the harvester gets both shares in one block: two receipts, one target', async () => {
    const devnet = await start({ inflation: 2_000_000 });
    await delegateWithSdk(devnet, 3);
    const main = devnet.descriptor.accounts[3]!.address;
    const set = await postJson(`${devnet.url}/devnet/beneficiary`, JSON.stringify({ address: main }));
    expect(set).toEqual({ status: 200, body: { beneficiaryAddress: main } });
    const before = await balanceOf(devnet, main);
    const sent = transfer(facadeOf(devnet), fundedKeyPair(devnet, 5), main, 1n);
    await announce(devnet.url, sent.body);
    const { height } = devnet.mineBlock();
    const { block, meta } = await blockAt(devnet, height);
    expect(block.beneficiaryAddress).toBe(hexOf(main));
    const total = BigInt(meta.totalFee) + 2_000_000n;
    const receipts = (await statementAt(devnet, height)).statement.receipts.filter(
      (receipt: any) => receipt.targetAddress === hexOf(main),
    );
    expect(receipts.map((receipt: any) => receipt.amount)).toEqual([
      String(total - (total * 5n) / 100n - (total * 25n) / 100n),
      String((total * 25n) / 100n),
    ]);
    expect(await balanceOf(devnet, main)).toBe(before + 1n + total - (total * 5n) / 100n);
    // reset: the owner is the beneficiary again
    const reset = await postJson(`${devnet.url}/devnet/beneficiary`, '{"address":null}');
    expect(reset.body.beneficiaryAddress).not.toBe(main);
  });

  it('/statements/transaction filters whole statements by receipt type, target and heights, and pages', async () => {
    const devnet = await start();
    await delegateWithSdk(devnet, 2);
    for (let round = 0; round < 12; round += 1) devnet.mineBlock();
    const main = devnet.descriptor.accounts[2]!.address;
    const base = `${devnet.url}/statements/transaction?receiptType=8515&targetAddress=${main}`;
    const first = (await getJson(`${base}&order=asc&pageSize=10`)).body;
    expect(first.data).toHaveLength(10);
    expect(first.data[0].statement.height).toBe('3');
    const second = (await getJson(`${base}&order=asc&pageSize=10&pageNumber=2`)).body;
    expect(second.data.map((entry: any) => entry.statement.height)).toEqual(['13', '14']);
    const ranged = (await getJson(`${base}&fromHeight=5&toHeight=7`)).body.data;
    expect(ranged.map((entry: any) => entry.statement.height)).toEqual(['7', '6', '5']);
    // whole statements: the sink's and the owner's receipts come along
    expect(ranged[0].statement.receipts.length).toBe(4);
    const other = devnet.descriptor.accounts[7]!.address;
    expect((await getJson(`${devnet.url}/statements/transaction?targetAddress=${other}`)).body.data).toEqual(
      [],
    );
    expect(
      (await getJson(`${devnet.url}/statements/transaction?receiptType=20803&height=4`)).body.data,
    ).toHaveLength(1);
    expect((await getJson(`${devnet.url}/statements/transaction?receiptType=4685`)).body.data).toEqual([]);
    for (const query of ['targetAddress=nope', 'fromHeight=x', 'receiptType=a', 'order=up', 'pageSize=-1']) {
      const answer = await getJson(`${devnet.url}/statements/transaction?${query}`);
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('InvalidArgument');
    }
    for (const query of ['signerPublicKey=12', 'beneficiaryAddress=T', 'orderBy=fee']) {
      expect((await getJson(`${devnet.url}/blocks?${query}`)).status).toBe(409);
    }
    expect((await getJson(`${devnet.url}/blocks/999`)).body.code).toBe('ResourceNotFound');
    expect((await getJson(`${devnet.url}/blocks/0`)).status).toBe(409);
    expect((await getJson(`${devnet.url}/blocks/abc`)).status).toBe(409);
  });

  it('keeps the harvest records across a restart on the same state folder', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'harvest-rewards-state-'));
    folders.push(stateDir);
    const first = await startDevnet({ port: 0, blockTimeSeconds: 0, stateDir });
    const remote = await delegateWithSdk(first, 0);
    const { height } = first.mineBlock();
    const statement = await statementAt(first, height);
    await first.close();
    const again = await start({ stateDir });
    expect((await blockAt(again, height)).block.signerPublicKey).toBe(remote);
    expect(await statementAt(again, height)).toEqual(statement);
  });

  it('POST /devnet/beneficiary refuses garbage with 400 and changes nothing', async () => {
    const devnet = await start();
    for (const body of ['[]', '{"address":5}', '{"address":"TXYZ"}', '{"address":null,"x":1}', 'nope']) {
      const answer = await postJson(`${devnet.url}/devnet/beneficiary`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('InvalidArgument');
    }
    const { height } = devnet.mineBlock();
    const owner = (await getJson(`${devnet.url}/node/info`)).body.publicKey as string;
    expect((await blockAt(devnet, height)).block.beneficiaryAddress).toBe(hexOf(addressOfKey(devnet, owner)));
  });
});
