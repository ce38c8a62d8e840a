import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PublicKey } from 'symbol-sdk';
import { parseFaults, startDevnet, type Devnet } from '@symbol-harvest/devnet';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  getJson,
  keyLink,
  postJson,
  randomKeyPair,
  transfer,
} from './sdkClient.js';

const running: Devnet[] = [];
async function start(options: Parameters<typeof startDevnet>[0] = {}) {
  const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, ...options });
  running.push(devnet);
  return devnet;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((devnet) => devnet.close()));
});

const HEX64 = /^[0-9A-F]{64}$/;
const DECIMAL = /^\d+$/;

describe('REST shapes of the gateway (docs/protocol.md §5)', () => {
  it('answers the node, network and chain routes with the gateway field names and formats', async () => {
    const devnet = await start();
    const info = (await getJson(`${devnet.url}/node/info`)).body;
    expect(info).toEqual({
      version: 16777993,
      publicKey: expect.stringMatching(HEX64),
      networkGenerationHashSeed: devnet.descriptor.generationHashSeed,
      roles: 3,
      port: 7900,
      networkIdentifier: 152,
      friendlyName: 'devnet-node-0',
      host: '127.0.0.1',
      nodePublicKey: devnet.descriptor.nodePublicKey,
    });
    expect(info.publicKey).not.toBe(info.nodePublicKey);
    expect(devnet.descriptor.accounts.map((account) => account.publicKey)).not.toContain(info.publicKey);

    const properties = (await getJson(`${devnet.url}/network/properties`)).body;
    expect(properties.network).toMatchObject({
      identifier: 'testnet',
      generationHashSeed: devnet.descriptor.generationHashSeed,
      epochAdjustment: `${devnet.descriptor.epochAdjustment}s`,
    });
    expect(properties.chain).toMatchObject({
      currencyMosaicId: "0x3A84'16DB'2D53'B6C8",
      harvestingMosaicId: "0x3A84'16DB'2D53'B6C8",
      blockGenerationTargetTime: '1s',
      importanceGrouping: '10',
      maxTransactionLifetime: '6h',
      minHarvesterBalance: "10'000'000'000",
      maxHarvesterBalance: "50'000'000'000'000",
      defaultDynamicFeeMultiplier: '100',
    });
    expect(properties.forkHeights.uniqueAggregateTransactionHash).toBe('1');
    expect(devnet.descriptor.currencyMosaicId).toBe('3A8416DB2D53B6C8');

    expect((await getJson(`${devnet.url}/network/fees/transaction`)).body).toEqual({
      averageFeeMultiplier: 100,
      medianFeeMultiplier: 100,
      highestFeeMultiplier: 100,
      lowestFeeMultiplier: 100,
      minFeeMultiplier: 100,
    });
    const chain = (await getJson(`${devnet.url}/chain/info`)).body;
    expect(chain).toMatchObject({ height: '1', scoreHigh: '0', latestFinalizedBlock: { height: '1' } });
    const time = (await getJson(`${devnet.url}/node/time`)).body;
    expect(time.communicationTimestamps.sendTimestamp).toMatch(DECIMAL);
    expect((await getJson(`${devnet.url}/node/server`)).body.serverInfo.restVersion).toEqual(
      expect.any(String),
    );
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body).toEqual({ unlockedAccount: [] });
  });

  it('gives funded accounts decreasing balances, non-zero importance, no links and raw-hex addresses', async () => {
    const devnet = await start();
    expect(devnet.descriptor.accounts).toHaveLength(10);
    let previous: bigint | undefined;
    for (const funded of devnet.descriptor.accounts) {
      const { status, body } = await getJson(`${devnet.url}/accounts/${funded.address}`);
      expect(status).toBe(200);
      expect(body.id).toMatch(/^[0-9A-F]{24}$/);
      expect(body.account).toEqual({
        version: 1,
        address: expect.stringMatching(/^98[0-9A-F]{46}$/),
        addressHeight: '1',
        publicKey: funded.publicKey,
        publicKeyHeight: '1',
        accountType: 0,
        supplementalPublicKeys: {},
        activityBuckets: [],
        mosaics: [{ id: '3A8416DB2D53B6C8', amount: funded.balance }],
        importance: expect.stringMatching(/^[1-9]\d*$/),
        importanceHeight: '1',
      });
      const balance = BigInt(funded.balance);
      if (previous !== undefined) expect(balance < previous).toBe(true);
      previous = balance;
    }
  });

  it('answers POST /accounts with the known accounts of the public keys, as their GETs do', async () => {
    const devnet = await start();
    const [first, second] = devnet.descriptor.accounts;
    const unknown = randomKeyPair().publicKey.toString();
    const { status, body } = await postJson(
      `${devnet.url}/accounts`,
      JSON.stringify({ publicKeys: [first!.publicKey, unknown, second!.publicKey.toLowerCase()] }),
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      (await getJson(`${devnet.url}/accounts/${first!.publicKey}`)).body,
      (await getJson(`${devnet.url}/accounts/${second!.publicKey}`)).body,
    ]);
    expect((await postJson(`${devnet.url}/accounts`, '{"publicKeys": ["zz"]}')).status).toBe(409);
    // one answer per account however often it is asked, and never both lists (catapult-rest's rules)
    const twice = await postJson(
      `${devnet.url}/accounts`,
      JSON.stringify({ publicKeys: [first!.publicKey, first!.publicKey.toLowerCase()] }),
    );
    expect(twice.body).toHaveLength(1);
    const both = await postJson(
      `${devnet.url}/accounts`,
      JSON.stringify({ publicKeys: [first!.publicKey], addresses: [first!.address] }),
    );
    expect(both.status).toBe(409);
  });

  it('answers unknown and malformed ids with ResourceNotFound (404) and InvalidArgument (409)', async () => {
    const devnet = await start();
    const unknown = randomKeyPair().publicKey.toString();
    expect(await getJson(`${devnet.url}/accounts/${unknown}`)).toEqual({
      status: 404,
      body: { code: 'ResourceNotFound', message: `no resource exists with id '${unknown}'` },
    });
    expect((await getJson(`${devnet.url}/accounts/nope`)).status).toBe(409);
    expect((await getJson(`${devnet.url}/accounts/nope`)).body.code).toBe('InvalidArgument');
    expect((await getJson(`${devnet.url}/transactionStatus/xyz`)).status).toBe(409);
    expect((await getJson(`${devnet.url}/transactions/confirmed/${unknown}`)).status).toBe(404);
    expect((await getJson(`${devnet.url}/no/such/route`)).body.code).toBe('ResourceNotFound');
  });

  it('searches confirmed transactions with embedded, recipient, signer, type, height, paging and order', async () => {
    const devnet = await start();
    const facade = facadeOf(devnet);
    const main = fundedKeyPair(devnet, 0);
    const aggregate = delegationAggregate(
      facade,
      main,
      devnet.descriptor.nodePublicKey,
      randomKeyPair(),
      randomKeyPair(),
    );
    await announce(devnet.url, aggregate.body);
    const plain = transfer(facade, fundedKeyPair(devnet, 1), devnet.descriptor.accounts[2]!.address, 7n);
    await announce(devnet.url, plain.body);
    devnet.mineBlock();
    const nodeAddress = facade.network
      .publicKeyToAddress(new PublicKey(devnet.descriptor.nodePublicKey))
      .toString();

    const topLevel = (await getJson(`${devnet.url}/transactions/confirmed?recipientAddress=${nodeAddress}`))
      .body;
    expect(topLevel).toEqual({ data: [], pagination: { pageNumber: 1, pageSize: 10 } });

    const embedded = (
      await getJson(
        `${devnet.url}/transactions/confirmed?recipientAddress=${nodeAddress}&type=16724&embedded=true&order=desc`,
      )
    ).body;
    expect(embedded.data).toHaveLength(1);
    const entry = embedded.data[0];
    expect(entry.meta).toEqual({
      height: '2',
      aggregateHash: aggregate.hash,
      aggregateId: expect.stringMatching(/^[0-9A-F]{24}$/),
      index: 3,
      timestamp: expect.stringMatching(DECIMAL),
      feeMultiplier: 100,
    });
    expect(entry.transaction).toMatchObject({
      signerPublicKey: main.publicKey.toString(),
      version: 1,
      network: 152,
      type: 16724,
      recipientAddress: Buffer.from(
        facade.network.publicKeyToAddress(new PublicKey(devnet.descriptor.nodePublicKey)).bytes,
      )
        .toString('hex')
        .toUpperCase(),
      message: expect.stringMatching(/^FE2A8061577301E2[0-9A-F]{248}$/),
      mosaics: [],
    });

    const bySigner = (
      await getJson(`${devnet.url}/transactions/confirmed?signerPublicKey=${main.publicKey.toString()}`)
    ).body;
    expect(bySigner.data).toHaveLength(1);
    expect(bySigner.data[0].meta).toMatchObject({
      hash: aggregate.hash,
      merkleComponentHash: aggregate.hash,
      height: '2',
    });
    expect(bySigner.data[0].transaction).toMatchObject({
      type: 16705,
      version: 3,
      maxFee: expect.stringMatching(DECIMAL),
      deadline: expect.stringMatching(DECIMAL),
      transactionsHash: expect.stringMatching(HEX64),
      cosignatures: [],
    });
    const all = (await getJson(`${devnet.url}/transactions/confirmed?embedded=true&order=asc`)).body.data;
    expect(all.map((item: any) => item.transaction.type)).toEqual([16705, 16716, 16963, 16972, 16724, 16724]);
    const second = (
      await getJson(`${devnet.url}/transactions/confirmed?embedded=true&order=asc&pageSize=10&pageNumber=2`)
    ).body;
    expect(second).toEqual({ data: [], pagination: { pageNumber: 2, pageSize: 10 } });
    expect((await getJson(`${devnet.url}/transactions/confirmed?fromHeight=3`)).body.data).toEqual([]);

    const byHash = (await getJson(`${devnet.url}/transactions/confirmed/${aggregate.hash}`)).body;
    expect(byHash.transaction.transactions).toHaveLength(4);
    expect(byHash.transaction.transactions[0].meta.aggregateHash).toBe(aggregate.hash);
    expect(
      (await getJson(`${devnet.url}/transactions/confirmed/${plain.hash}`)).body.transaction,
    ).toMatchObject({
      type: 16724,
      mosaics: [{ id: '3A8416DB2D53B6C8', amount: '7' }],
    });
    expect((await getJson(`${devnet.url}/transactions/confirmed?recipientAddress=bad`)).status).toBe(409);
  });
});

describe('node rules', () => {
  it('refuses a V2 aggregate (V3 required from height 1) with Failure_Aggregate_V2_Prohibited', async () => {
    const devnet = await start();
    const facade = facadeOf(devnet);
    const v2 = delegationAggregate(
      facade,
      fundedKeyPair(devnet, 0),
      devnet.descriptor.nodePublicKey,
      randomKeyPair(),
      randomKeyPair(),
      {
        version: 2,
      },
    );
    await announce(devnet.url, v2.body);
    expect((await getJson(`${devnet.url}/transactionStatus/${v2.hash}`)).body).toMatchObject({
      group: 'failed',
      code: 'Failure_Aggregate_V2_Prohibited',
    });
  });

  it('refuses a remote key already known to the chain with Failure_AccountLink_Remote_Account_Ineligible', async () => {
    const devnet = await start();
    const facade = facadeOf(devnet);
    const link = keyLink(
      facade,
      fundedKeyPair(devnet, 0),
      'account',
      fundedKeyPair(devnet, 1).publicKey,
      'link',
    );
    await announce(devnet.url, link.body);
    devnet.mineBlock();
    expect((await getJson(`${devnet.url}/transactionStatus/${link.hash}`)).body.code).toBe(
      'Failure_AccountLink_Remote_Account_Ineligible',
    );
  });

  it('fails an unlink of a key that is not linked with Failure_Core_Inconsistent_Unlink_Data', async () => {
    const devnet = await start();
    const unlink = keyLink(
      facadeOf(devnet),
      fundedKeyPair(devnet, 0),
      'vrf',
      randomKeyPair().publicKey,
      'unlink',
    );
    await announce(devnet.url, unlink.body);
    devnet.mineBlock();
    expect((await getJson(`${devnet.url}/transactionStatus/${unlink.hash}`)).body.code).toBe(
      'Failure_Core_Inconsistent_Unlink_Data',
    );
  });

  it('drops a request from an account without importance (accepted, then pruned at once)', async () => {
    const devnet = await start({ importanceGrouping: 5 });
    const facade = facadeOf(devnet);
    const fresh = randomKeyPair();
    const funding = transfer(
      facade,
      fundedKeyPair(devnet, 0),
      facade.network.publicKeyToAddress(fresh.publicKey).toString(),
      20_000_000_000n,
    );
    await announce(devnet.url, funding.body);
    devnet.mineBlock();
    const remote = randomKeyPair();
    const vrf = randomKeyPair();
    const request = delegationAggregate(facade, fresh, devnet.descriptor.nodePublicKey, remote, vrf);
    await announce(devnet.url, request.body);
    devnet.mineBlock();
    expect((await getJson(`${devnet.url}/transactionStatus/${request.hash}`)).body.group).toBe('confirmed');
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([]);
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(0);
    // Importance arrives at the next recalculation (height 5); a new request is then kept.
    while (devnet.height() < 5n) devnet.mineBlock();
    const account = (await getJson(`${devnet.url}/accounts/${fresh.publicKey.toString()}`)).body.account;
    expect(account.importanceHeight).toBe('5');
    expect(BigInt(account.importance) > 0n).toBe(true);
    // A request whose VRF key is not the linked one is refused.
    const wrongVrf = delegationAggregate(
      facade,
      fresh,
      devnet.descriptor.nodePublicKey,
      remote,
      randomKeyPair(),
      {
        links: false,
      },
    );
    await announce(devnet.url, wrongVrf.body);
    devnet.mineBlock();
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([]);
    // A fresh request (new ephemeral key) with the linked keys is kept now.
    const again = delegationAggregate(facade, fresh, devnet.descriptor.nodePublicKey, remote, vrf, {
      links: false,
    });
    await announce(devnet.url, again.body);
    devnet.mineBlock();
    expect((await getJson(`${devnet.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([
      remote.publicKey.toString(),
    ]);
  });

  it('fills slots by importance: a full node takes a more important delegate and evicts the least important', async () => {
    const devnet = await start({ maxUnlockedAccounts: 2 });
    const facade = facadeOf(devnet);
    const delegate = async (index: number) => {
      const remote = randomKeyPair();
      const request = delegationAggregate(
        facade,
        fundedKeyPair(devnet, index),
        devnet.descriptor.nodePublicKey,
        remote,
        randomKeyPair(),
      );
      await announce(devnet.url, request.body);
      devnet.mineBlock();
      return remote.publicKey.toString();
    };
    const fifth = await delegate(5);
    const ninth = await delegate(9);
    const unlocked = async () => (await getJson(`${devnet.url}/node/unlockedaccount`)).body.unlockedAccount;
    expect(await unlocked()).toEqual([fifth, ninth]);
    // Account 8 has less importance than 5 but more than 9 (balances decrease with the index).
    const eighth = await delegate(8);
    expect(await unlocked()).toEqual([fifth, eighth]);
    // Account 9 again, less important than both: Failure_Server_Limit, nothing changes.
    await delegate(9);
    expect(await unlocked()).toEqual([fifth, eighth]);
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(248);
  });
});

describe('garbage input to PUT /transactions', () => {
  it('answers non-JSON, bad hex and truncated payloads with gateway errors and keeps serving', async () => {
    const devnet = await start();
    const put = async (body: string) => {
      const response = await fetch(`${devnet.url}/transactions`, {
        method: 'PUT',
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await put('{not json')).toMatchObject({ status: 400, body: { code: 'InvalidContent' } });
    expect(await put('{"payload":"XYZ"}')).toEqual({
      status: 409,
      body: { code: 'InvalidArgument', message: 'payload has an invalid format' },
    });
    expect(await put('{"nothing":1}')).toMatchObject({ status: 409, body: { code: 'InvalidArgument' } });
    const good = transfer(
      facadeOf(devnet),
      fundedKeyPair(devnet, 0),
      devnet.descriptor.accounts[1]!.address,
      1n,
    );
    const payload: string = JSON.parse(good.body).payload;
    expect(await put(JSON.stringify({ payload: payload.slice(0, payload.length - 10) }))).toMatchObject({
      status: 400,
      body: { code: 'InvalidContent' },
    });
    expect(await put(JSON.stringify({ payload: '00' }))).toMatchObject({
      status: 400,
      body: { code: 'InvalidContent' },
    });
    expect(await put(JSON.stringify({ payload: `${payload}00` }))).toMatchObject({ status: 400 });
    expect(await put('null')).toMatchObject({ status: 409 });
    expect((await put(good.body)).status).toBe(202);
    expect((await getJson(`${devnet.url}/node/info`)).status).toBe(200);
  });
});

describe('faults', () => {
  it('parses the fault spec and refuses unknown keys or out-of-range values', () => {
    expect(parseFaults('error-rate=0.3,latency-ms=150,drop-announce-rate=0.5')).toEqual({
      errorRate: 0.3,
      latencyMs: 150,
      dropAnnounceRate: 0.5,
    });
    expect(() => parseFaults('error-rate=2')).toThrow(/invalid value/);
    expect(() => parseFaults('speed=1')).toThrow(/unknown fault/);
  });

  it('answers 503 at the error rate and drops announcements after a 202 at the drop rate', async () => {
    const draws = [0.1, 0.9];
    let index = 0;
    const faultRandom = () => draws[index++ % draws.length]!;
    const devnet = await start({
      faults: { errorRate: 0.5, latencyMs: 5, dropAnnounceRate: 0 },
      faultRandom,
    });
    const first = await getJson(`${devnet.url}/node/info`);
    const second = await getJson(`${devnet.url}/node/info`);
    expect(first).toEqual({ status: 503, body: { code: 'ServiceUnavailable', message: expect.any(String) } });
    expect(second.status).toBe(200);

    const dropping = await start({ faults: { errorRate: 0, latencyMs: 0, dropAnnounceRate: 1 } });
    const good = transfer(
      facadeOf(dropping),
      fundedKeyPair(dropping, 0),
      dropping.descriptor.accounts[1]!.address,
      1n,
    );
    expect((await announce(dropping.url, good.body)).status).toBe(202);
    dropping.mineBlock();
    expect((await getJson(`${dropping.url}/transactionStatus/${good.hash}`)).status).toBe(404);
  });
  it('answers PUT /transactions 503 at the error rate too, and then takes nothing', async () => {
    let draw = 0.1; // below the error rate: 503
    const devnet = await start({
      faults: { errorRate: 0.5, latencyMs: 0, dropAnnounceRate: 0 },
      faultRandom: () => draw,
    });
    const good = transfer(
      facadeOf(devnet),
      fundedKeyPair(devnet, 0),
      devnet.descriptor.accounts[1]!.address,
      1n,
    );
    expect((await announce(devnet.url, good.body)).status).toBe(503);
    devnet.mineBlock();
    draw = 0.9; // above it: answered
    expect((await getJson(`${devnet.url}/transactionStatus/${good.hash}`)).status).toBe(404);
    expect((await announce(devnet.url, good.body)).status).toBe(202); // the same payload again: taken
    devnet.mineBlock();
    expect(await getJson(`${devnet.url}/transactionStatus/${good.hash}`)).toMatchObject({
      status: 200,
      body: { group: 'confirmed' },
    });
  });
});

describe('state and nodes', () => {
  it('resumes the same chain, keys and unlocked delegates from --state after a restart', async () => {
    const stateDir = join(mkdtempSync(join(tmpdir(), 'devnet-test-')), 'state');
    try {
      const first = await startDevnet({ port: 0, blockTimeSeconds: 0, stateDir });
      const facade = facadeOf(first);
      const remote = randomKeyPair();
      const request = delegationAggregate(
        facade,
        fundedKeyPair(first, 0),
        first.descriptor.nodePublicKey,
        remote,
        randomKeyPair(),
      );
      await announce(first.url, request.body);
      first.mineBlock();
      const descriptor = first.descriptor;
      await first.close();

      const second = await start({ stateDir });
      expect(second.descriptor.generationHashSeed).toBe(descriptor.generationHashSeed);
      expect(second.descriptor.nodePublicKey).toBe(descriptor.nodePublicKey);
      expect(second.descriptor.accounts.map((account) => account.publicKey)).toEqual(
        descriptor.accounts.map((account) => account.publicKey),
      );
      expect(second.height()).toBe(2n);
      expect((await getJson(`${second.url}/transactionStatus/${request.hash}`)).body).toMatchObject({
        group: 'confirmed',
        height: '2',
      });
      expect((await getJson(`${second.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([
        remote.publicKey.toString(),
      ]);
      expect(readFileSync(second.descriptor.harvestersFile).length).toBe(124);
      await second.close();
      running.pop();
    } finally {
      rmSync(join(stateDir, '..'), { recursive: true, force: true });
    }
  });

  it('runs two nodes over one chain, each with its own transport key, slots and harvesters.dat', async () => {
    const devnet = await start({ nodes: 2 });
    expect(devnet.nodes).toHaveLength(2);
    const [node0, node1] = devnet.nodes;
    expect(node0!.url).toBe(devnet.url);
    expect(node1!.nodePublicKey).not.toBe(node0!.nodePublicKey);
    expect(node1!.harvestersFile).not.toBe(node0!.harvestersFile);
    const facade = facadeOf(devnet);
    const remote = randomKeyPair();
    const request = delegationAggregate(
      facade,
      fundedKeyPair(devnet, 0),
      node1!.nodePublicKey,
      remote,
      randomKeyPair(),
    );
    // Announced through node 0, delegated to node 1: the chain is shared.
    await announce(node0!.url, request.body);
    devnet.mineBlock();
    expect((await getJson(`${node1!.url}/transactionStatus/${request.hash}`)).body.group).toBe('confirmed');
    expect((await getJson(`${node1!.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([
      remote.publicKey.toString(),
    ]);
    expect((await getJson(`${node0!.url}/node/unlockedaccount`)).body.unlockedAccount).toEqual([]);
    expect((await getJson(`${node1!.url}/node/info`)).body.nodePublicKey).toBe(node1!.nodePublicKey);
  });

  it('produces blocks on its own every block time and lets tests wait for the next one', async () => {
    const devnet = await start({ blockTimeSeconds: 0.05 });
    const block = await devnet.nextBlock();
    expect(block.height >= 2n).toBe(true);
  });
});
