/**
 * getHarvestingStatus against the embedded devnet (real HTTP on 127.0.0.1), with every transaction built and
 * signed by symbol-sdk only (test/devnet/sdkClient.ts), so the status is checked against an independent client.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeError } from '../../src/core/errors.js';
import { deriveAddress, parseAddress } from '../../src/core/address.js';
import { parseHex } from '../../src/core/bytes.js';
import { serializeKeystore, type KeystoreFile } from '../../src/core/keystore/keystoreFormat.js';
import { TESTNET } from '../../src/core/network.js';
import { networkTimeOf } from '../../src/core/networkTime.js';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { createNodeFileSystem } from '../../src/platform/nodeFileSystem.js';
import {
  getHarvestingStatus,
  type GetHarvestingStatusParameters,
  type StatusAccount,
} from '../../src/flows/getHarvestingStatus.js';
import { createNodeClient } from '../../src/node/createNodeClient.js';
import { closedPortUrl } from '../helpers/restServer.js';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  randomKeyPair,
  sign,
  transfer,
} from '../devnet/sdkClient.js';

const opened: { devnet: Devnet; home: string }[] = [];
afterEach(async () => {
  for (const { devnet, home } of opened.splice(0)) {
    await devnet.close();
    rmSync(home, { recursive: true, force: true });
  }
});

/** A devnet with manual blocks, a facade, an empty harvest home, and a status reader bound to node `asked`. */
async function setup(options: { nodes?: number; maxUnlockedAccounts?: number } = {}) {
  const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, ...options });
  const home = mkdtempSync(join(tmpdir(), 'harvest-status-'));
  opened.push({ devnet, home });
  const facade = facadeOf(devnet);
  const connect = (url: string) =>
    createNodeClient({ url, fetch, timeoutMs: 5_000, sleep: () => Promise.resolve(), retries: 0 });
  const now = new Date();
  const status = (account: StatusAccount, overrides: Partial<GetHarvestingStatusParameters> = {}) =>
    getHarvestingStatus({
      client: connect(devnet.url),
      account,
      keystore: { files: createNodeFileSystem(), home },
      connect,
      now: () => now,
      ...overrides,
    });
  /** Announces a signed body and mines one block; the transaction must confirm. */
  const confirm = async (signed: { body: string; hash: string }) => {
    expect((await announce(devnet.url, signed.body)).status).toBe(202);
    devnet.mineBlock();
  };
  return { devnet, home, facade, status, confirm, now };
}

function publicKeyOf(keyPair: KeyPair): StatusAccount {
  return { publicKey: keyPair.publicKey.bytes };
}

/** remote + VRF + node links in one aggregate, no request (a link-only aggregate, signed by symbol-sdk). */
function linkOnlyAggregate(
  facade: SymbolFacade,
  main: KeyPair,
  links: { remote?: KeyPair; vrf?: KeyPair; node?: string },
) {
  const inner: models.EmbeddedTransaction[] = [];
  if (links.remote !== undefined)
    inner.push(
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.AccountKeyLinkTransactionV1Descriptor(links.remote.publicKey, models.LinkAction.LINK),
        main.publicKey,
      ),
    );
  if (links.vrf !== undefined)
    inner.push(
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.VrfKeyLinkTransactionV1Descriptor(links.vrf.publicKey, models.LinkAction.LINK),
        main.publicKey,
      ),
    );
  if (links.node !== undefined)
    inner.push(
      facade.createEmbeddedTransactionFromTypedDescriptor(
        new descriptors.NodeKeyLinkTransactionV1Descriptor(new PublicKey(links.node), models.LinkAction.LINK),
        main.publicKey,
      ),
    );
  const descriptor = new descriptors.AggregateCompleteTransactionV3Descriptor(
    SymbolFacade.hashEmbeddedTransactions(inner),
    inner,
  );
  return sign(
    facade,
    main,
    facade.createTransactionFromTypedDescriptor(descriptor, main.publicKey, 100, 7200),
  );
}

/** Writes a keystore file with only public facts (status never opens sealed keys, so they are filler). */
function writeKeystore(
  home: string,
  mainAddress: string,
  facts: Partial<Pick<KeystoreFile, 'keys' | 'node' | 'remoteHarvesting' | 'journal'>>,
) {
  const file: KeystoreFile = {
    mainAddress,
    networkIdentifier: 152,
    kdf: { n: 16, r: 1, p: 1, salt: new Uint8Array(32), check: new Uint8Array(44) },
    keys: [],
    journal: [],
    ...facts,
  };
  mkdirSync(join(home, 'keystore'), { recursive: true });
  writeFileSync(join(home, 'keystore', `${mainAddress}.json`), serializeKeystore(file), { mode: 0o600 });
}

function storedRemote(keyPair: KeyPair) {
  return {
    role: 'remote' as const,
    publicKey: keyPair.publicKey.bytes,
    status: 'linked' as const,
    createdAt: '2025-01-01T00:00:00.000Z',
    sealed: new Uint8Array(60),
  };
}

describe('getHarvestingStatus on the devnet', () => {
  it('INACTIVE for a funded account without links, by address, with balance, importance and the next recalculation', async () => {
    const { devnet, status, now } = await setup();
    const account = devnet.descriptor.accounts[0]!;
    const result = await status({ address: parseAddress(account.address) });
    expect(result).toEqual({
      state: 'INACTIVE',
      reasons: [],
      mainAddress: account.address,
      links: { remote: null, vrf: null, node: null },
      balance: BigInt(account.balance),
      importance: expect.any(BigInt),
      unlocked: null,
      nodeUrl: devnet.url,
      // height 1, grouping 10, the devnet publishes a 1 s block time: 9 blocks from now
      nextImportanceRecalculation: {
        height: 10n,
        estimatedAt: new Date(now.getTime() + 9_000).toISOString(),
      },
      linkedNodeUrl: null,
    });
    expect(result.importance > 0n).toBe(true);
  });

  it('INACTIVE with UNKNOWN_ACCOUNT, zero balance and importance, for a key the chain never saw', async () => {
    const { status } = await setup();
    const result = await status(publicKeyOf(randomKeyPair()));
    expect(result).toMatchObject({
      state: 'INACTIVE',
      reasons: ['UNKNOWN_ACCOUNT'],
      balance: 0n,
      importance: 0n,
      unlocked: null,
      links: { remote: null, vrf: null, node: null },
    });
  });

  it('refuses a node of another network than asked (WRONG_NETWORK) and an address of another network', async () => {
    const { devnet, status } = await setup();
    const account = devnet.descriptor.accounts[0]!;
    await expect(
      status({ address: parseAddress(account.address) }, { expectedNetwork: TESTNET }),
    ).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
    const mainnetAddress = deriveAddress(parseHex(account.publicKey, { name: 'key', length: 32 }), 104);
    await expect(status({ address: mainnetAddress })).rejects.toMatchObject({ code: 'WRONG_NETWORK' });
  });

  it('KEYS_LINKED with REQUEST_NOT_SENT after a link-only aggregate (symbol-sdk), unlocked false', async () => {
    const { devnet, facade, status, confirm } = await setup();
    const main = fundedKeyPair(devnet, 1);
    const remote = randomKeyPair();
    const vrf = randomKeyPair();
    await confirm(linkOnlyAggregate(facade, main, { remote, vrf, node: devnet.descriptor.nodePublicKey }));
    const result = await status(publicKeyOf(main));
    expect(result).toMatchObject({
      state: 'KEYS_LINKED',
      reasons: ['REMOTE_KEY_NOT_IN_KEYSTORE', 'REQUEST_NOT_SENT'],
      links: {
        remote: remote.publicKey.bytes,
        vrf: vrf.publicKey.bytes,
        node: parseHex(devnet.descriptor.nodePublicKey, { name: 'key', length: 32 }),
      },
      unlocked: false,
      linkedNodeUrl: devnet.url,
    });
  });

  it('ACTIVE after a wallet-style delegation; without REMOTE_KEY_NOT_IN_KEYSTORE once the keystore holds the key', async () => {
    const { devnet, facade, status, confirm, home } = await setup();
    const main = fundedKeyPair(devnet, 2);
    const remote = randomKeyPair();
    await confirm(
      delegationAggregate(facade, main, devnet.descriptor.nodePublicKey, remote, randomKeyPair()),
    );
    const first = await status(publicKeyOf(main));
    expect(first).toMatchObject({
      state: 'ACTIVE',
      reasons: ['REMOTE_KEY_NOT_IN_KEYSTORE'],
      unlocked: true,
      linkedNodeUrl: devnet.url,
    });
    writeKeystore(home, first.mainAddress, { keys: [storedRemote(remote)] });
    expect(await status(publicKeyOf(main))).toMatchObject({ state: 'ACTIVE', reasons: [], unlocked: true });
    // named by its private key: only the public key is used
    const byPrivate = await status({ privateKey: main.privateKey.bytes });
    expect(byPrivate.state).toBe('ACTIVE');
  });

  it('ACTIVATION_PENDING when the node keeps no slot for the request, then NODE_FULL_LIKELY after 5 blocks', async () => {
    const { devnet, facade, status, confirm, home } = await setup({ maxUnlockedAccounts: 0 });
    const main = fundedKeyPair(devnet, 2);
    const remote = randomKeyPair();
    await confirm(
      delegationAggregate(facade, main, devnet.descriptor.nodePublicKey, remote, randomKeyPair()),
    );
    const address = devnet.descriptor.accounts[2]!.address;
    writeKeystore(home, address, { keys: [storedRemote(remote)] });
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'ACTIVATION_PENDING',
      reasons: [],
      unlocked: false,
    });
    for (let block = 0; block < 5; block++) devnet.mineBlock();
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'ACTIVATION_PENDING',
      reasons: ['NODE_FULL_LIKELY'],
    });
  });

  // issue 9 point 1: the request search is an optional read; the node failing it does not fail the status
  it('ACTIVATION_PENDING with REQUEST_AGE_UNKNOWN when the node fails the request search (not an error)', async () => {
    const { devnet, facade, status, confirm, home } = await setup({ maxUnlockedAccounts: 0 });
    const main = fundedKeyPair(devnet, 2);
    const remote = randomKeyPair();
    await confirm(
      delegationAggregate(facade, main, devnet.descriptor.nodePublicKey, remote, randomKeyPair()),
    );
    const address = devnet.descriptor.accounts[2]!.address;
    writeKeystore(home, address, { keys: [storedRemote(remote)] });
    const client = createNodeClient({
      url: devnet.url,
      fetch,
      timeoutMs: 5_000,
      sleep: () => Promise.resolve(),
      retries: 0,
    });
    const down = () => Promise.reject(new NodeError('NODE_UNAVAILABLE', 'answered HTTP 503'));
    const failingSearch = { ...client, searchConfirmedTransactions: down };
    expect(await status(publicKeyOf(main), { client: failingSearch })).toMatchObject({
      state: 'ACTIVATION_PENDING',
      reasons: ['REQUEST_AGE_UNKNOWN'],
      unlocked: false,
    });
  });

  it('KEYS_LINKED with ZERO_IMPORTANCE for a freshly funded account whose request the node dropped', async () => {
    const { devnet, facade, status, confirm, now } = await setup();
    const main = randomKeyPair();
    const mainAddress = facade.network.publicKeyToAddress(main.publicKey).toString();
    await confirm(transfer(facade, fundedKeyPair(devnet, 0), mainAddress, 20_000_000_000n));
    await confirm(
      delegationAggregate(facade, main, devnet.descriptor.nodePublicKey, randomKeyPair(), randomKeyPair()),
    );
    const result = await status(publicKeyOf(main));
    expect(result).toMatchObject({
      state: 'KEYS_LINKED',
      reasons: ['ZERO_IMPORTANCE', 'REMOTE_KEY_NOT_IN_KEYSTORE'],
      importance: 0n,
      unlocked: false,
      // height 3 after the funding and the delegation: 7 blocks to go
      nextImportanceRecalculation: {
        height: 10n,
        estimatedAt: new Date(now.getTime() + 7_000).toISOString(),
      },
    });
  });

  it('linked to node 1 of two: UNKNOWN/LINKED_TO_OTHER_NODE asking node 0; ACTIVE through the remembered URL; NODE_UNREACHABLE when it is down', async () => {
    const { devnet, facade, status, confirm, home } = await setup({ nodes: 2 });
    const node1 = devnet.nodes[1]!;
    const main = fundedKeyPair(devnet, 3);
    const remote = randomKeyPair();
    await confirm(delegationAggregate(facade, main, node1.nodePublicKey, remote, randomKeyPair()));
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'UNKNOWN',
      reasons: ['REMOTE_KEY_NOT_IN_KEYSTORE', 'LINKED_TO_OTHER_NODE'],
      unlocked: null,
      linkedNodeUrl: null,
      nodeUrl: devnet.url,
    });
    const address = devnet.descriptor.accounts[3]!.address;
    const nodeKey = parseHex(node1.nodePublicKey, { name: 'key', length: 32 });
    writeKeystore(home, address, {
      keys: [storedRemote(remote)],
      node: { url: node1.url, publicKey: nodeKey },
    });
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'ACTIVE',
      reasons: [],
      unlocked: true,
      linkedNodeUrl: node1.url,
      nodeUrl: devnet.url,
    });
    const down = await closedPortUrl();
    writeKeystore(home, address, { keys: [storedRemote(remote)], node: { url: down, publicKey: nodeKey } });
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'UNKNOWN',
      reasons: ['NODE_UNREACHABLE'],
      unlocked: null,
    });
  });

  it('OPERATOR for the node owner with remote + VRF links and no node link; KEYS_LINKED for anyone else', async () => {
    const { devnet, facade, status, confirm, home } = await setup();
    const owner = new KeyPair(
      new PrivateKey(
        readFileSync(join(devnet.descriptor.stateDir, 'nodes', '0', 'owner.key'), 'utf8').trim(),
      ),
    );
    const ownerAddress = facade.network.publicKeyToAddress(owner.publicKey).toString();
    await confirm(transfer(facade, fundedKeyPair(devnet, 0), ownerAddress, 20_000_000_000n));
    await confirm(linkOnlyAggregate(facade, owner, { remote: randomKeyPair(), vrf: randomKeyPair() }));
    expect(await status(publicKeyOf(owner))).toMatchObject({
      state: 'OPERATOR',
      unlocked: null,
      links: { node: null },
    });

    const other = fundedKeyPair(devnet, 4);
    await confirm(linkOnlyAggregate(facade, other, { remote: randomKeyPair(), vrf: randomKeyPair() }));
    expect(await status(publicKeyOf(other))).toMatchObject({ state: 'KEYS_LINKED' });
    // the keystore recorded a link-remote for this account: remote harvesting on a node of its own
    writeKeystore(home, devnet.descriptor.accounts[4]!.address, {
      remoteHarvesting: { recordedAt: '2025-01-01T00:00:00.000Z' },
    });
    expect(await status(publicKeyOf(other))).toMatchObject({ state: 'OPERATOR' });
  });

  it('CONFIRMATION_PENDING while our announced delegation is unconfirmed; DEACTIVATION_PENDING for an unlink; neither once confirmed or expired', async () => {
    const { devnet, facade, status, home, now } = await setup();
    const main = fundedKeyPair(devnet, 5);
    const address = devnet.descriptor.accounts[5]!.address;
    const signed = delegationAggregate(
      facade,
      main,
      devnet.descriptor.nodePublicKey,
      randomKeyPair(),
      randomKeyPair(),
    );
    expect((await announce(devnet.url, signed.body)).status).toBe(202);
    const networkNow = networkTimeOf(now, devnet.descriptor.epochAdjustment);
    const entry = (kind: string, deadline: bigint) => ({
      kind,
      hash: signed.hash,
      payload: JSON.parse(signed.body).payload as string,
      deadline,
      createdAt: now.toISOString(),
      state: 'announced' as const,
    });
    writeKeystore(home, address, { journal: [entry('delegate', networkNow + 3_600_000n)] });
    expect(await status(publicKeyOf(main))).toMatchObject({
      state: 'CONFIRMATION_PENDING',
      links: { node: null },
    });
    writeKeystore(home, address, { journal: [entry('unlink', networkNow + 3_600_000n)] });
    expect((await status(publicKeyOf(main))).state).toBe('DEACTIVATION_PENDING');
    writeKeystore(home, address, { journal: [entry('delegate', networkNow - 1n)] });
    expect((await status(publicKeyOf(main))).state).toBe('INACTIVE');
    writeKeystore(home, address, { journal: [entry('delegate', networkNow + 3_600_000n)] });
    devnet.mineBlock();
    expect((await status(publicKeyOf(main))).state).toBe('ACTIVE');
  });

  it('reads a damaged keystore as KEYSTORE_CORRUPT, never as a state', async () => {
    const { devnet, status, home } = await setup();
    const account = devnet.descriptor.accounts[0]!;
    mkdirSync(join(home, 'keystore'), { recursive: true });
    writeFileSync(join(home, 'keystore', `${account.address}.json`), '{"format":"harvest-keystore",');
    await expect(status({ address: parseAddress(account.address) })).rejects.toMatchObject({
      code: 'KEYSTORE_CORRUPT',
    });
  });
});
