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

  it('refuses a node with the testnet identifier but another generation hash seed, naming both seeds', async () => {
    const client = await clientFor({ 'GET /node/info': { body: privateInfo } });
    const error = await checkNetwork(client, TESTNET).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'WRONG_NETWORK',
      message: `${client.url} is on private (testnet identifier, seed ABABABAB…), not on testnet (seed 49D6E1CE…)`,
    });
  });

  it('refuses a node of another private network than the network file, naming both seeds', async () => {
    const client = await clientFor({ 'GET /node/info': { body: privateInfo } });
    const fromFile = { ...TESTNET, name: 'private', generationHashSeed: new Uint8Array(32).fill(0xcd) };
    await expect(checkNetwork(client, fromFile)).rejects.toMatchObject({
      code: 'WRONG_NETWORK',
      message: expect.stringContaining(
        'is on private (testnet identifier, seed ABABABAB…), not on private (testnet identifier, seed CDCDCDCD…)',
      ),
    });
  });

  it('accepts a private node for the network file with its seed, taking epoch and currency from the node', async () => {
    const properties = restFixture<{ network: Record<string, unknown>; chain: Record<string, unknown> }>(
      'networkProperties.mainnet',
    );
    properties.network['epochAdjustment'] = '1700000000s';
    properties.chain['currencyMosaicId'] = "0x1234'5678'9ABC'DEF0";
    const client = await clientFor({
      'GET /node/info': { body: privateInfo },
      'GET /network/properties': { body: properties },
    });
    const fromFile = { ...TESTNET, name: 'private', generationHashSeed: new Uint8Array(32).fill(0xab) };
    expect((await checkNetwork(client, fromFile)).network).toEqual({
      ...fromFile,
      epochAdjustmentSeconds: 1700000000,
      currencyMosaicId: 0x123456789abcdef0n,
    });
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
