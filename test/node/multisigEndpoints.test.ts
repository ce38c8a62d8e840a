import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { createNodeClient, type NodeClient } from '../../src/node/createNodeClient.js';
import { startRestServer, type RestServer, type Route } from '../helpers/restServer.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function clientFor(routes: Record<string, Route>): Promise<{ client: NodeClient; server: RestServer }> {
  const server = await startRestServer(routes);
  servers.push(server);
  return {
    server,
    client: createNodeClient({
      url: server.url,
      fetch,
      timeoutMs: 500,
      sleep: () => Promise.resolve(),
      retries: 0,
    }),
  };
}

const key = (byte: number) => derivePublicKey(new Uint8Array(32).fill(byte));
const address = (byte: number) => deriveAddress(key(byte), 0x98);
const MULTISIG = address(1);
const HASH = 'AB'.repeat(32);

const partialBody = () => ({
  meta: { hash: HASH, merkleComponentHash: HASH, height: '0' },
  transaction: {
    size: 432,
    signature: 'CD'.repeat(64),
    signerPublicKey: toHex(key(2)),
    version: 3,
    network: 152,
    type: 16961,
    maxFee: '43200',
    deadline: '41998024783',
    transactionsHash: 'EF'.repeat(32),
    cosignatures: [{ version: '0', signerPublicKey: toHex(key(3)), signature: '12'.repeat(64) }],
    transactions: [
      {
        meta: { height: '0', aggregateHash: HASH, index: 0 },
        transaction: {
          signerPublicKey: toHex(key(1)),
          version: 1,
          network: 152,
          type: 16716,
          linkedPublicKey: toHex(key(4)),
          linkAction: 1,
        },
      },
      {
        transaction: {
          signerPublicKey: toHex(key(1)),
          version: 1,
          network: 152,
          type: 16724,
          recipientAddress: toHex(address(5)),
          mosaics: [{ id: '72C0212E67A08BCE', amount: '5000000' }],
        },
      },
      { transaction: { signerPublicKey: toHex(key(1)), version: 1, network: 152, type: 16725 } },
    ],
  },
});

describe('the multisig endpoints (docs/protocol.md §5)', () => {
  it('reads /account/{address}/multisig; 404 is undefined', async () => {
    const { client, server } = await clientFor({
      [`GET /account/${encodeAddress(MULTISIG)}/multisig`]: {
        body: {
          multisig: {
            version: 1,
            accountAddress: toHex(MULTISIG),
            minApproval: 2,
            minRemoval: 2,
            cosignatoryAddresses: [toHex(address(2)), toHex(address(3))],
            multisigAddresses: [],
          },
        },
      },
    });
    const info = await client.getMultisigInfo(MULTISIG);
    expect(info?.minApproval).toBe(2);
    expect(info?.cosignatoryAddresses.map(toHex)).toEqual([toHex(address(2)), toHex(address(3))]);
    expect(info?.multisigAddresses).toEqual([]);
    expect(await client.getMultisigInfo(address(9))).toBeUndefined();
    expect(server.calls[0]).toBe(`GET /account/${encodeAddress(MULTISIG)}/multisig`);
  });

  it('reads /lock/hash?address= with status 0 unused, 1 used', async () => {
    const { client, server } = await clientFor({
      'GET /lock/hash': {
        body: {
          data: [
            {
              lock: {
                version: 1,
                ownerAddress: toHex(address(2)),
                mosaicId: '72C0212E67A08BCE',
                amount: '10000000',
                endHeight: '5780',
                status: 0,
                hash: HASH,
              },
            },
          ],
          pagination: { pageNumber: 1, pageSize: 100 },
        },
      },
    });
    const [lock] = await client.getHashLocks(address(2));
    expect(lock).toMatchObject({
      mosaicId: 0x72c0212e67a08bcen,
      amount: 10_000_000n,
      endHeight: 5780n,
      used: false,
    });
    expect(toHex(lock!.hash)).toBe(HASH);
    expect(server.calls[0]).toContain(`address=${encodeAddress(address(2))}`);
  });

  it('lists partial hashes by address or signer and reads one partial aggregate in full', async () => {
    const { client, server } = await clientFor({
      'GET /transactions/partial': {
        body: { data: [partialBody()], pagination: { pageNumber: 1, pageSize: 100 } },
      },
      [`GET /transactions/partial/${HASH}`]: { body: partialBody() },
    });
    expect((await client.searchPartialTransactions({ address: MULTISIG })).map(toHex)).toEqual([HASH]);
    await client.searchPartialTransactions({ signerPublicKey: key(2) });
    expect(server.calls[0]).toContain(`address=${encodeAddress(MULTISIG)}`);
    expect(server.calls[1]).toContain(`signerPublicKey=${toHex(key(2))}`);
    const partial = await client.getPartialTransaction(parseHex(HASH, { name: 'h' }));
    expect(partial).toMatchObject({ type: 0x4241, version: 3, maxFee: 43200n, deadline: 41998024783n });
    expect(partial!.transactions[0]).toMatchObject({ type: 0x414c, linkAction: 1 });
    expect(partial!.transactions[1]!.mosaics).toEqual([{ id: 0x72c0212e67a08bcen, amount: 5_000_000n }]);
    expect(partial!.transactions[1]!.message).toEqual(new Uint8Array(0));
    expect(partial!.transactions[2]).toEqual({
      type: 16725,
      version: 1,
      network: 152,
      signerPublicKey: key(1),
    });
    expect(partial!.cosignatures.map((entry) => toHex(entry.signerPublicKey))).toEqual([toHex(key(3))]);
    expect(await client.getPartialTransaction(new Uint8Array(32))).toBeUndefined();
  });

  it('announces a partial payload and a detached cosignature as the gateway expects', async () => {
    const bodies: string[] = [];
    const take = (request: { body: string }) => {
      bodies.push(request.body);
      return {
        status: 202,
        body: { message: 'packet 500 was pushed to the network via /transactions/partial' },
      };
    };
    const { client } = await clientFor({
      'PUT /transactions/partial': take,
      'PUT /transactions/cosignature': take,
    });
    await client.announcePartialTransaction(new Uint8Array([1, 2, 255]));
    await client.announceCosignature({
      version: 0n,
      signerPublicKey: key(3),
      signature: new Uint8Array(64).fill(7),
      parentHash: parseHex(HASH, { name: 'h' }),
    });
    expect(JSON.parse(bodies[0]!)).toEqual({ payload: '0102FF' });
    expect(JSON.parse(bodies[1]!)).toEqual({
      version: '0',
      signerPublicKey: toHex(key(3)),
      signature: '07'.repeat(64),
      parentHash: HASH,
    });
  });

  const garbage: [string, string, Route, (client: NodeClient) => Promise<unknown>, string][] = [
    [
      'multisig without minApproval',
      'GET /account/*',
      { body: { multisig: { accountAddress: toHex(MULTISIG) } } },
      (c) => c.getMultisigInfo(MULTISIG),
      'multisig.minApproval',
    ],
    [
      'multisig with a bad address',
      'GET /account/*',
      {
        body: {
          multisig: {
            accountAddress: '00'.repeat(24),
            minApproval: 1,
            minRemoval: 1,
            cosignatoryAddresses: [],
            multisigAddresses: [],
          },
        },
      },
      (c) => c.getMultisigInfo(MULTISIG),
      'multisig.accountAddress',
    ],
    ['multisig as an array', 'GET /account/*', { body: [] }, (c) => c.getMultisigInfo(MULTISIG), ''],
    [
      'lock status 7',
      'GET /lock/hash',
      {
        body: {
          data: [
            {
              lock: {
                ownerAddress: toHex(address(2)),
                mosaicId: '72C0212E67A08BCE',
                amount: '1',
                endHeight: '1',
                status: 7,
                hash: HASH,
              },
            },
          ],
        },
      },
      (c) => c.getHashLocks(address(2)),
      'data[0].lock.status',
    ],
    [
      'lock hash of 31 bytes',
      'GET /lock/hash',
      {
        body: {
          data: [
            {
              lock: {
                ownerAddress: toHex(address(2)),
                mosaicId: '72C0212E67A08BCE',
                amount: '1',
                endHeight: '1',
                status: 0,
                hash: 'AB'.repeat(31),
              },
            },
          ],
        },
      },
      (c) => c.getHashLocks(address(2)),
      'data[0].lock.hash',
    ],
    [
      'partial list without data',
      'GET /transactions/partial',
      { body: { pagination: {} } },
      (c) => c.searchPartialTransactions({ address: MULTISIG }),
      'data',
    ],
    [
      'partial with a link action 2',
      'GET /transactions/partial/*',
      {
        body: (() => {
          const b = partialBody();
          (b.transaction.transactions[0]!.transaction as any).linkAction = 2;
          return b;
        })(),
      },
      (c) => c.getPartialTransaction(new Uint8Array(32)),
      'transaction.transactions[0].transaction.linkAction',
    ],
    [
      'partial with a fee as text',
      'GET /transactions/partial/*',
      {
        body: (() => {
          const b = partialBody();
          (b.transaction as any).maxFee = 'lots';
          return b;
        })(),
      },
      (c) => c.getPartialTransaction(new Uint8Array(32)),
      'transaction.maxFee',
    ],
    [
      'partial cosignature signature too short',
      'GET /transactions/partial/*',
      {
        body: (() => {
          const b = partialBody();
          b.transaction.cosignatures[0]!.signature = '12';
          return b;
        })(),
      },
      (c) => c.getPartialTransaction(new Uint8Array(32)),
      'transaction.cosignatures[0].signature',
    ],
  ];
  for (const [name, route, reply, call, field] of garbage) {
    it(`is NODE_BAD_RESPONSE naming the field: ${name}`, async () => {
      const { client } = await clientFor({ [route]: reply });
      await expect(call(client)).rejects.toMatchObject({ code: 'NODE_BAD_RESPONSE', details: { field } });
    });
  }
});
