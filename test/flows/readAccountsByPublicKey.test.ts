import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { readAccountsByPublicKey } from '../../src/flows/readAccountsByPublicKey.js';
import { accountDto } from '../helpers/delegationChain.js';
import { notFound, reply, stubNode, type StubRequest } from '../helpers/stubNode.js';

const noSleep = () => Promise.resolve();
const URL = 'http://node.test:3000';
/** 32 distinct bytes per index (REST takes any key; these need not be curve points here). */
const keyNumber = (index: number) =>
  Uint8Array.from({ length: 32 }, (_, byte) => (index * 31 + byte + 1) & 0xff);

/** A node knowing the even-numbered keys; the key numbered 4 it answers without its public key. */
function chain(keys: readonly Uint8Array[], batch: boolean) {
  const known = new Map(keys.filter((_, index) => index % 2 === 0).map((key) => [toHex(key), key]));
  const hidden = keys[4] === undefined ? undefined : toHex(keys[4]);
  const dto = (key: Uint8Array) => {
    const answer = accountDto({ publicKey: key, importance: 5n }) as { account: Record<string, unknown> };
    if (toHex(key) === hidden) delete answer.account['publicKey'];
    return answer;
  };
  const node = stubNode({ url: URL });
  node.on(
    'GET',
    '/accounts/:id',
    (request: StubRequest) => {
      const key = known.get(request.params['id']!);
      return key === undefined ? notFound() : dto(key);
    },
    { optional: batch },
  );
  if (batch) {
    node.on('POST', '/accounts', (request: StubRequest) =>
      (request.body as { publicKeys: string[] }).publicKeys.flatMap((hex) => {
        const key = known.get(hex);
        return key === undefined ? [] : [dto(key)];
      }),
    );
  } else {
    node.on('POST', '/accounts', reply(405, { code: 'MethodNotAllowed', message: 'POST is not allowed' }));
  }
  return node;
}

describe('readAccountsByPublicKey', () => {
  const keys = Array.from({ length: 250 }, (_, index) => keyNumber(index));

  it('reads 100 accounts per POST /accounts, each once; unknown ones are undefined', async () => {
    const node = chain(keys, true);
    const accounts = await readAccountsByPublicKey(node.client(noSleep), [...keys, ...keys.slice(0, 30)]);
    const sizes = node.requests.map(
      (request) => (request.body as { publicKeys: string[] }).publicKeys.length,
    );
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(node.requests.flatMap((r) => (r.body as { publicKeys: string[] }).publicKeys)).size).toBe(
      250,
    );
    expect(accounts.size).toBe(250);
    keys.forEach((key, index) => {
      const account = accounts.get(toHex(key));
      if (index % 2 === 1) expect(account).toBeUndefined();
      else expect(account?.importance).toBe(5n);
    });
    // answered without its public key: matched by its address
    expect(accounts.get(toHex(keys[4]!))?.publicKey).toBeUndefined();
    expect(accounts.get(toHex(keys[4]!))?.importance).toBe(5n);
    node.assertAllHit();
  });

  it.each([
    ['one account twice', (asked: string[]) => [asked[0]!, asked[0]!]],
    [
      'an account of another batch',
      (asked: string[]) => [toHex(keys[asked.includes(toHex(keys[0]!)) ? 120 : 0]!)],
    ],
  ])('refuses an answer naming %s (NODE_BAD_RESPONSE)', async (_, answered) => {
    const node = stubNode({ url: URL });
    node.on('POST', '/accounts', (request: StubRequest) =>
      answered((request.body as { publicKeys: string[] }).publicKeys).map((hex) =>
        accountDto({ publicKey: keys.find((key) => toHex(key) === hex)!, importance: 1n }),
      ),
    );
    await expect(readAccountsByPublicKey(node.client(noSleep), keys.slice(0, 150))).rejects.toMatchObject({
      code: 'NODE_BAD_RESPONSE',
    });
  });

  it('reads them one GET each when the gateway has no batch read', async () => {
    const node = chain(keys.slice(0, 20), false);
    const accounts = await readAccountsByPublicKey(node.client(noSleep), keys.slice(0, 20));
    expect(node.calls({ method: 'POST' })).toEqual(['POST /accounts']); // 20 keys: one batch
    expect(node.calls({ method: 'GET' })).toHaveLength(20);
    expect([...accounts.values()].filter((account) => account !== undefined)).toHaveLength(10);
    node.assertAllHit();
  });

  it('asks one GET for a single account, and nothing for accounts already read', async () => {
    const node = chain(keys.slice(0, 3), true);
    const client = node.client(noSleep);
    const known = await readAccountsByPublicKey(client, [keys[0]!, keys[0]!]);
    expect(node.calls()).toEqual([`GET /accounts/${toHex(keys[0]!)}`]);
    await readAccountsByPublicKey(client, [keys[0]!, keys[1]!, keys[2]!], known);
    expect(node.calls()).toHaveLength(2);
    expect((node.requests[1]!.body as { publicKeys: string[] }).publicKeys).toEqual([
      toHex(keys[1]!),
      toHex(keys[2]!),
    ]);
    expect(known.size).toBe(3);
  });
});
