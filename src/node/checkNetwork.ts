/**
 * Which network a node is on, checked against --network (docs/cli.md): the node must match both the identifier
 * byte and the generation hash seed of the network asked for (public, or a private one from a network file);
 * without --network a private network is described by the node itself from /node/info and /network/properties.
 */
import { equalBytes, toHex } from '../core/bytes.js';
import { describeNetwork } from '../core/describeNetwork.js';
import { InputError } from '../core/errors.js';
import { MAINNET, TESTNET, knownPublicNetwork, type NetworkParameters } from '../core/network.js';
import type { NodeClient } from './createNodeClient.js';
import type { NodeInfo } from './getNodeInfo.js';

/** The node's network and its /node/info (read once, reused by callers). */
export interface CheckedNetwork {
  readonly network: NetworkParameters;
  readonly nodeInfo: NodeInfo;
}

/**
 * Reads the node's network and checks it against the one asked for.
 * @throws {InputError} WRONG_NETWORK when `expected` is given and the node is on another network
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function checkNetwork(
  client: Pick<NodeClient, 'getNodeInfo' | 'getNetworkProperties' | 'url'>,
  expected: NetworkParameters | undefined,
): Promise<CheckedNetwork> {
  const nodeInfo = await client.getNodeInfo();
  const matches = (network: NetworkParameters) =>
    network.identifier === nodeInfo.networkIdentifier &&
    equalBytes(network.generationHashSeed, nodeInfo.networkGenerationHashSeed);
  if (expected !== undefined) {
    if (!matches(expected)) {
      const nodeNetwork = {
        identifier: nodeInfo.networkIdentifier,
        generationHashSeed: nodeInfo.networkGenerationHashSeed,
      };
      throw new InputError(
        'WRONG_NETWORK',
        `${client.url} is on ${describeNetwork(nodeNetwork)}, not on ${describeNetwork(expected)}`,
        {
          hint: `use a node of ${describeNetwork(expected)}, or leave out --network to take the node's network`,
          details: {
            expectedIdentifier: expected.identifier,
            nodeIdentifier: nodeInfo.networkIdentifier,
            expectedGenerationHashSeed: toHex(expected.generationHashSeed),
            nodeGenerationHashSeed: toHex(nodeInfo.networkGenerationHashSeed),
          },
        },
      );
    }
    if (knownPublicNetwork(expected) !== undefined) return { network: expected, nodeInfo };
    // a network file: the node, now known to be on it, is the authority for its epoch and currency
    const properties = await client.getNetworkProperties();
    return {
      nodeInfo,
      network: {
        ...expected,
        epochAdjustmentSeconds: properties.epochAdjustmentSeconds,
        currencyMosaicId: properties.currencyMosaicId,
      },
    };
  }
  const known = [MAINNET, TESTNET].find(matches);
  if (known !== undefined) return { network: known, nodeInfo };
  const properties = await client.getNetworkProperties();
  return {
    nodeInfo,
    network: {
      name: properties.networkName ?? 'private',
      identifier: nodeInfo.networkIdentifier,
      generationHashSeed: nodeInfo.networkGenerationHashSeed,
      epochAdjustmentSeconds: properties.epochAdjustmentSeconds,
      currencyMosaicId: properties.currencyMosaicId,
    },
  };
}
