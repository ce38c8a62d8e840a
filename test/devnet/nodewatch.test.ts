import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';

describe('devnet node directory (nodewatch shapes)', () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, nodes: 2, accounts: 2 });
  });
  afterAll(() => devnet.close());

  const get = async (path: string) => {
    const response = await fetch(`${devnet.nodes[1]!.url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('lists every node from any node, with the nodewatch fields', async () => {
    for (const kind of ['api', 'peer']) {
      const { status, body } = await get(`/api/symbol/nodes/${kind}?limit=0`);
      expect(status).toBe(200);
      expect(body).toEqual(
        devnet.nodes.map((node, index) => ({
          mainPublicKey: expect.stringMatching(/^[0-9A-F]{64}$/),
          nodePublicKey: node.nodePublicKey,
          endpoint: node.url,
          name: `devnet-node-${index}`,
          version: '1.0.3.9',
          height: 1,
          finalizedHeight: 1,
          balance: 0,
          isHealthy: true,
          isSslEnabled: false,
          restVersion: '2.5.0',
          roles: 3,
          geoLocation: null,
        })),
      );
    }
  });

  it('honours limit and only_ssl (no devnet node has SSL)', async () => {
    expect((await get('/api/symbol/nodes/api?limit=1')).body).toHaveLength(1);
    expect((await get('/api/symbol/nodes/peer?only_ssl=true')).body).toEqual([]);
  });

  it('looks a node up by its keys, 404 when unknown, 400 for a key that is not one', async () => {
    const nodes = (await get('/api/symbol/nodes/api')).body as { mainPublicKey: string }[];
    const byNodeKey = await get(
      `/api/symbol/nodes/nodePublicKey/${devnet.nodes[0]!.nodePublicKey.toLowerCase()}`,
    );
    expect(byNodeKey).toEqual({ status: 200, body: nodes[0] });
    expect(await get(`/api/symbol/nodes/mainPublicKey/${nodes[1]!.mainPublicKey}`)).toEqual({
      status: 200,
      body: nodes[1],
    });
    expect(await get(`/api/symbol/nodes/mainPublicKey/${'0'.repeat(64)}`)).toEqual({
      status: 404,
      body: { status: 404, message: 'Resource not found' },
    });
    expect((await get('/api/symbol/nodes/nodePublicKey/zz')).status).toBe(400);
  });
});
