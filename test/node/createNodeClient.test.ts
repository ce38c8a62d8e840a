import { afterEach, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.js';
import { toHex, parseHex } from '../../src/core/bytes.js';
import { NodeError } from '../../src/core/errors.js';
import { createNodeClient, type NodeClient } from '../../src/node/createNodeClient.js';
import { accountBalance } from '../../src/node/getAccount.js';
import { restFixture, startRestServer, type RestServer, type Route } from '../helpers/restServer.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const noSleep = () => Promise.resolve();

async function clientFor(routes: Record<string, Route>): Promise<{ client: NodeClient; server: RestServer }> {
  const server = await startRestServer(routes);
  servers.push(server);
  return {
    server,
    client: createNodeClient({ url: `${server.url}/`, fetch, timeoutMs: 500, sleep: noSleep }),
  };
}

const hex = (text: string) => parseHex(text, { name: 'test' });

describe('createNodeClient against the gateway shapes of docs/protocol.md §5', () => {
  it('reads /node/info', async () => {
    const { client } = await clientFor({ 'GET /node/info': { body: restFixture('nodeInfo.mainnet') } });
    const info = await client.getNodeInfo();
    expect(info).toMatchObject({
      version: 16777993,
      networkIdentifier: 104,
      roles: 7,
      friendlyName: 'api-node-0',
    });
    expect(toHex(info.nodePublicKey!)).toBe(
      'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737',
    );
    expect(toHex(info.publicKey)).toBe('AC1A6E1D8DE5B17D2C6B1293F1CAD3829EEACF38D09311BB3C8E5A880092DE26');
    expect(toHex(info.networkGenerationHashSeed)).toBe(
      '57F7DA205008026C776CB6AED843393F04CD458E0AA2D9F1D5F31A402072B2D6',
    );
  });

  it('reads /node/info without nodePublicKey (old gateway) as undefined', async () => {
    const body = restFixture<Record<string, unknown>>('nodeInfo.mainnet');
    delete body['nodePublicKey'];
    const { client } = await clientFor({ 'GET /node/info': { body } });
    expect((await client.getNodeInfo()).nodePublicKey).toBeUndefined();
  });

  it('reads /node/server, /node/time, /node/unlockedaccount, fees and chain info', async () => {
    const { client } = await clientFor({
      'GET /node/server': { body: restFixture('nodeServer') },
      'GET /node/time': { body: restFixture('nodeTime') },
      'GET /node/unlockedaccount': { body: restFixture('unlockedAccount') },
      'GET /network/fees/transaction': { body: restFixture('transactionFees') },
      'GET /chain/info': { body: restFixture('chainInfo') },
    });
    expect(await client.getNodeServer()).toEqual({
      restVersion: '1.0.14',
      deploymentTool: 'symbol-shoestring',
    });
    expect(await client.getNodeTime()).toEqual({
      sendTimestampMs: 125718735123,
      receiveTimestampMs: 125718735120,
    });
    expect((await client.getUnlockedAccounts()).map(toHex)).toEqual([
      'AC1A6E1D8DE5B17D2C6B1293F1CAD3829EEACF38D09311BB3C8E5A880092DE26',
      'FA313F7B4E6148B0E6CB8637599678D1587FCBCFD16F6E3FCBEC9A035B6C2F21',
    ]);
    expect(await client.getTransactionFees()).toEqual({
      averageFeeMultiplier: 103,
      medianFeeMultiplier: 100,
      highestFeeMultiplier: 1136,
      lowestFeeMultiplier: 0,
      minFeeMultiplier: 10,
    });
    expect(await client.getChainInfo()).toEqual({ height: 5270371n, finalizedHeight: 5270348n });
  });

  it('parses /network/properties: separators, mosaic ids, durations and fork heights', async () => {
    const { client } = await clientFor({
      'GET /network/properties': { body: restFixture('networkProperties.mainnet') },
    });
    const properties = await client.getNetworkProperties();
    expect(properties).toMatchObject({
      networkName: 'mainnet',
      epochAdjustmentSeconds: 1615853185,
      currencyMosaicId: 0x6bed913fa20223f8n,
      harvestingMosaicId: 0x6bed913fa20223f8n,
      minHarvesterBalance: 10_000_000_000n,
      maxHarvesterBalance: 50_000_000_000_000n,
      importanceGrouping: 720n,
      blockGenerationTargetTimeMs: 30_000,
      maxTransactionLifetimeMs: 21_600_000,
      defaultDynamicFeeMultiplier: 100n,
      forkHeights: { uniqueAggregateTransactionHash: 4_759_100n, strictAggregateTransactionHash: 1_690_500n },
    });
  });

  it('names the malformed property', async () => {
    const body = restFixture<{ chain: Record<string, unknown> }>('networkProperties.mainnet');
    body.chain['minHarvesterBalance'] = '10k';
    const { client } = await clientFor({ 'GET /network/properties': { body } });
    await expect(client.getNetworkProperties()).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
      message: '/network/properties: field chain.minHarvesterBalance is not an integer',
    });
  });

  it('reads an account by base32 address and by public key', async () => {
    const { client, server } = await clientFor({
      'GET /accounts/*': { body: restFixture('account.mainnet') },
    });
    const address = decodeBase32('ND4WXUXYAPPB5Y42VT6FHISG6T32I2IBUV64SIQ')!;
    const account = (await client.getAccount({ address }))!;
    expect(toHex(account.address)).toBe('68F96BD2F803DE1EE39AACFC53A246F4F7A46901A57DC922');
    expect(account.accountType).toBe(1);
    expect(account.importance).toBe(123456789n);
    expect(account.importanceHeight).toBe(4759200n);
    expect(toHex(account.links.remote!)).toBe(
      'A09AA5F47A6759802FF955F8DC2D2A14A5C99D23BE97F864127FF9383455A4F0',
    );
    expect(toHex(account.links.vrf!)).toBe(
      '17CB79FB2B4120F2B1EC65E4198D6E08B28E813FEB01E4A400839B85E18080CE',
    );
    expect(toHex(account.links.node!)).toBe(
      'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737',
    );
    expect(accountBalance(account, 0x6bed913fa20223f8n)).toBe(15_000_000_000n);
    expect(accountBalance(account, 1n)).toBe(0n);
    await client.getAccount({ publicKey: account.publicKey! });
    expect(server.calls).toEqual([
      'GET /accounts/ND4WXUXYAPPB5Y42VT6FHISG6T32I2IBUV64SIQ',
      'GET /accounts/87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8',
    ]);
  });

  it('reads an account without links, public key or importance', async () => {
    const body = {
      account: {
        address: '68F96BD2F803DE1EE39AACFC53A246F4F7A46901A57DC922',
        publicKey: '0'.repeat(64),
        accountType: 0,
        supplementalPublicKeys: {},
        mosaics: [],
        importance: '0',
        importanceHeight: '0',
      },
    };
    const { client } = await clientFor({ 'GET /accounts/*': { body } });
    const account = (await client.getAccount({
      address: decodeBase32('ND4WXUXYAPPB5Y42VT6FHISG6T32I2IBUV64SIQ')!,
    }))!;
    expect(account.publicKey).toBeUndefined();
    expect(account.links).toEqual({ remote: undefined, vrf: undefined, node: undefined });
    expect(account.importance).toBe(0n);
  });

  it('gives undefined for an unknown account (404)', async () => {
    const { client } = await clientFor({});
    expect(await client.getAccount({ publicKey: new Uint8Array(32).fill(7) })).toBeUndefined();
  });

  it('refuses an account address with a bad checksum', async () => {
    const body = restFixture<{ account: Record<string, unknown> }>('account.mainnet');
    body.account['address'] = '68F96BD2F803DE1EE39AACFC53A246F4F7A46901A57DC923';
    const { client } = await clientFor({ 'GET /accounts/*': { body } });
    await expect(client.getAccount({ publicKey: new Uint8Array(32).fill(7) })).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
      message: expect.stringContaining('field account.address'),
    });
  });

  it('announces with PUT /transactions and a JSON payload (202)', async () => {
    let seen = '';
    const { client } = await clientFor({
      'PUT /transactions': (request) => {
        seen = request.body;
        return { status: 202, body: restFixture('announce') };
      },
    });
    await client.announceTransaction(Uint8Array.of(1, 2, 0xab));
    expect(JSON.parse(seen)).toEqual({ payload: '0102AB' });
  });

  it('reads transaction statuses; 404 is undefined', async () => {
    const confirmed = hex('8EF4E8BB3D4F4741D5C4A692E82D3ED197005DF200C2D3C57B00AAD090D0ECF7');
    const { client } = await clientFor({
      [`GET /transactionStatus/${toHex(confirmed)}`]: { body: restFixture('transactionStatus.confirmed') },
      [`GET /transactionStatus/${'AA'.repeat(32)}`]: { body: restFixture('transactionStatus.failed') },
    });
    expect(await client.getTransactionStatus(confirmed)).toEqual({
      group: 'confirmed',
      code: 'Success',
      deadline: 158608182197n,
      height: 5278957n,
    });
    expect(await client.getTransactionStatus(new Uint8Array(32).fill(0xaa))).toMatchObject({
      group: 'failed',
      code: 'Failure_AccountLink_Remote_Account_Ineligible',
      height: undefined,
    });
    expect(await client.getTransactionStatus(new Uint8Array(32))).toBeUndefined();
  });

  it('searches confirmed transactions with the filters as query parameters', async () => {
    const { client, server } = await clientFor({
      'GET /transactions/confirmed': { body: restFixture('transactionsConfirmed.search') },
    });
    const recipient = hex('68AD8BAAB80B1DC684542EC175259711AB2C41D2FEA8D50F');
    const page = await client.searchConfirmedTransactions({
      recipientAddress: recipient,
      type: [16724],
      embedded: true,
      pageSize: 100,
      pageNumber: 2,
      order: 'asc',
      fromHeight: 5n,
      toHeight: 9n,
    });
    expect(server.calls[0]).toBe(
      'GET /transactions/confirmed?recipientAddress=NCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS72UNKDY&type=16724' +
        '&embedded=true&fromHeight=5&toHeight=9&pageSize=100&pageNumber=2&order=asc',
    );
    expect(page.pageNumber).toBe(1);
    expect(page.data).toHaveLength(2);
    const [top, embedded] = page.data;
    expect(top!.meta.height).toBe(5270001n);
    expect(toHex(top!.meta.hash!)).toBe('11'.repeat(32));
    expect(top!.transaction.type).toBe(16724);
    expect(top!.transaction.recipientAddress).toEqual(recipient);
    expect(top!.transaction.message).toHaveLength(132);
    expect(embedded!.meta.hash).toBeUndefined();
    expect(toHex(embedded!.meta.aggregateHash!)).toBe('22'.repeat(32));
  });

  it('reads an aggregate by hash with its embedded transactions; 404 is undefined', async () => {
    const { client } = await clientFor({
      [`GET /transactions/confirmed/${'22'.repeat(32)}`]: {
        body: restFixture('transactionConfirmed.aggregate'),
      },
    });
    const aggregate = (await client.getConfirmedTransaction(new Uint8Array(32).fill(0x22)))!;
    expect(aggregate.transaction.type).toBe(16705);
    expect(aggregate.transaction.version).toBe(3);
    expect(aggregate.transaction.transactions!.map((entry) => entry.transaction.type)).toEqual([
      16716, 16724,
    ]);
    expect(await client.getConfirmedTransaction(new Uint8Array(32))).toBeUndefined();
  });

  it('names the field of a wrong shape', async () => {
    const { client } = await clientFor({
      'GET /chain/info': { body: { height: 1e20 } },
      'GET /node/unlockedaccount': { body: { unlockedAccount: ['XYZ'] } },
      'GET /node/info': { body: [] },
    });
    const chain = await client.getChainInfo().catch((error: unknown) => error);
    expect(chain).toBeInstanceOf(NodeError);
    expect(chain).toMatchObject({
      code: 'NODE_BAD_RESPONSE',
      message: '/chain/info: field height is not a uint64 decimal string',
    });
    await expect(client.getUnlockedAccounts()).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
      message: '/node/unlockedaccount: field unlockedAccount[0] is not hex',
    });
    await expect(client.getNodeInfo()).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
      message: '/node/info: answer is not an object',
    });
  });
});
