/**
 * `harvest status` as a library call (docs/commands/status.md): gathers every fact the state word depends on from the asked
 * node, the node the account is linked to and the keystore (read without its password), and lets
 * summarizeHarvesting decide. The asked node must answer its main endpoints (else NODE_*, exit 3); the linked node,
 * its /node/unlockedaccount and the keystore's remembered node only change the state (UNKNOWN, reasons).
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, parseHex, toHex } from '../core/bytes.js';
import { hasDelegationMarker } from '../core/crypto/delegationMessage.js';
import { HarvestError, InputError } from '../core/errors.js';
import {
  summarizeHarvesting,
  type HarvestingReason,
  type HarvestingState,
  type LinkedNodeView,
} from '../core/harvesting/summarizeHarvesting.js';
import { derivePublicKey } from '../core/keys.js';
import type { KeystoreFile } from '../core/keystore/keystoreFormat.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, FileSystem } from '../core/ports.js';
import { networkTimeOf } from '../core/transactions/computeDeadline.js';
import { TRANSFER_TYPE } from '../core/transactions/findDelegationTransfers.js';
import { checkNetwork } from '../node/checkNetwork.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { accountBalance } from '../node/getAccount.js';
import type { NodeInfo } from '../node/getNodeInfo.js';
import type { TransactionEntry } from '../node/readTransactionEntry.js';
import { readKeystoreFile } from './keystore/readKeystoreFile.js';

/** How the account is named: its address, its public key, or its private key (only its public key is used). */
export type StatusAccount =
  { readonly address: Uint8Array } | { readonly publicKey: Uint8Array } | { readonly privateKey: Uint8Array };

/** Inputs of getHarvestingStatus. */
export interface GetHarvestingStatusParameters {
  /** The node to ask (--node). */
  readonly client: NodeClient;
  readonly account: StatusAccount;
  /** The public network the node must be on (--network); undefined for private networks. */
  readonly expectedNetwork?: NetworkParameters | undefined;
  /** Where keystores are (the harvest home); without it no keystore fact is used. */
  readonly keystore?: { readonly files: FileSystem; readonly home: string } | undefined;
  /** A client of another node: the one the keystore remembers, when the account is linked to it. */
  readonly connect: (url: string) => NodeClient;
  readonly now: Clock;
}

/** The --json result of `harvest status` (docs/commands/status.md, plus nextImportanceRecalculation and linkedNodeUrl). */
export interface HarvestingStatus {
  readonly state: HarvestingState;
  readonly reasons: readonly HarvestingReason[];
  readonly mainAddress: string;
  /** Linked public keys as upper-case hex, null when not linked. */
  readonly links: {
    readonly remote: string | null;
    readonly vrf: string | null;
    readonly node: string | null;
  };
  /** Balance of the harvesting mosaic, in its smallest unit. */
  readonly balance: bigint;
  readonly importance: bigint;
  /** Whether the linked node lists the linked remote key; null when that cannot be known. */
  readonly unlocked: boolean | null;
  /** The node asked. */
  readonly nodeUrl: string;
  /** The next importance recalculation: a multiple of importanceGrouping; estimatedAt from the block time. */
  readonly nextImportanceRecalculation: {
    readonly height: bigint;
    readonly estimatedAt: string | null;
  } | null;
  /** The URL of the node the account is linked to, when it was found (the asked node or the remembered one). */
  readonly linkedNodeUrl: string | null;
}

/** Facts behind the status that the human rendering explains (not part of the JSON contract). */
export interface HarvestingStatusDetails {
  readonly chainHeight: bigint;
  readonly minHarvesterBalance: bigint;
  readonly maxHarvesterBalance: bigint;
  /** Block time in ms, undefined when the node does not say (or blocks are made by hand). */
  readonly blockTimeMs: number | undefined;
  /** Blocks since the newest confirmed delegation request to the linked node, if any. */
  readonly requestConfirmedBlocksAgo: number | undefined;
}

/** The status and the facts its explanation needs. */
export interface HarvestingStatusReport {
  readonly status: HarvestingStatus;
  readonly details: HarvestingStatusDetails;
}

/** Page size of the search for the newest delegation request (REST allows 10 to 100). */
const REQUEST_SEARCH_PAGE_SIZE = 100;

/**
 * The harvesting state of an account: state word, reasons, links, balance, importance, unlocked.
 * @throws {InputError} WRONG_NETWORK (node or address on another network), KEYSTORE_CORRUPT
 * @throws {NodeError} NODE_* when the asked node cannot be read
 */
export async function getHarvestingStatus(
  parameters: GetHarvestingStatusParameters,
): Promise<HarvestingStatus> {
  return (await readHarvestingStatus(parameters)).status;
}

/**
 * getHarvestingStatus plus the facts a human explanation needs (limits, chain height, block time).
 * @throws {InputError} WRONG_NETWORK, KEYSTORE_CORRUPT
 * @throws {NodeError} NODE_* when the asked node cannot be read
 */
export async function readHarvestingStatus(
  parameters: GetHarvestingStatusParameters,
): Promise<HarvestingStatusReport> {
  const { client, now } = parameters;
  const { network, nodeInfo } = await checkNetwork(client, parameters.expectedNetwork);
  const named = nameAccount(parameters.account, network);
  const [properties, chain, account] = await Promise.all([
    client.getNetworkProperties(),
    client.getChainInfo(),
    client.getAccount({ address: named.address }),
  ]);
  const mainAddress = encodeAddress(named.address);
  const mainPublicKey = named.publicKey ?? account?.publicKey;
  const keystore =
    parameters.keystore === undefined
      ? undefined
      : await readKeystoreFile(parameters.keystore.files, parameters.keystore.home, mainAddress);
  const links = account?.links ?? { remote: undefined, vrf: undefined, node: undefined };

  // The three remaining questions are independent: ask them at once.
  const [linked, requestConfirmedBlocksAgo, pending] = await Promise.all([
    account === undefined ? { view: { kind: 'none' } as const, url: null } : askLinkedNode(),
    links.node === undefined || mainPublicKey === undefined
      ? undefined
      : findRequestAge(client, mainPublicKey, deriveAddress(links.node, network.identifier), chain.height),
    account === undefined || keystore === undefined
      ? undefined
      : findPendingKind(client, keystore, networkTimeOf(now(), network.epochAdjustmentSeconds)),
  ]);
  const balance = account === undefined ? 0n : accountBalance(account, properties.harvestingMosaicId);
  const importance = account?.importance ?? 0n;

  const summary = summarizeHarvesting({
    account: account === undefined ? undefined : { links, balance, importance },
    minHarvesterBalance: properties.minHarvesterBalance,
    maxHarvesterBalance: properties.maxHarvesterBalance,
    linkedNode: linked.view,
    isNodeOwner: mainPublicKey !== undefined && equalBytes(mainPublicKey, nodeInfo.publicKey),
    keystore: {
      holdsRemoteKey:
        links.remote !== undefined &&
        (keystore?.keys ?? []).some(
          (key) => key.role === 'remote' && equalBytes(key.publicKey, links.remote!),
        ),
      linkRemoteRecorded: keystore?.remoteHarvesting !== undefined,
      pending,
    },
    requestConfirmedBlocksAgo,
  });

  const blockTimeMs =
    properties.blockGenerationTargetTimeMs !== undefined && properties.blockGenerationTargetTimeMs > 0
      ? properties.blockGenerationTargetTimeMs
      : undefined;
  const hex = (key: Uint8Array | undefined) => (key === undefined ? null : toHex(key));
  return {
    status: {
      state: summary.state,
      reasons: summary.reasons,
      mainAddress,
      links: { remote: hex(links.remote), vrf: hex(links.vrf), node: hex(links.node) },
      balance,
      importance,
      unlocked: summary.unlocked,
      nodeUrl: client.url,
      nextImportanceRecalculation: nextRecalculation(
        chain.height,
        properties.importanceGrouping,
        blockTimeMs,
        now(),
      ),
      linkedNodeUrl: linked.url,
    },
    details: {
      chainHeight: chain.height,
      minHarvesterBalance: properties.minHarvesterBalance,
      maxHarvesterBalance: properties.maxHarvesterBalance,
      blockTimeMs,
      requestConfirmedBlocksAgo,
    },
  };

  /** Finds the node whose transport key is the node link and asks it for its unlocked accounts. */
  async function askLinkedNode(): Promise<{ view: LinkedNodeView; url: string | null }> {
    const nodeLink = links.node;
    if (nodeLink === undefined) return { view: { kind: 'none' }, url: null };
    if (nodeInfo.nodePublicKey !== undefined && equalBytes(nodeInfo.nodePublicKey, nodeLink)) {
      return { view: { kind: 'asked', unlocked: await readUnlocked(client) }, url: client.url };
    }
    const remembered = keystore?.node;
    if (remembered?.url === undefined || !equalBytes(remembered.publicKey, nodeLink)) {
      return { view: { kind: 'unknown' }, url: null };
    }
    const other = parameters.connect(remembered.url);
    let otherInfo: NodeInfo;
    try {
      otherInfo = await other.getNodeInfo();
    } catch (error) {
      if (error instanceof HarvestError) return { view: { kind: 'unreachable' }, url: other.url };
      throw error;
    }
    // The remembered URL now serves another node (or another network): it cannot speak for the linked one.
    const sameNode =
      (otherInfo.nodePublicKey === undefined || equalBytes(otherInfo.nodePublicKey, nodeLink)) &&
      equalBytes(otherInfo.networkGenerationHashSeed, nodeInfo.networkGenerationHashSeed);
    if (!sameNode) return { view: { kind: 'unknown' }, url: null };
    return { view: { kind: 'asked', unlocked: await readUnlocked(other) }, url: other.url };
  }
}

/** The address and (when known) public key of the account, checked against the node's network. */
function nameAccount(
  account: StatusAccount,
  network: NetworkParameters,
): { address: Uint8Array; publicKey: Uint8Array | undefined } {
  if ('address' in account) {
    if (account.address[0] !== network.identifier) {
      throw new InputError(
        'WRONG_NETWORK',
        `address ${encodeAddress(account.address)} is for network ${String(account.address[0])}, ` +
          `but the node is on ${network.name} (${network.identifier})`,
        { hint: 'use an address of the node’s network, or a node of the address’s network' },
      );
    }
    return { address: account.address, publicKey: undefined };
  }
  const publicKey = 'publicKey' in account ? account.publicKey : derivePublicKey(account.privateKey);
  return { address: deriveAddress(publicKey, network.identifier), publicKey };
}

/** /node/unlockedaccount, or undefined when that one endpoint fails (diagnostics off, not trusted, down). */
async function readUnlocked(
  node: Pick<NodeClient, 'getUnlockedAccounts'>,
): Promise<Uint8Array[] | undefined> {
  try {
    return await node.getUnlockedAccounts();
  } catch (error) {
    if (error instanceof HarvestError) return undefined;
    throw error;
  }
}

/**
 * Blocks since the newest confirmed delegation request from the main account to the node's transport address
 * (a transfer, top level or embedded, whose message starts with the marker; docs/protocol.md §2.2).
 */
async function findRequestAge(
  client: NodeClient,
  mainPublicKey: Uint8Array,
  nodeAddress: Uint8Array,
  chainHeight: bigint,
): Promise<number | undefined> {
  const page = await client.searchConfirmedTransactions({
    recipientAddress: nodeAddress,
    signerPublicKey: mainPublicKey,
    type: [TRANSFER_TYPE],
    embedded: true,
    order: 'desc',
    pageSize: REQUEST_SEARCH_PAGE_SIZE,
  });
  let newest: bigint | undefined;
  const visit = (entry: TransactionEntry) => {
    const { transaction } = entry;
    for (const inner of transaction.transactions ?? [])
      visit({ ...inner, meta: { ...inner.meta, height: entry.meta.height } });
    const isRequest =
      transaction.type === TRANSFER_TYPE &&
      equalBytes(transaction.signerPublicKey, mainPublicKey) &&
      transaction.recipientAddress !== undefined &&
      equalBytes(transaction.recipientAddress, nodeAddress) &&
      transaction.message !== undefined &&
      hasDelegationMarker(transaction.message);
    if (isRequest && (newest === undefined || entry.meta.height > newest)) newest = entry.meta.height;
  };
  page.data.forEach(visit);
  if (newest === undefined) return undefined;
  return chainHeight > newest ? Number(chainHeight - newest) : 0;
}

/**
 * What our own announcement still in flight is, if any: the newest journal entry signed or announced whose
 * deadline has not passed and which the node does not report as confirmed or failed.
 */
async function findPendingKind(
  client: NodeClient,
  keystore: KeystoreFile,
  networkTimeMs: bigint,
): Promise<'delegate' | 'unlink' | undefined> {
  const open = keystore.journal.filter(
    (entry) => (entry.state === 'signed' || entry.state === 'announced') && entry.deadline > networkTimeMs,
  );
  for (const entry of [...open].reverse()) {
    const status = await client.getTransactionStatus(
      parseHex(entry.hash, { name: 'journal hash', length: 32 }),
    );
    if (status?.group === 'confirmed' || status?.group === 'failed') continue;
    return entry.kind === 'unlink' ? 'unlink' : 'delegate';
  }
  return undefined;
}

/** The next multiple of the importance grouping above the chain height, and when it should come. */
function nextRecalculation(
  height: bigint,
  grouping: bigint | undefined,
  blockTimeMs: number | undefined,
  now: Date,
): HarvestingStatus['nextImportanceRecalculation'] {
  if (grouping === undefined || grouping <= 0n) return null;
  const next = (height / grouping + 1n) * grouping;
  const estimatedAt =
    blockTimeMs === undefined
      ? null
      : new Date(now.getTime() + Number(next - height) * blockTimeMs).toISOString();
  return { height: next, estimatedAt };
}
