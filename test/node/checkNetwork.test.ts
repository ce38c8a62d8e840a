import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { InputError } from '../../src/core/errors.js';
import { MAINNET, TESTNET } from '../../src/core/network.js';
import { checkNetwork } from '../../src/node/checkNetwork.js';
import { createNodeClient } from '../../src/node/createNodeClient.js';
import { restFixture, startRestServer, type RestServer, type Route } from '../helpers/restServer.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function clientFor(routes: Record<string, Route>) {
  const server = await startRestServer(routes);
  servers.push(server);
  return createNodeClient({ url: server.url, fetch, timeoutMs: 500, sleep: () => Promise.resolve() });
}

const PRIVATE_SEED = 'AB'.repeat(32);
const privateInfo = {
  ...restFixture<object>('nodeInfo.mainnet'),
  networkIdentifier: 152,
  networkGenerationHashSeed: PRIVATE_SEED,
};

describe('checkNetwork', () => {
  it('accepts a mainnet node for --network mainnet', async () => {
    const client = await clientFor({ 'GET /node/info': { body: restFixture('nodeInfo.mainnet') } });
    const checked = await checkNetwork(client, MAINNET);
    expect(checked.network).toBe(MAINNET);
    expect(checked.nodeInfo.friendlyName).toBe('api-node-0');
  });

  it('refuses a mainnet node for --network testnet with WRONG_NETWORK', async () => {
    const client = await clientFor({ 'GET /node/info': { body: restFixture('nodeInfo.mainnet') } });
    const error = await checkNetwork(client, TESTNET).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      code: 'WRONG_NETWORK',
      details: { nodeIdentifier: 104, expectedIdentifier: 152 },
    });
  });

  it('refuses a node with the testnet identifier but another generation hash seed', async () => {
    const client = await clientFor({ 'GET /node/info': { body: privateInfo } });
    await expect(checkNetwork(client, TESTNET)).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
  });

  it('recognises a public network without --network, without reading the properties', async () => {
    const client = await clientFor({ 'GET /node/info': { body: restFixture('nodeInfo.mainnet') } });
    expect((await checkNetwork(client, undefined)).network).toBe(MAINNET);
  });

  it('describes a private network from /node/info and /network/properties', async () => {
    const properties = restFixture<{ network: Record<string, unknown>; chain: Record<string, unknown> }>(
      'networkProperties.mainnet',
    );
    properties.network['identifier'] = 'devnet';
    properties.network['epochAdjustment'] = '1700000000s';
    properties.chain['currencyMosaicId'] = "0x1234'5678'9ABC'DEF0";
    const client = await clientFor({
      'GET /node/info': { body: privateInfo },
      'GET /network/properties': { body: properties },
    });
    const { network } = await checkNetwork(client, undefined);
    expect({ ...network, generationHashSeed: toHex(network.generationHashSeed) }).toEqual({
      name: 'devnet',
      identifier: 152,
      generationHashSeed: PRIVATE_SEED,
      epochAdjustmentSeconds: 1700000000,
      currencyMosaicId: 0x123456789abcdef0n,
    });
  });
});
