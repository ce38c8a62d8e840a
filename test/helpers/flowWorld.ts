/**
 * The world an online flow runs in, all in memory: virtual time, an in-memory file system, one stub node with a
 * stub chain behind it, a real NodeClient on it, and an `openKeystore` callback (fast scrypt) on the in-memory
 * home. `timeline` holds file writes and node requests in the order they happened.
 *
 *   const world = flowWorld();
 *   world.chain.addAccount({ publicKey: MAIN_PUBLIC, balance: 20_000_000_000n, importance: 1n });
 *   const outcome = await delegateThroughNode({ ...defaults, client: world.client, openKeystore: world.openKeystore });
 *   world.keystore(MAIN_ADDRESS)?.journal
 */
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import type { JournalEntry, JournalState } from '../../src/core/keystore/keystoreFormat.js';
import { buildAggregate } from '../../src/core/transactions/buildAggregate.js';
import { networkTimeOf } from '../../src/core/networkTime.js';
import { computeDeadline } from '../../src/core/transactions/computeDeadline.js';
import { signTransaction } from '../../src/core/transactions/signTransaction.js';
import { TESTNET, type NetworkParameters } from '../../src/core/network.js';
import type { NodeClient } from '../../src/node/createNodeClient.js';
import type { DelegateThroughNodeParameters } from '../../src/flows/delegateThroughNode.js';
import { keystorePath, openKeystore, type KeystoreSession } from '../../src/flows/keystore/openKeystore.js';
import { keyOf, NODE_PUBLIC } from './delegationChain.js';
import { memoryFileSystem, type MemoryFileSystem } from './memoryFileSystem.js';
import { seededRandom } from './seededRandom.js';
import { stubChain, type StubChain, type StubChainOptions } from './stubChain.js';
import { stubNode, type StubNode } from './stubNode.js';
import { virtualTime, type VirtualTime } from './virtualTime.js';

/** Cheap scrypt for keystores made in tests (production uses DEFAULT_SCRYPT). */
export const FAST = { n: 16, r: 8, p: 1 };
export const HOME = '/home/alice/.harvest';
export const NODE_URL = 'http://node-a.test:3000';
export const PASSWORD = 'correct horse';

/** The main account most flow tests delegate. */
export const MAIN_PRIVATE = keyOf(0x21);
export const MAIN_PUBLIC = derivePublicKey(MAIN_PRIVATE);
export const MAIN_ADDRESS = encodeAddress(deriveAddress(MAIN_PUBLIC, TESTNET.identifier));
/** 20,000 XYM in µXYM: above the 10,000 XYM harvesting minimum. */
export const BALANCE = 20_000_000_000n;

/** A keystore file as JSON (the journal's deadline as a string). */
export interface KeystoreJson {
  readonly keys: readonly { readonly role: string; readonly publicKey: string; readonly status: string }[];
  readonly node?: { readonly url?: string; readonly publicKey: string };
  readonly journal: readonly {
    readonly kind: string;
    readonly hash: string;
    readonly payload: string;
    readonly deadline: string;
    readonly state: string;
  }[];
}

/** Everything a flow test arranges and inspects. */
export interface FlowWorld {
  readonly time: VirtualTime;
  readonly timeline: string[];
  readonly files: MemoryFileSystem;
  readonly node: StubNode;
  readonly chain: StubChain;
  readonly client: NodeClient;
  /** The flows' openKeystore callback on HOME, password PASSWORD, fast scrypt. */
  readonly openKeystore: (network: NetworkParameters, mainAddress: string) => Promise<KeystoreSession>;
  /** Opens a keystore directly (to arrange one an earlier run left). */
  open(mainAddress?: string): Promise<KeystoreSession>;
  /** The keystore file of `mainAddress` as JSON, or undefined when none was written. */
  keystore(mainAddress?: string): KeystoreJson | undefined;
  keystorePath(mainAddress?: string): string;
}

/** A fresh world; `chain` options are passed to stubChain. */
export function flowWorld(options: Partial<StubChainOptions> & { readonly url?: string } = {}): FlowWorld {
  const time = options.time ?? virtualTime();
  const timeline: string[] = [];
  const files = memoryFileSystem({ timeline });
  const node = stubNode({ url: options.url ?? NODE_URL, timeline });
  const chain = stubChain(node, { ...options, time });
  const open = (mainAddress = MAIN_ADDRESS, networkIdentifier = TESTNET.identifier) =>
    openKeystore({
      files,
      home: HOME,
      mainAddress,
      networkIdentifier,
      password: () => Promise.resolve(PASSWORD),
      random: seededRandom(99),
      scrypt: FAST,
    });
  return {
    time,
    timeline,
    files,
    node,
    chain,
    client: node.client(time.sleep),
    openKeystore: (network, mainAddress) => open(mainAddress, network.identifier),
    open: (mainAddress) => open(mainAddress),
    keystore: (mainAddress = MAIN_ADDRESS) => {
      const text = files.text(keystorePath(HOME, mainAddress));
      return text === undefined ? undefined : (JSON.parse(text) as KeystoreJson);
    },
    keystorePath: (mainAddress = MAIN_ADDRESS) => keystorePath(HOME, mainAddress),
  };
}

/**
 * A journal entry for a real signed transaction (a node unlink by the main key, signed for testnet), with its
 * deadline `lifetimeMs` after the world's current network time; `multiplier` varies the fee, hence the hash.
 */
export function signedEntry(
  world: FlowWorld,
  options: { readonly state?: JournalState; readonly lifetimeMs?: bigint; readonly multiplier?: bigint } = {},
): JournalEntry {
  const unsigned = buildAggregate({
    networkIdentifier: TESTNET.identifier,
    signerPublicKey: MAIN_PUBLIC,
    deadline: computeDeadline(networkTimeMs(world), options.lifetimeMs),
    fee: { multiplier: options.multiplier ?? 100n },
    version: 3,
    transactions: [{ type: 'keyLink', role: 'node', action: 'unlink', linkedPublicKey: NODE_PUBLIC }],
  });
  const signed = signTransaction(unsigned.payload, MAIN_PRIVATE, TESTNET.generationHashSeed);
  return {
    kind: 'unlink',
    hash: toHex(signed.hash),
    payload: toHex(signed.payload),
    deadline: unsigned.deadline,
    createdAt: world.time.now().toISOString(),
    state: options.state ?? 'announced',
  };
}

/** The world's network time now (testnet epoch, no skew), ms. */
export function networkTimeMs(world: FlowWorld): bigint {
  return networkTimeOf(world.time.now(), TESTNET.epochAdjustmentSeconds);
}

/** Opens MAIN_ADDRESS's keystore and saves it with `journal` (the state an earlier run left). */
export async function keystoreWithJournal(
  world: FlowWorld,
  journal: readonly JournalEntry[],
): Promise<KeystoreSession> {
  const session = await world.open();
  await session.save({ ...session.file, journal });
  return session;
}

/**
 * The parameters of a plain online `delegate` run in `world` (mode delegate, main key MAIN_PRIVATE, confirmations
 * answered yes, waits on, the world's virtual time); `overrides` changes any of them.
 */
export function delegateParameters(
  world: FlowWorld,
  overrides: Partial<DelegateThroughNodeParameters> = {},
): DelegateThroughNodeParameters {
  return {
    mode: 'delegate',
    client: world.client,
    expectedNetwork: TESTNET,
    givenNodePublicKey: undefined,
    main: { privateKey: MAIN_PRIVATE },
    openKeystore: world.openKeystore,
    fee: undefined,
    confirm: () => Promise.resolve(),
    confirmResend: () => Promise.resolve(),
    dryRun: false,
    wait: true,
    resend: false,
    force: false,
    confirmationTimeoutMs: 5 * 60_000,
    activationTimeoutMs: 10 * 60_000,
    random: seededRandom(7),
    now: world.time.now,
    sleep: world.time.sleep,
    ...overrides,
  };
}
