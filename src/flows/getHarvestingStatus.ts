/**
 * `harvest status` as a library call (docs/commands/status.md): gathers every fact the state word depends on from the asked
 * node, the node the account is linked to and the keystore (read without its password), and lets
 * summarizeHarvesting decide. The asked node must answer its main endpoints (else NODE_*, exit 3); the linked node,
 * its /node/unlockedaccount and the keystore's remembered node only change the state (UNKNOWN, reasons).
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes } from '../core/bytes.js';
import { describeNetwork } from '../core/describeNetwork.js';
import { InputError } from '../core/errors.js';
import { summarizeHarvesting } from '../core/harvesting/summarizeHarvesting.js';
import { nextRecalculationHeight } from '../core/harvesting/importanceRecalculation.js';
import { derivePublicKey } from '../core/keys.js';
import { newestConfirmedRequest } from '../core/keystore/confirmedRequest.js';
import type { NetworkParameters } from '../core/network.js';
import type { Clock, FileSystem } from '../core/ports.js';
import { networkTimeOf } from '../core/networkTime.js';
import { checkNetwork } from '../node/checkNetwork.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { accountBalance } from '../node/getAccount.js';
import { readKeystoreFile } from './keystore/readKeystoreFile.js';
import { askLinkedNode } from './status/askLinkedNode.js';
import { findPendingKind, findRequestAge } from './status/statusFacts.js';
import type { HarvestingStatus, HarvestingStatusReport } from '../contract/status.js';
export type {
  HarvestingStatus,
  HarvestingStatusDetails,
  HarvestingStatusReport,
} from '../contract/status.js';

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
  readonly keystore?:
    | {
        readonly files: FileSystem;
        readonly home: string;
        /** Told when the keystore file may be read by others. */
        readonly onWarning?: ((text: string) => void) | undefined;
      }
    | undefined;
  /** A client of another node: the one the keystore remembers, when the account is linked to it. */
  readonly connect: (url: string) => NodeClient;
  readonly now: Clock;
}

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
      : await readKeystoreFile(
          parameters.keystore.files,
          parameters.keystore.home,
          mainAddress,
          parameters.keystore.onWarning,
        );
  const links = account?.links ?? { remote: undefined, vrf: undefined, node: undefined };

  // The three remaining questions are independent: ask them at once.
  const [linked, requestConfirmedBlocksAgo, pending] = await Promise.all([
    account === undefined
      ? { view: { kind: 'none' } as const, url: null }
      : askLinkedNode({
          client,
          nodeInfo,
          nodeLink: links.node,
          remembered: keystore?.node,
          connect: parameters.connect,
        }),
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
    requestSentAtZeroImportance:
      keystore !== undefined &&
      links.node !== undefined &&
      newestConfirmedRequest(keystore, deriveAddress(links.node, network.identifier))?.atZeroImportance ===
        true,
  });

  const blockTimeMs =
    properties.blockGenerationTargetTimeMs !== undefined && properties.blockGenerationTargetTimeMs > 0
      ? properties.blockGenerationTargetTimeMs
      : undefined;
  return {
    status: {
      state: summary.state,
      reasons: summary.reasons,
      mainAddress,
      links: { remote: links.remote ?? null, vrf: links.vrf ?? null, node: links.node ?? null },
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
      totalChainImportance: properties.totalChainImportance,
      blockTimeMs,
      requestConfirmedBlocksAgo: requestConfirmedBlocksAgo ?? undefined,
    },
  };
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
          `but the node is on ${describeNetwork(network)} (identifier ${network.identifier})`,
        { hint: 'use an address of the node’s network, or a node of the address’s network' },
      );
    }
    return { address: account.address, publicKey: undefined };
  }
  const publicKey = 'publicKey' in account ? account.publicKey : derivePublicKey(account.privateKey);
  return { address: deriveAddress(publicKey, network.identifier), publicKey };
}

/** The next multiple of the importance grouping above the chain height, and when it should come. */
function nextRecalculation(
  height: bigint,
  grouping: bigint | undefined,
  blockTimeMs: number | undefined,
  now: Date,
): HarvestingStatus['nextImportanceRecalculation'] {
  if (grouping === undefined || grouping <= 0n) return null;
  const next = nextRecalculationHeight(height, grouping);
  const estimatedAt =
    blockTimeMs === undefined
      ? null
      : new Date(now.getTime() + Number(next - height) * blockTimeMs).toISOString();
  return { height: next, estimatedAt };
}
