/** Several --node URLs as one client (docs/cli.md, "Several nodes"): failover, wrong network dropped, pinned reads. */
import { describe, expect, it } from 'vitest';
import { createFailoverClient } from '../../src/node/createFailoverClient.js';
import { restFixture, stubNode, type StubNode } from '../helpers/stubNode.js';

const noSleep = () => Promise.resolve();
const properties = restFixture<{ network: Record<string, unknown> }>('networkProperties.mainnet');
const otherNetwork = {
  ...properties,
  network: { ...properties.network, generationHashSeed: 'AB'.repeat(32) },
};

function node(name: string, network: unknown = properties): StubNode {
  return stubNode({ url: `http://${name}.test:3000` })
    .on('GET', '/network/properties', network, { optional: true })
    .on('GET', '/chain/info', restFixture('chainInfo'), { optional: true })
    .on('GET', '/node/unlockedaccount', restFixture('unlockedAccount'), { optional: true });
}

describe('createFailoverClient', () => {
  it('moves to the next node when the first answers 503 after its retries, and stays there', async () => {
    const a = node('a').unavailable(() => true);
    const b = node('b');
    const notes: string[] = [];
    const client = createFailoverClient({
      clients: [a.client(noSleep, { retries: 1 }), b.client(noSleep, { retries: 1 })],
      onNote: (text) => notes.push(text),
    });
    const chain = await client.getChainInfo();
    expect(chain.height).toBeGreaterThan(0n);
    expect(client.url).toBe(b.url);
    expect(notes).toEqual([`${a.url} failed (NODE_UNAVAILABLE); trying ${b.url}`]);
    const asked = a.requests.length;
    await client.getChainInfo();
    expect(a.requests.length).toBe(asked); // b is now the node in use
  });

  it('moves on when nothing listens on the first node, and throws the last error when all fail', async () => {
    // no route at all: every request is a failed fetch, as when nothing listens
    const dead = stubNode({ url: 'http://dead.test:3000' }).client(noSleep, { retries: 0 });
    const b = node('b');
    const client = createFailoverClient({ clients: [dead, b.client(noSleep, { retries: 0 })] });
    await expect(client.getNetworkProperties()).resolves.toBeDefined();
    b.unavailable(() => true);
    await expect(client.getChainInfo()).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
  });

  it('drops a node of another network with a WRONG_NETWORK note, before using it', async () => {
    const a = node('a').unavailable((request) => request.path === '/chain/info');
    const b = node('b', otherNetwork);
    const c = node('c');
    const notes: string[] = [];
    const client = createFailoverClient({
      clients: [a, b, c].map((stub) => stub.client(noSleep, { retries: 0 })),
      onNote: (text) => notes.push(text),
    });
    await client.getChainInfo();
    expect(client.url).toBe(c.url);
    expect(b.calls()).toEqual(['GET /network/properties']);
    expect(notes.some((text) => text.startsWith(`WRONG_NETWORK: ${b.url} is on another network`))).toBe(true);
  });

  it('answers node-specific reads from the pinned node only, without failover', async () => {
    const a = node('a');
    const pinned = node('p').unavailable((request) => request.path === '/node/unlockedaccount');
    const client = createFailoverClient({
      clients: [a.client(noSleep, { retries: 0 })],
      pinned: pinned.client(noSleep, { retries: 0 }),
    });
    await expect(client.getUnlockedAccounts()).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
    expect(a.calls({ path: '/node/unlockedaccount' })).toEqual([]);
    await client.getChainInfo(); // the other reads go to the --node URLs
    expect(pinned.calls({ path: '/chain/info' })).toEqual([]);
    expect(client.url).toBe(pinned.url); // the node delegated to, as results and the keystore name it
  });

  it('refuses a pinned node of another network (WRONG_NETWORK)', async () => {
    const client = createFailoverClient({
      clients: [node('a').client(noSleep)],
      pinned: node('p', otherNetwork).client(noSleep),
    });
    await expect(client.getUnlockedAccounts()).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
  });
});
