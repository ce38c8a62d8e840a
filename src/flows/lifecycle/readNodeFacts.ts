/**
 * The first step of every online command (docs/ARCHITECTURE.md, "The transaction lifecycle"): what the node says
 * about its network, chain, fees and clock, read once and checked (WRONG_NETWORK), so that later steps work from one
 * consistent picture.
 */
import type { NetworkParameters } from '../../core/network.js';
import { networkClock, type NetworkClock } from '../../core/networkTime.js';
import type { Clock } from '../../core/ports.js';
import type { AggregateVersion } from '../../core/transactions/transactionTypes.js';
import { NodeError } from '../../core/errors.js';
import { checkNetwork } from '../../node/checkNetwork.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { NetworkProperties } from '../../node/getNetworkProperties.js';
import type { NodeInfo } from '../../node/getNodeInfo.js';
import type { TransactionFees } from '../../core/transactions/transactionFees.js';
import { measureClockOffset } from '../../node/networkTime.js';

/** Block time assumed when the node does not say (mainnet's 30 s). */
const DEFAULT_BLOCK_TIME_MS = 30_000;

/** The node's picture of the world. */
export interface NodeFacts {
  readonly client: NodeClient;
  readonly network: NetworkParameters;
  readonly nodeInfo: NodeInfo;
  readonly properties: NetworkProperties;
  readonly fees: TransactionFees;
  readonly chainHeight: bigint;
  /** 3 from forkHeights.uniqueAggregateTransactionHash on, else 2 (docs/protocol.md, "Aggregate versions"). */
  readonly aggregateVersion: AggregateVersion;
  readonly blockTimeMs: number;
  /** Node clock − local clock, from /node/time (0 when it cannot be read). */
  readonly clockOffsetMs: number;
  /** Network time now, skew-corrected. */
  readonly networkTime: NetworkClock;
}

/** Inputs of readNodeFacts. */
export interface ReadNodeFactsParameters {
  readonly client: NodeClient;
  /** --network, when given: the node must be on it. */
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly now: Clock;
}

/**
 * Reads /node/info, /network/properties, /network/fees/transaction, /chain/info and /node/time.
 * @throws {InputError} WRONG_NETWORK
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function readNodeFacts(parameters: ReadNodeFactsParameters): Promise<NodeFacts> {
  const { client, now } = parameters;
  const { network, nodeInfo } = await checkNetwork(client, parameters.expectedNetwork);
  const [properties, fees, chain] = await Promise.all([
    client.getNetworkProperties(),
    client.getTransactionFees(),
    client.getChainInfo(),
  ]);
  let clockOffsetMs = 0;
  try {
    clockOffsetMs = await measureClockOffset(client, network.epochAdjustmentSeconds, now);
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
  }
  const forkHeight = properties.forkHeights.uniqueAggregateTransactionHash;
  return {
    client,
    network,
    nodeInfo,
    properties,
    fees,
    chainHeight: chain.height,
    aggregateVersion: forkHeight !== undefined && chain.height >= forkHeight ? 3 : 2,
    blockTimeMs: properties.blockGenerationTargetTimeMs ?? DEFAULT_BLOCK_TIME_MS,
    clockOffsetMs,
    networkTime: networkClock(now, network.epochAdjustmentSeconds, clockOffsetMs),
  };
}
