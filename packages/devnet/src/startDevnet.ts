/**
 * startDevnet: a local single-chain Symbol network with one or more API nodes, held to the node's rules
 * (docs/devnet.md). The state folder holds the identity (devnet.json), the keys, chain.json and each node's
 * harvesters.dat; starting again on the same folder resumes the chain.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Hash256 } from 'symbol-sdk';
import { Network, SymbolFacade } from 'symbol-sdk/symbol';
import { parseHex, toHex } from './bytes.js';
import { addressKey, addressOf, ChainState, newAccount } from './chainState.js';
import { DevnetChain } from './devnetChain.js';
import { formatMosaicId, type NetworkPropertiesInput } from './formatRest.js';
import { HarvestingExtension } from './harvestingExtension.js';
import { encodeAddress, encodeNodeKeyPem, parsePrivateKeyFile, publicKeyOf } from './keys.js';
import { serveNode, type NodeServer } from './serveNode.js';
import {
  DEVNET_CURRENCY_MOSAIC_ID,
  DEVNET_NETWORK_IDENTIFIER,
  DEVNET_NETWORK_NAME,
  fundedBalance,
  resolveDevnetSettings,
  type DevnetOptions,
} from './settings.js';
import { loadChain, saveChain } from './stateStore.js';
import {
  COSIGNATORY_BALANCE,
  loadOrCreateMultisigKeys,
  MULTISIG_ACCOUNT_BALANCE,
  type MultisigKeys,
} from './multisigGenesis.js';
import { MAX_HASH_LOCK_DURATION_SECONDS } from './settings.js';

/** One funded account of the descriptor. */
export interface DevnetAccount {
  readonly address: string;
  readonly publicKey: string;
  /** File holding the private key as 64 hex digits (mode 0600). */
  readonly keyFile: string;
  /** µXYM as a decimal string. */
  readonly balance: string;
}

/** One node of the descriptor. */
export interface DevnetNodeDescriptor {
  readonly url: string;
  readonly nodePublicKey: string;
  /** PEM of the transport key, like node.key.pem. */
  readonly nodeKeyFile: string;
  readonly harvestersFile: string;
}

/** A cosignatory of a multisig account of the descriptor. */
export interface DevnetCosignatory {
  readonly address: string;
  readonly publicKey: string;
  /** File holding the private key as 64 hex digits (mode 0600). */
  readonly keyFile: string;
}

/** A multisig account created with `--multisig m-of-n`. */
export interface DevnetMultisigAccount {
  readonly address: string;
  readonly publicKey: string;
  readonly minApproval: number;
  readonly cosignatories: readonly DevnetCosignatory[];
}

/** What `harvest devnet --json` prints when ready (the top-level node fields describe node 0). */
export interface DevnetDescriptor {
  readonly url: string;
  readonly networkIdentifier: number;
  readonly generationHashSeed: string;
  readonly epochAdjustment: number;
  readonly currencyMosaicId: string;
  readonly nodePublicKey: string;
  readonly nodeKeyFile: string;
  readonly harvestersFile: string;
  readonly stateDir: string;
  readonly accounts: readonly DevnetAccount[];
  readonly multisigAccounts: readonly DevnetMultisigAccount[];
  readonly nodes: readonly DevnetNodeDescriptor[];
}

/** A running devnet. */
export interface Devnet {
  /** REST URL of node 0. */
  readonly url: string;
  readonly descriptor: DevnetDescriptor;
  readonly nodes: readonly DevnetNodeDescriptor[];
  /** The symbol-sdk network of the devnet (its seed and epoch), for clients in the same process. */
  readonly network: Network;
  /** Current chain height. */
  height(): bigint;
  /** Produces a block now (the only way to get blocks with blockTimeSeconds 0). */
  mineBlock(): { readonly height: bigint };
  /** Resolves when the next block has been produced and processed by every node. */
  nextBlock(): Promise<{ readonly height: bigint }>;
  /** Stops the block timer and the servers, saves the chain; removes a temporary state folder. */
  close(): Promise<void>;
}

/**
 * Creates the state folder (0700) or checks the existing one. When the parent exists the folder is made without
 * `recursive`: Node 20's recursive mkdir never returns on some pseudo file systems (/proc), a plain one fails fast.
 */
function ensureStateDir(stateDir: string): void {
  if (existsSync(stateDir)) {
    if (!statSync(stateDir).isDirectory()) {
      throw Object.assign(new Error(`${stateDir} is not a folder`), { code: 'ENOTDIR' });
    }
  } else {
    mkdirSync(stateDir, { recursive: !existsSync(dirname(stateDir)), mode: 0o700 });
  }
  chmodSync(stateDir, 0o700);
}

interface Identity {
  version: number;
  networkIdentifier: number;
  generationHashSeed: string;
  epochAdjustment: number;
  nemesisSignerPublicKey: string;
}

/** Starts a devnet and resolves once every node listens. */
export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const settings = resolveDevnetSettings(options);
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? ((length: number) => new Uint8Array(randomBytes(length)));
  const log = options.log ?? (() => undefined);
  const temporary = options.stateDir === undefined;
  const stateDir =
    options.stateDir === undefined
      ? mkdtempSync(join(tmpdir(), 'harvest-devnet-'))
      : resolve(options.stateDir);
  ensureStateDir(stateDir);

  const identity = loadOrCreateIdentity(stateDir, now, random);
  const seed = parseHex(identity.generationHashSeed, 'generation hash seed', 32);
  const network = new Network(
    DEVNET_NETWORK_NAME,
    DEVNET_NETWORK_IDENTIFIER,
    new Date(identity.epochAdjustment * 1000),
    new Hash256(seed),
  );
  const facade = new SymbolFacade(network);

  const accountKeys = loadOrCreateKeys(join(stateDir, 'accounts'), settings.accounts, random);
  const nodeKeys = Array.from({ length: settings.nodes }, (_, index) => {
    const folder = join(stateDir, 'nodes', String(index));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return {
      transport: loadOrCreatePem(join(folder, 'node.key.pem'), random),
      owner: loadOrCreateHexKey(join(folder, 'owner.key'), random),
      nodeKeyFile: join(folder, 'node.key.pem'),
      harvestersFile: join(folder, 'harvesters.dat'),
    };
  });

  const chainFile = join(stateDir, 'chain.json');
  const loaded = loadChain(chainFile, facade);
  const state = loaded ?? new ChainState();
  const knownKeys = [
    ...accountKeys.map((key) => key.publicKey),
    ...nodeKeys.map((node) => publicKeyOf(node.owner)),
  ];
  knownKeys.forEach((publicKey, index) => {
    if (state.getAccountByPublicKey(publicKey) !== undefined) return;
    const account = newAccount(addressOf(publicKey), loaded === undefined ? 1n : state.height);
    account.publicKey = publicKey;
    account.publicKeyHeight = account.addressHeight;
    if (loaded === undefined && index < accountKeys.length)
      account.balance = fundedBalance(index, accountKeys.length);
    state.accounts.set(addressKey(account.address), account);
  });

  // Multisig accounts are made with a new chain only: a resumed chain keeps those it has.
  const multisigKeys = loadOrCreateMultisigKeys(
    stateDir,
    loaded === undefined ? settings.multisig : [],
    random,
  );
  if (loaded === undefined) createGenesisMultisig(state, multisigKeys);

  const extensions = nodeKeys.map((node) => {
    const extension = new HarvestingExtension(state, {
      nodePrivateKey: node.transport,
      harvestersFile: node.harvestersFile,
      maxUnlockedAccounts: settings.maxUnlockedAccounts,
      importanceGrouping: settings.importanceGrouping,
      log,
    });
    extension.load();
    return extension;
  });

  const chain = new DevnetChain({
    facade,
    state,
    epochAdjustmentSeconds: identity.epochAdjustment,
    now,
    minFeeMultiplier: settings.minFeeMultiplier,
    importanceGrouping: settings.importanceGrouping,
    beneficiary: addressOf(publicKeyOf(nodeKeys[0]!.owner)),
    extensions,
    afterBlock: () => saveChain(chainFile, state),
  });
  const blockSeconds = settings.blockTimeSeconds === 0 ? 1 : settings.blockTimeSeconds;
  state.maxHashLockDuration = BigInt(Math.floor(MAX_HASH_LOCK_DURATION_SECONDS / blockSeconds));
  if (loaded === undefined) {
    chain.createGenesis();
    saveChain(chainFile, state);
  }

  const properties: NetworkPropertiesInput = {
    generationHashSeed: seed,
    epochAdjustmentSeconds: identity.epochAdjustment,
    nemesisSignerPublicKey: parseHex(identity.nemesisSignerPublicKey, 'nemesis key', 32),
    blockTimeSeconds: settings.blockTimeSeconds === 0 ? 1 : settings.blockTimeSeconds,
    importanceGrouping: settings.importanceGrouping,
    initialSupply:
      accountKeys.reduce((sum, _key, index) => sum + fundedBalance(index, accountKeys.length), 0n) +
      multisigKeys.reduce(
        (sum, keys) =>
          sum + MULTISIG_ACCOUNT_BALANCE + BigInt(keys.cosignatories.length) * COSIGNATORY_BALANCE,
        0n,
      ),
  };
  const servers: NodeServer[] = [];
  try {
    for (const [index, node] of nodeKeys.entries()) {
      servers.push(
        await serveNode(
          {
            index,
            chain,
            extension: extensions[index]!,
            ownerPublicKey: publicKeyOf(node.owner),
            properties,
            host: settings.host,
            minFeeMultiplier: settings.minFeeMultiplier,
          },
          {
            port: settings.port === 0 ? 0 : settings.port + index,
            faults: settings.faults,
            faultRandom: options.faultRandom ?? Math.random,
            log,
          },
        ),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    if (temporary) rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }

  const urlHost = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const nodes: DevnetNodeDescriptor[] = nodeKeys.map((node, index) => ({
    url: `http://${urlHost}:${servers[index]!.port}`,
    nodePublicKey: toHex(extensions[index]!.nodePublicKey),
    nodeKeyFile: node.nodeKeyFile,
    harvestersFile: node.harvestersFile,
  }));
  const node0 = nodes[0]!;
  const descriptor: DevnetDescriptor = {
    url: node0.url,
    networkIdentifier: DEVNET_NETWORK_IDENTIFIER,
    generationHashSeed: identity.generationHashSeed,
    epochAdjustment: identity.epochAdjustment,
    currencyMosaicId: formatMosaicId(DEVNET_CURRENCY_MOSAIC_ID),
    nodePublicKey: node0.nodePublicKey,
    nodeKeyFile: node0.nodeKeyFile,
    harvestersFile: node0.harvestersFile,
    stateDir,
    accounts: accountKeys.map((key) => ({
      address: encodeAddress(addressOf(key.publicKey)),
      publicKey: toHex(key.publicKey),
      keyFile: key.file,
      balance: (state.getAccountByPublicKey(key.publicKey)?.balance ?? 0n).toString(),
    })),
    multisigAccounts: multisigKeys.map((keys) => ({
      address: encodeAddress(addressOf(keys.publicKey)),
      publicKey: toHex(keys.publicKey),
      // The chain's current setting (0 once the account has no cosignatories left).
      minApproval: state.multisig.get(addressOf(keys.publicKey))?.minApproval ?? 0,
      cosignatories: keys.cosignatories.map((cosignatory) => ({
        address: encodeAddress(addressOf(cosignatory.publicKey)),
        publicKey: toHex(cosignatory.publicKey),
        keyFile: cosignatory.file,
      })),
    })),
    nodes,
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  if (settings.blockTimeSeconds > 0) {
    timer = setInterval(() => {
      try {
        chain.produceBlock();
      } catch (error) {
        log(`devnet: block production failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, settings.blockTimeSeconds * 1000);
  }
  let closed = false;
  return {
    url: node0.url,
    descriptor,
    nodes,
    network,
    height: () => state.height,
    mineBlock: () => chain.produceBlock(),
    nextBlock: () => chain.nextBlock(),
    close: async () => {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      await Promise.all(servers.map((server) => server.close()));
      if (temporary) rmSync(stateDir, { recursive: true, force: true });
      else saveChain(chainFile, state);
    },
  };
}

/** Funds the multisig accounts and their cosignatories and records each m-of-n (minRemoval = minApproval). */
function createGenesisMultisig(state: ChainState, multisigKeys: readonly MultisigKeys[]): void {
  const fund = (publicKey: Uint8Array, balance: bigint) => {
    const account = newAccount(addressOf(publicKey), 1n);
    account.publicKey = publicKey;
    account.publicKeyHeight = 1n;
    account.balance = balance;
    state.accounts.set(addressKey(account.address), account);
  };
  for (const keys of multisigKeys) {
    fund(keys.publicKey, MULTISIG_ACCOUNT_BALANCE);
    for (const cosignatory of keys.cosignatories) fund(cosignatory.publicKey, COSIGNATORY_BALANCE);
    state.multisig.set({
      accountAddress: addressOf(keys.publicKey),
      minApproval: keys.minApproval,
      minRemoval: keys.minApproval,
      cosignatoryAddresses: keys.cosignatories.map((cosignatory) => addressOf(cosignatory.publicKey)),
    });
  }
}

function loadOrCreateIdentity(
  stateDir: string,
  now: () => number,
  random: (length: number) => Uint8Array,
): Identity {
  const path = join(stateDir, 'devnet.json');
  if (existsSync(path)) {
    const identity = JSON.parse(readFileSync(path, 'utf8')) as Identity;
    if (identity.version !== 1 || identity.networkIdentifier !== DEVNET_NETWORK_IDENTIFIER) {
      throw new Error(`${path} is not a devnet identity file this version can read`);
    }
    return identity;
  }
  const identity: Identity = {
    version: 1,
    networkIdentifier: DEVNET_NETWORK_IDENTIFIER,
    generationHashSeed: toHex(random(32)),
    // The epoch is the creation time, so network time starts near zero like a fresh network's.
    epochAdjustment: Math.floor(now() / 1000),
    nemesisSignerPublicKey: toHex(publicKeyOf(random(32))),
  };
  writeFileSync(path, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  return identity;
}

interface FundedKey {
  readonly publicKey: Uint8Array;
  readonly file: string;
}

function loadOrCreateKeys(
  folder: string,
  count: number,
  random: (length: number) => Uint8Array,
): FundedKey[] {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const keys: FundedKey[] = [];
  // Resume keeps every account the chain was created with, even if fewer are asked for now.
  for (let index = 0; index < count || existsSync(join(folder, `${index}.key`)); index += 1) {
    const file = join(folder, `${index}.key`);
    keys.push({ publicKey: publicKeyOf(loadOrCreateHexKey(file, random)), file });
  }
  return keys;
}

function loadOrCreateHexKey(file: string, random: (length: number) => Uint8Array): Uint8Array {
  if (existsSync(file)) return parsePrivateKeyFile(readFileSync(file, 'utf8'), file);
  const key = random(32);
  writeFileSync(file, `${toHex(key)}\n`, { mode: 0o600 });
  return key;
}

function loadOrCreatePem(file: string, random: (length: number) => Uint8Array): Uint8Array {
  if (existsSync(file)) return parsePrivateKeyFile(readFileSync(file, 'utf8'), file);
  const key = random(32);
  writeFileSync(file, encodeNodeKeyPem(key), { mode: 0o600 });
  return key;
}
