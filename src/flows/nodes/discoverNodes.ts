/**
 * Node discovery (docs/commands/nodes.md): which node will take the account and keep it. Steps:
 *
 *   1. candidates: every --node, then the nodewatch directory's nodes (listNodeCandidates)
 *   2. probe each, `concurrency` at a time, with a short timeout and no retries (probeNodeCandidate)
 *   3. the expected network: --network, else the one most candidates report (pickExpectedNetwork)
 *   4. the account's importance, read from the fastest candidates on that network
 *   5. judge each (judgeNodeCandidate) and rank (rankNodeCandidates)
 */
import { encodeAddress } from '../../core/address.js';
import { equalBytes } from '../../core/bytes.js';
import { InputError, NodeError } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import { judgeNodeCandidate } from '../../core/nodes/judgeNodeCandidate.js';
import type { NodeProbe, RankedNode } from '../../core/nodes/nodeCandidate.js';
import { pickExpectedNetwork, type ReportedNetwork } from '../../core/nodes/pickExpectedNetwork.js';
import { rankNodeCandidates } from '../../core/nodes/rankNodeCandidates.js';
import type { Clock, Fetch, Sleep } from '../../core/ports.js';
import { createNodeClient, type NodeClient } from '../../node/createNodeClient.js';
import type { AccountId } from '../../node/getAccount.js';
import { getDirectoryNodes, type DirectoryNode } from '../../node/getDirectoryNodes.js';
import { mapBounded } from '../onboard/mapBounded.js';
import { listNodeCandidates } from './listNodeCandidates.js';
import { probeNodeCandidate } from './probeNodeCandidate.js';

export type { AccountId } from '../../node/getAccount.js';

/** The defaults of docs/commands/nodes.md. */
export const NODE_DISCOVERY_DEFAULTS = {
  /** catapult's config-harvesting.properties default (symbol-bootstrap nodes use 10). */
  maxUnlockedAccounts: 5,
  probeTimeoutMs: 3_000,
  concurrency: 16,
  /** A node this many blocks behind the best candidate is UNHEALTHY (about 15 min at 30 s blocks). */
  maxHeightLag: 30n,
} as const;

/** How many of the fastest candidates are asked for the account's importance. */
const IMPORTANCE_SOURCES = 3;

/** What discoverNodes needs. */
export interface DiscoverNodesParameters {
  /** A nodewatch base URL (e.g. https://nodewatch.symbol.tools), or undefined to use the --node list alone. */
  readonly directoryUrl: string | undefined;
  /** --node URLs, probed first. */
  readonly nodeUrls: readonly string[];
  /** --network; undefined: the network most candidates report. */
  readonly expectedNetwork: NetworkParameters | undefined;
  /** The account to place (--address, or the key's); without it a full node's room stays `unknown`. */
  readonly account?: AccountId;
  readonly maxUnlockedAccounts?: number;
  /** Per request of a probe; the directory gets `directoryTimeoutMs`. */
  readonly probeTimeoutMs?: number;
  readonly directoryTimeoutMs: number;
  readonly concurrency?: number;
  readonly fetch: Fetch;
  readonly sleep: Sleep;
  readonly now: Clock;
  readonly onProgress?: (text: string) => void;
}

/** What discovery found. */
export interface NodeDiscovery {
  /** Usable nodes first, in rank order; then the excluded ones with their reasons. */
  readonly nodes: readonly RankedNode[];
  readonly expectedNetwork: ReportedNetwork | undefined;
  /** The account's importance; undefined without an account or when no candidate could tell. */
  readonly accountImportance: bigint | undefined;
}

/**
 * Lists, probes, judges and ranks the candidate nodes.
 * @throws {NodeError} NODE_* naming the directory when --nodewatch cannot be read or answers something else
 * @throws {InputError} INPUT_REQUIRED when there is neither a directory nor a --node; WRONG_NETWORK for an address
 *   of another network than the candidates'
 */
export async function discoverNodes(parameters: DiscoverNodesParameters): Promise<NodeDiscovery> {
  const probeTimeoutMs = parameters.probeTimeoutMs ?? NODE_DISCOVERY_DEFAULTS.probeTimeoutMs;
  if (parameters.directoryUrl === undefined && parameters.nodeUrls.length === 0) {
    throw new InputError('INPUT_REQUIRED', 'no node to choose from', {
      hint: 'pass --nodewatch <url> (or HARVEST_NODEWATCH), or --node <url> (repeatable)',
    });
  }
  const directory = await readDirectory(parameters);
  const candidates = listNodeCandidates(parameters.nodeUrls, directory);
  const connect = (url: string) =>
    createNodeClient({
      url,
      fetch: parameters.fetch,
      sleep: parameters.sleep,
      timeoutMs: probeTimeoutMs,
      retries: 0,
    });
  const clients = new Map<string, NodeClient>(
    candidates.map((candidate) => [candidate.url, connect(candidate.url)]),
  );
  const elapsedMs = () => parameters.now().getTime();
  let done = 0;
  const probes = await mapBounded(
    candidates,
    parameters.concurrency ?? NODE_DISCOVERY_DEFAULTS.concurrency,
    async (candidate) => {
      const probe = await probeNodeCandidate(candidate, clients.get(candidate.url)!, elapsedMs);
      parameters.onProgress?.(`probing nodes: ${++done}/${candidates.length}`);
      return probe;
    },
  );
  const expected = parameters.expectedNetwork ?? pickExpectedNetwork(probes);
  checkAccountNetwork(parameters.account, expected);
  const onNetwork = probes.filter((probe) => expected !== undefined && isOn(probe, expected));
  const accountImportance =
    parameters.account === undefined
      ? undefined
      : await readImportance(parameters.account, onNetwork, clients);
  const heights = onNetwork.flatMap((probe) => (probe.height === undefined ? [] : [probe.height]));
  const settings = {
    expected,
    maxUnlockedAccounts: parameters.maxUnlockedAccounts ?? NODE_DISCOVERY_DEFAULTS.maxUnlockedAccounts,
    accountImportance,
    networkHeight: heights.length === 0 ? undefined : heights.reduce((a, b) => (a > b ? a : b)),
    maxHeightLag: NODE_DISCOVERY_DEFAULTS.maxHeightLag,
  };
  return {
    nodes: rankNodeCandidates(probes.map((probe) => judgeNodeCandidate(probe, settings))),
    expectedNetwork: expected,
    accountImportance,
  };
}

/** An address names its network in its first byte: one of another network could never be placed on these nodes. */
function checkAccountNetwork(account: AccountId | undefined, expected: ReportedNetwork | undefined): void {
  if (account === undefined || !('address' in account) || expected === undefined) return;
  if (account.address[0] === expected.identifier) return;
  throw new InputError(
    'WRONG_NETWORK',
    `address ${encodeAddress(account.address)} is for network ${String(account.address[0])}, but the candidate nodes are on network ${expected.identifier}`,
    {
      hint: 'use an address of the nodes’ network, or pass --network and a directory of the address’s network',
    },
  );
}

async function readDirectory(parameters: DiscoverNodesParameters): Promise<DirectoryNode[]> {
  if (parameters.directoryUrl === undefined) return [];
  parameters.onProgress?.(`reading the node directory ${parameters.directoryUrl}`);
  return getDirectoryNodes({
    url: parameters.directoryUrl.replace(/\/+$/, ''),
    fetch: parameters.fetch,
    sleep: parameters.sleep,
    timeoutMs: parameters.directoryTimeoutMs,
    retries: 1,
  });
}

function isOn(probe: NodeProbe, network: ReportedNetwork): boolean {
  return (
    probe.networkIdentifier === network.identifier &&
    probe.generationHashSeed !== undefined &&
    equalBytes(probe.generationHashSeed, network.generationHashSeed)
  );
}

/**
 * The account's importance from the fastest candidates on the network. A light node does not serve /accounts (its
 * 404 looks like "unknown account"), so the first node that knows the account answers; an account none of them
 * knows has importance 0; when none could be read it stays unknown.
 */
async function readImportance(
  account: AccountId,
  probes: readonly NodeProbe[],
  clients: ReadonlyMap<string, NodeClient>,
): Promise<bigint | undefined> {
  const fastest = [...probes]
    .sort((a, b) => (a.latencyMs ?? 0) - (b.latencyMs ?? 0))
    .slice(0, IMPORTANCE_SOURCES);
  let answered = false;
  for (const probe of fastest) {
    try {
      const info = await clients.get(probe.url)!.getAccount(account);
      if (info !== undefined) return info.importance;
      answered = true;
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      // this node cannot tell (gone since the probe): ask the next one
    }
  }
  return answered ? 0n : undefined;
}
