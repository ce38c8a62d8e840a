import { deriveAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { restFixture, type Route } from './restServer.js';

/** A deterministic RandomBytes: bytes counting up from `seed`. */
export function countingRandom(seed: number): (length: number) => Uint8Array {
  let next = seed;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

/** A 32-byte private key filled with `byte`. */
export const keyOf = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);

export const NODE_PRIVATE = keyOf(0x11);
export const NODE_PUBLIC = derivePublicKey(NODE_PRIVATE);
export const NODE_ADDRESS = deriveAddress(NODE_PUBLIC, TESTNET.identifier);
export const OTHER_NODE_PUBLIC = derivePublicKey(keyOf(0x12));
const CURRENCY = '72C0212E67A08BCE';

/** The testnet network properties of the fixtures (min 10'000 XYM, max 50'000'000 XYM). */
export function testnetProperties(): unknown {
  const properties = restFixture<{ network: Record<string, unknown>; chain: Record<string, unknown> }>(
    'networkProperties.mainnet',
  );
  properties.network['identifier'] = 'testnet';
  properties.network['generationHashSeed'] = toHex(TESTNET.generationHashSeed);
  properties.network['epochAdjustment'] = '1667250467s';
  properties.chain['currencyMosaicId'] = "0x72C0'212E'67A0'8BCE";
  properties.chain['harvestingMosaicId'] = "0x72C0'212E'67A0'8BCE";
  return properties;
}

/** /node/info of the fixture node on testnet. */
export function testnetNodeInfo(): unknown {
  return {
    ...restFixture<object>('nodeInfo.mainnet'),
    networkIdentifier: TESTNET.identifier,
    networkGenerationHashSeed: toHex(TESTNET.generationHashSeed),
    nodePublicKey: toHex(NODE_PUBLIC),
  };
}

/** An /accounts answer built with our own address functions. */
export function accountDto(options: {
  publicKey: Uint8Array;
  accountType?: number;
  links?: { remote?: Uint8Array; vrf?: Uint8Array; node?: Uint8Array };
  balance?: bigint;
  importance?: bigint;
}): unknown {
  const links = options.links ?? {};
  const supplemental: Record<string, unknown> = {};
  if (links.remote) supplemental['linked'] = { publicKey: toHex(links.remote) };
  if (links.vrf) supplemental['vrf'] = { publicKey: toHex(links.vrf) };
  if (links.node) supplemental['node'] = { publicKey: toHex(links.node) };
  return {
    id: '5E62690AB46E5565E8C0B5B5',
    account: {
      version: 1,
      address: toHex(deriveAddress(options.publicKey, TESTNET.identifier)),
      addressHeight: '1',
      publicKey: toHex(options.publicKey),
      publicKeyHeight: '2',
      accountType: options.accountType ?? 1,
      supplementalPublicKeys: supplemental,
      activityBuckets: [],
      mosaics: options.balance === undefined ? [] : [{ id: CURRENCY, amount: options.balance.toString() }],
      importance: (options.importance ?? 0n).toString(),
      importanceHeight: '180',
    },
  };
}

/** One delegating account: main, remote and VRF keys, and a request sealed for `nodePublic`. */
export interface Delegator {
  readonly main: Uint8Array;
  readonly remote: Uint8Array;
  readonly vrf: Uint8Array;
  readonly message: Uint8Array;
}

/** A delegator whose keys are filled with `byte`, `byte + 1`, `byte + 2`. */
export function delegator(byte: number, nodePublic: Uint8Array = NODE_PUBLIC): Delegator {
  const remotePrivateKey = keyOf(byte + 1);
  const vrfPrivateKey = keyOf(byte + 2);
  return {
    main: derivePublicKey(keyOf(byte)),
    remote: derivePublicKey(remotePrivateKey),
    vrf: derivePublicKey(vrfPrivateKey),
    message: encodeDelegationMessage(nodePublic, { remotePrivateKey, vrfPrivateKey }, countingRandom(byte)),
  };
}

/** A transfer entry of the /transactions/confirmed answers (top level when `hash`, else embedded). */
export function transferEntry(options: {
  signer: Uint8Array;
  message: Uint8Array;
  height: bigint;
  hash?: string;
  aggregateHash?: string;
  index?: number;
}): Record<string, unknown> {
  return {
    id: '64F0A1B2C3D4E5F601020304',
    meta: {
      height: options.height.toString(),
      index: options.index ?? 0,
      ...(options.hash === undefined ? {} : { hash: options.hash }),
      ...(options.aggregateHash === undefined ? {} : { aggregateHash: options.aggregateHash }),
    },
    transaction: {
      signerPublicKey: toHex(options.signer),
      version: 1,
      network: TESTNET.identifier,
      type: 16724,
      recipientAddress: toHex(NODE_ADDRESS),
      message: toHex(options.message),
      mosaics: [],
    },
  };
}

/** The routes every chain check reads. */
export function baseRoutes(unlocked: readonly Uint8Array[] | 'broken'): Record<string, Route> {
  return {
    'GET /node/info': { body: testnetNodeInfo() },
    'GET /network/properties': { body: testnetProperties() },
    'GET /node/unlockedaccount':
      unlocked === 'broken' ? { status: 500, body: {} } : { body: { unlockedAccount: unlocked.map(toHex) } },
  };
}

/** GET /transactions/confirmed serving `entries` page by page (pageNumber, pageSize), as REST pages a search. */
export function searchRoute(entries: readonly unknown[]): Record<string, Route> {
  return {
    'GET /transactions/confirmed': (request) => {
      const page = Number(request.query.get('pageNumber'));
      const size = Number(request.query.get('pageSize'));
      return {
        body: {
          data: entries.slice((page - 1) * size, page * size),
          pagination: { pageNumber: page, pageSize: size },
        },
      };
    },
  };
}

/** Route of one account by public key. */
export function accountRoute(publicKey: Uint8Array, dto: unknown): Record<string, Route> {
  return { [`GET /accounts/${toHex(publicKey)}`]: { body: dto } };
}
