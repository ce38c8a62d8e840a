import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { accountDto, keyOf } from '../helpers/delegationChain.js';
import { reply, stubNode, type StubRequest } from '../helpers/stubNode.js';
import { derivePublicKey } from '../../src/core/keys.js';

const noSleep = () => Promise.resolve();
const URL = 'http://node.test:3000';
const A = derivePublicKey(keyOf(0x31));
const B = derivePublicKey(keyOf(0x32));

describe('getAccounts (POST /accounts)', () => {
  it('sends the public keys as hex and reads every account of the answer', async () => {
    const node = stubNode({ url: URL }).on('POST', '/accounts', () => [
      accountDto({ publicKey: B, importance: 7n }),
    ]);
    const accounts = await node.client(noSleep).getAccounts([A, B]);
    expect(node.requests.map((request: StubRequest) => request.body)).toEqual([
      { publicKeys: [toHex(A), toHex(B)] },
    ]);
    expect(accounts).toHaveLength(1);
    expect(toHex(accounts![0]!.publicKey!)).toBe(toHex(B));
    expect(accounts![0]!.importance).toBe(7n);
    node.assertAllHit();
  });

  it('is undefined when the gateway has no such route (404 or 405) or refuses the body size (413)', async () => {
    for (const status of [404, 405, 413]) {
      const node = stubNode({ url: URL }).on(
        'POST',
        '/accounts',
        reply(status, { code: 'x', message: 'no' }),
      );
      expect(await node.client(noSleep).getAccounts([A, B])).toBeUndefined();
    }
  });

  it('fails as a bad response when the answer is not an array', async () => {
    const node = stubNode({ url: URL }).on('POST', '/accounts', { data: [] });
    await expect(node.client(noSleep).getAccounts([A])).rejects.toMatchObject({ code: 'NODE_BAD_RESPONSE' });
  });
});
