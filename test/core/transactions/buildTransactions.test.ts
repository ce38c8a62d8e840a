import { Hash256, PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder, Network, SymbolFacade, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../src/core/address.js';
import { parseHex, toHex } from '../../../src/core/bytes.js';
import { buildAggregate } from '../../../src/core/transactions/buildAggregate.js';
import { buildDelegationTransfer } from '../../../src/core/transactions/buildDelegationTransfer.js';
import { buildKeyLinkTransaction } from '../../../src/core/transactions/buildKeyLinkTransaction.js';
import { extractSigningData, hashTransaction } from '../../../src/core/transactions/hashTransaction.js';
import { signTransaction } from '../../../src/core/transactions/signTransaction.js';
import type {
  AggregateVersion,
  InnerTransaction,
  KeyLinkRole,
} from '../../../src/core/transactions/transactionTypes.js';
import { TESTNET, MAINNET } from '../../../src/core/network.js';
import { readVectorBytes } from '../../helpers/vectors.js';
import { seededRandom } from '../../helpers/seededRandom.js';

interface Vector {
  readonly schema_name: string;
  readonly test_name: string;
  readonly payload: string;
  readonly descriptor: Record<string, any>;
}

const ROLE_OF_TYPE: Record<string, KeyLinkRole> = {
  account_key_link_transaction_v1: 'remote',
  vrf_key_link_transaction_v1: 'vrf',
  node_key_link_transaction_v1: 'node',
};

const ZERO_KEY = new Uint8Array(32);

/** The vector's inner descriptor as our plain data, or undefined when our builders cannot express it. */
function toInner(descriptor: Record<string, any>): InnerTransaction | undefined {
  const role = ROLE_OF_TYPE[descriptor['type']];
  if (role !== undefined) {
    return {
      type: 'keyLink',
      role,
      action: descriptor['link_action'],
      linkedPublicKey: parseHex(descriptor['linked_public_key'], { name: 'key' }),
    };
  }
  if (descriptor['type'] !== 'transfer_transaction_v1') return undefined;
  if ((descriptor['mosaics'] ?? []).length > 0) return undefined;
  let recipientAddress: Uint8Array;
  try {
    recipientAddress = parseAddress(descriptor['recipient_address']);
  } catch {
    return undefined; // namespace alias recipient
  }
  const text: string = descriptor['message'] ?? '';
  const message = /^([0-9A-F]{2})*$/.test(text)
    ? parseHex(text, { name: 'message' })
    : new TextEncoder().encode(text);
  return { type: 'transfer', recipientAddress, message };
}

function networkIdentifierOf(vector: Vector): number {
  return parseHex(vector.payload, { name: 'payload' })[109]!;
}

/** Builds the vector with our builders and puts its (random) signature in; undefined when not expressible. */
function rebuild(vector: Vector): { payload: Uint8Array; transactionsHash?: string } | undefined {
  const d = vector.descriptor;
  const common = {
    networkIdentifier: networkIdentifierOf(vector),
    signerPublicKey: parseHex(d['signer_public_key'], { name: 'signer' }),
    deadline: BigInt(d['deadline']),
    fee: { amount: BigInt(d['fee']) },
  };
  const aggregate = /^aggregate_(complete|bonded)_transaction_v([23])$/.exec(d['type']);
  let payload: Uint8Array;
  if (aggregate !== null) {
    if ((d['cosignatures'] ?? []).length > 0) return undefined;
    const inner = (d['transactions'] as Record<string, any>[]).map(toInner);
    if (inner.some((entry) => entry === undefined)) return undefined;
    payload = buildAggregate({
      ...common,
      transactions: inner as InnerTransaction[],
      version: Number(aggregate[2]) as AggregateVersion,
      bonded: aggregate[1] === 'bonded',
      embeddedSignerPublicKey: ZERO_KEY, // the vectors' embedded entries carry no signer
    }).payload;
  } else {
    const inner = toInner(d);
    if (inner === undefined) return undefined;
    payload =
      inner.type === 'keyLink'
        ? buildKeyLinkTransaction({ ...common, ...inner }).payload
        : buildDelegationTransfer({ ...common, ...inner }).payload;
  }
  payload.set(parseHex(d['signature'], { name: 'signature' }), 8);
  return aggregate === null ? { payload } : { payload, transactionsHash: toHex(payload.subarray(128, 160)) };
}

function facadeFor(seed: Uint8Array, identifier: number): SymbolFacade {
  return new SymbolFacade(new Network('test', identifier, new Date(0), new Hash256(seed)));
}

const MAIN_PRIVATE = 'EDB671EB741BD676969D8A035271D1EE5E75DF33278083D877F23615EB839FEC';
const MAIN_PUBLIC = '87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8';
const REMOTE_PUBLIC = '17CB79FB2B4120F2B1EC65E4198D6E08B28E813FEB01E4A400839B85E18080CE';
const VRF_PUBLIC = 'D759793BBC13A2819A827C76ADB6FBA8A49AEE007F49F2D0992D99B825AD2C48';
const NODE_PUBLIC = 'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737';

describe('transaction builders against the official vectors (transactions.json)', () => {
  // fee and deadline exceed 2^53: keep every long integer as a string so that BigInt() sees its exact digits
  const text = readVectorBytes('symbol/transactions.json.gz')
    .toString('utf8')
    .replace(/:\s*(\d{16,})/g, ': "$1"');
  const vectors = JSON.parse(text) as Vector[];

  it('reproduces every key-link and transfer payload our builders can express, byte for byte', () => {
    const relevant = vectors.filter((vector) =>
      /KeyLinkTransactionV1_(account|vrf|node)_key_link|TransferTransactionV1_transfer|AggregateComplete/.test(
        vector.test_name,
      ),
    );
    const reproduced: string[] = [];
    for (const vector of relevant) {
      const rebuilt = rebuild(vector);
      if (rebuilt === undefined) continue;
      expect(toHex(rebuilt.payload), vector.test_name).toBe(vector.payload);
      if (rebuilt.transactionsHash !== undefined) {
        expect(rebuilt.transactionsHash, vector.test_name).toBe(vector.descriptor['transactions_hash']);
      }
      reproduced.push(vector.test_name);
    }
    // 2+2+1 single key links, 2+2+1 aggregated key links, transfer single_4 and aggregate_4 (binary message, no mosaics)
    expect(reproduced.sort()).toEqual(
      [
        'AccountKeyLinkTransactionV1_account_key_link_single_1',
        'AccountKeyLinkTransactionV1_account_key_link_single_2',
        'AccountKeyLinkTransactionV1_account_key_link_aggregate_1',
        'AccountKeyLinkTransactionV1_account_key_link_aggregate_2',
        'VrfKeyLinkTransactionV1_vrf_key_link_single_1',
        'VrfKeyLinkTransactionV1_vrf_key_link_single_2',
        'VrfKeyLinkTransactionV1_vrf_key_link_aggregate_1',
        'VrfKeyLinkTransactionV1_vrf_key_link_aggregate_2',
        'NodeKeyLinkTransactionV1_node_key_link_single_1',
        'NodeKeyLinkTransactionV1_node_key_link_aggregate_1',
        'TransferTransactionV1_transfer_single_4',
        'TransferTransactionV1_transfer_aggregate_4',
      ].sort(),
    );
  });
});

describe('signing and hashing oracles (docs/protocol.md §4.4, §4.5 b)', () => {
  const mainPrivate = parseHex(MAIN_PRIVATE, { name: 'key' });
  const seed = TESTNET.generationHashSeed;

  it('signs the official SDK transfer to the expected signature and hash', () => {
    const facade = facadeFor(seed, 0x98);
    const transaction = facade.transactionFactory.create({
      type: 'transfer_transaction_v1',
      signerPublicKey: new PublicKey(MAIN_PUBLIC),
      fee: 1000000n,
      deadline: 41998024783n,
      recipientAddress: 'TD4PJKW5JP3CNHA47VDFIM25RCWTWRGT45HMPSA',
      mosaics: [{ mosaicId: 0x2cf403e85507f39en, amount: 1000000n }],
    });
    const signed = signTransaction(transaction.serialize(), mainPrivate, seed);
    expect(toHex(signed.signature)).toBe(
      '24A3788AFD0223083D47ED14F17A2499A7939CD62C4B3288C40CF2736B13F4048486680DD574C9F7DB56F453464058CB22349ACBFAECAE16A31EF0725FFF6104',
    );
    expect(toHex(signed.hash)).toBe('86E006F0D400A781A15D0293DFC15897078351A2F7731D49A865A63C2010DE44');
  });

  it('signs the official SDK aggregate complete V1 to the expected signature and hash', () => {
    const facade = facadeFor(seed, 0x98);
    const embedded = facade.transactionFactory.createEmbedded({
      type: 'transfer_transaction_v1',
      signerPublicKey: new PublicKey(MAIN_PUBLIC),
      recipientAddress: 'TCIDK4CGCHGVZHLNTOKJ32MFEZWMFBCWUJIAXCA',
      mosaics: [{ mosaicId: 0x2cf403e85507f39en, amount: 1000000n }],
    });
    const transaction = facade.transactionFactory.create({
      type: 'aggregate_complete_transaction_v1',
      signerPublicKey: new PublicKey(MAIN_PUBLIC),
      fee: 2000000n,
      deadline: 42238390163n,
      transactionsHash: SymbolFacade.hashEmbeddedTransactions([embedded]),
      transactions: [embedded],
    });
    expect((transaction as any).transactionsHash.toString()).toBe(
      '71554638F578358B1D3FC4369AC625DB491AD5E5D4424D6DBED9FFC7411A37FE',
    );
    const signed = signTransaction(transaction.serialize(), mainPrivate, seed);
    expect(toHex(signed.signature)).toBe(
      '40C5C9F0BAF74E64877982C411D0D16665E18D463B66204081D846564FC6CAE13F1F75C688CBD2D34263DA166537A90B4F371C1B38DDF00414AB0F5D78C3CD0F',
    );
    expect(toHex(signed.hash)).toBe('D074716D62F4CDF1CE219D7E0580DC2C030102E216ECE2037FA28A3BC5726BD0');
  });

  const links: InnerTransaction[] = [
    {
      type: 'keyLink',
      role: 'remote',
      action: 'link',
      linkedPublicKey: parseHex(REMOTE_PUBLIC, { name: 'k' }),
    },
    { type: 'keyLink', role: 'vrf', action: 'link', linkedPublicKey: parseHex(VRF_PUBLIC, { name: 'k' }) },
    { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: parseHex(NODE_PUBLIC, { name: 'k' }) },
  ];
  const buildLinks = (version: AggregateVersion) =>
    buildAggregate({
      networkIdentifier: 0x98,
      signerPublicKey: parseHex(MAIN_PUBLIC, { name: 'k' }),
      deadline: 41998024783n,
      fee: { multiplier: 100n },
      transactions: links,
      version,
    });

  it('builds and signs the V3 and V2 link aggregates of §4.5(b) exactly', () => {
    const v3 = buildLinks(3);
    const v2 = buildLinks(2);
    expect(v3.payload.length).toBe(432);
    expect(v3.fee).toBe(43200n);
    expect(toHex(v3.payload.subarray(128, 160))).toBe(
      'A8468653BB38D6EC7F097C5C0D18EEBB8548203EA4FC09D3ABB46050DA5C487A',
    );
    expect(toHex(v3.payload.subarray(168, 168 + 81))).toBe(
      '510000000000000087DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC80000000001984C4117CB79FB2B4120F2B1EC65E4198D6E08B28E813FEB01E4A400839B85E18080CE01',
    );
    const signedV3 = signTransaction(v3.payload, mainPrivate, seed);
    const signedV2 = signTransaction(v2.payload, mainPrivate, seed);
    expect(toHex(signedV3.signature)).toBe(
      '3E61BBBD929768B823F209752EC75F5D3F00EEAA09A718FD094AA772214FF849F59878EE9CAFA3E3F81655865A71F994CDACDD4B4587F96A3A781A4553C6F104',
    );
    expect(toHex(signedV3.hash)).toBe('FA701C47CD5FC63D678972FE0FB0DF218860DB2AC0F37D12DA24615615C15595');
    expect(toHex(signedV2.signature)).toBe(
      '495B35028013DDC2B57E011EE10B3FDD1AAC2FA2AE4754202B954B92DA2D780DB6558E6D4BC0D75ADEA3C60851B480D01B879C804FA9BA33D6B6F5ACD5E9B80A',
    );
    expect(toHex(signedV2.hash)).toBe('324A0F9EA5DB5F21FC2DAD4BED5B849770DFC77175A8419EC5DBBA2099834BC4');
  });

  it('V2 and V3 differ only in the version byte, and V3 signs 4 more bytes: payload_size (docs/protocol.md §3.4)', () => {
    const v3 = buildLinks(3).payload;
    const v2 = buildLinks(2).payload;
    const differing = [...v3.keys()].filter((i) => v3[i] !== v2[i]);
    expect(differing).toEqual([108]);
    const data3 = extractSigningData(v3);
    const data2 = extractSigningData(v2);
    expect(data2.length).toBe(52);
    expect(data3.length).toBe(56);
    expect(toHex(data3.subarray(1, 52))).toBe(toHex(data2.subarray(1)));
    expect(toHex(data3.subarray(52))).toBe('08010000'); // payload_size 264, little-endian
  });

  it('signs a single key link like symbol-sdk does and refuses a key that is not the signer', () => {
    const unsigned = buildKeyLinkTransaction({
      networkIdentifier: 0x68,
      signerPublicKey: parseHex(MAIN_PUBLIC, { name: 'k' }),
      deadline: 123456789n,
      fee: { multiplier: 100n },
      role: 'vrf',
      action: 'link',
      linkedPublicKey: parseHex(VRF_PUBLIC, { name: 'k' }),
    });
    expect(unsigned.payload.length).toBe(161);
    expect(unsigned.fee).toBe(16100n);
    const signed = signTransaction(unsigned.payload, mainPrivate, MAINNET.generationHashSeed);
    const facade = facadeFor(MAINNET.generationHashSeed, 0x68);
    const parsed = SymbolTransactionFactory.deserialize(unsigned.payload);
    const sdkSignature = facade.signTransaction(new KeyPair(new PrivateKey(MAIN_PRIVATE)), parsed);
    expect(toHex(signed.signature)).toBe(sdkSignature.toString());
    expect(() =>
      signTransaction(unsigned.payload, new Uint8Array(32).fill(7), MAINNET.generationHashSeed),
    ).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }));
  });
});

describe('symbol-sdk as oracle over random aggregates', () => {
  it('deserialises, verifies and re-hashes 300 random delegate-shaped aggregates', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 300; i++) {
      const mainPrivate = random(32);
      const mainKeyPair = new KeyPair(new PrivateKey(mainPrivate));
      const mainPublic = mainKeyPair.publicKey.bytes;
      const seed = random(32);
      const identifier = i % 2 === 0 ? 0x68 : 0x98;
      const version: AggregateVersion = i % 3 === 0 ? 2 : 3;
      const roles: KeyLinkRole[] = ['remote', 'vrf', 'node'];
      const inner: InnerTransaction[] = roles.flatMap((role): InnerTransaction[] => {
        const choice = random(1)[0]! % 3;
        const link = (action: 'link' | 'unlink'): InnerTransaction => ({
          type: 'keyLink',
          role,
          action,
          linkedPublicKey: new KeyPair(new PrivateKey(random(32))).publicKey.bytes,
        });
        return choice === 0 ? [link('link')] : choice === 1 ? [link('unlink'), link('link')] : [];
      });
      inner.push({
        type: 'transfer',
        recipientAddress: facadeFor(seed, identifier).network.publicKeyToAddress(
          new KeyPair(new PrivateKey(random(32))).publicKey,
        ).bytes,
        message: random(132),
      });
      const multiplier = BigInt(random(1)[0]!);
      const unsigned = buildAggregate({
        networkIdentifier: identifier,
        signerPublicKey: mainPublic,
        deadline: 1000n + BigInt(i),
        fee: { multiplier },
        transactions: inner,
        version,
      });
      const signed = signTransaction(unsigned.payload, mainPrivate, seed);
      const facade = facadeFor(seed, identifier);
      const parsed = SymbolTransactionFactory.deserialize(signed.payload) as any;
      expect(parsed.version, `case ${i}`).toBe(version);
      expect(parsed.fee.value, `case ${i}`).toBe(BigInt(signed.payload.length) * multiplier);
      expect(parsed.transactions.length, `case ${i}`).toBe(inner.length);
      expect(facade.verifyTransaction(parsed, parsed.signature), `case ${i}`).toBe(true);
      expect(facade.hashTransaction(parsed).toString(), `case ${i}`).toBe(toHex(signed.hash));
      expect(toHex(hashTransaction(signed.payload, seed))).toBe(toHex(signed.hash));
      expect(SymbolFacade.hashEmbeddedTransactions(parsed.transactions).toString(), `case ${i}`).toBe(
        parsed.transactionsHash.toString(),
      );
      expect(facade.signTransaction(mainKeyPair, parsed).toString(), `case ${i}`).toBe(
        toHex(signed.signature),
      );
    }
  });

  it('the SDK opens a delegation message we put in an aggregate with the node key', async () => {
    const { encodeDelegationMessage } = await import('../../../src/core/crypto/delegationMessage.js');
    const random = seededRandom(7);
    const nodeKeyPair = new KeyPair(new PrivateKey(random(32)));
    const remotePrivateKey = random(32);
    const vrfPrivateKey = random(32);
    const message = encodeDelegationMessage(
      nodeKeyPair.publicKey.bytes,
      { remotePrivateKey, vrfPrivateKey },
      random,
    );
    const mainKeyPair = new KeyPair(new PrivateKey(random(32)));
    const unsigned = buildAggregate({
      networkIdentifier: 0x98,
      signerPublicKey: mainKeyPair.publicKey.bytes,
      deadline: 5n,
      fee: { multiplier: 100n },
      version: 3,
      transactions: [
        {
          type: 'transfer',
          recipientAddress: facadeFor(TESTNET.generationHashSeed, 0x98).network.publicKeyToAddress(
            nodeKeyPair.publicKey,
          ).bytes,
          message,
        },
      ],
    });
    const parsed = SymbolTransactionFactory.deserialize(unsigned.payload) as any;
    expect(unsigned.payload.length).toBe(168 + 216);
    const decoded = new MessageEncoder(nodeKeyPair).tryDecode(
      mainKeyPair.publicKey,
      parsed.transactions[0].message,
    );
    expect(decoded.isDecoded).toBe(true);
    expect(toHex(decoded.message)).toBe(toHex(remotePrivateKey) + toHex(vrfPrivateKey));
  });
});
