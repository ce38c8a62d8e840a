/**
 * GET /network/properties: config-network.properties as strings (docs/protocol.md §5), parsed into the few values we
 * use. Harvesting eligibility (minHarvesterBalance ≤ balance ≤ maxHarvesterBalance of harvestingMosaicId), the
 * importance grouping, lifetimes for deadlines, and the fork height that makes aggregates V3.
 */
import { badField, dtoGet, dtoHas, dtoHex, dtoString, type DtoField } from './readDto.js';
import { dtoRoot } from './readDto.js';
import { parsePropertyDurationMs, parsePropertyHexId, parsePropertyInteger } from './parseProperty.js';
import { requestJson, type NodeTransport } from './request.js';

/** The parts of /network/properties we use. */
export interface NetworkProperties {
  /** network.identifier: "mainnet", "testnet", or a private network's name. */
  readonly networkName: string | undefined;
  readonly generationHashSeed: Uint8Array | undefined;
  readonly epochAdjustmentSeconds: number;
  readonly currencyMosaicId: bigint;
  /** The mosaic whose balance decides eligibility; the currency mosaic when the node omits it. */
  readonly harvestingMosaicId: bigint;
  readonly minHarvesterBalance: bigint;
  readonly maxHarvesterBalance: bigint;
  /** Blocks between importance recalculations (720 on mainnet), when given. */
  readonly importanceGrouping: bigint | undefined;
  readonly blockGenerationTargetTimeMs: number | undefined;
  readonly maxTransactionLifetimeMs: number | undefined;
  readonly defaultDynamicFeeMultiplier: bigint | undefined;
  /** chain.totalChainImportance: what the importances of all accounts add up to, when given. */
  readonly totalChainImportance?: bigint | undefined;
  /** plugins.lockhash: the deposit of a bonded aggregate and how long its lock may last, when given. */
  readonly hashLock?: {
    readonly lockedFundsPerAggregate: bigint | undefined;
    readonly maxHashLockDurationMs: number | undefined;
  };
  readonly forkHeights: {
    /** From this height aggregates must be V3 (docs/protocol.md §3.4). */
    readonly uniqueAggregateTransactionHash: bigint | undefined;
    readonly strictAggregateTransactionHash: bigint | undefined;
  };
}

/**
 * Reads /network/properties.
 * @throws {NodeError} NODE_* when the node cannot be read, or a property we need is missing or malformed
 */
export async function getNetworkProperties(transport: NodeTransport): Promise<NetworkProperties> {
  const path = '/network/properties';
  const root = dtoRoot(path, await requestJson(transport, path));
  const network = dtoGet(root, 'network');
  const chain = dtoGet(root, 'chain');
  const forks = dtoGet(root, 'forkHeights');
  const optional = <T>(parent: DtoField, key: string, parse: (field: DtoField) => T): T | undefined => {
    if (!dtoHas(parent)) return undefined;
    const field = dtoGet(parent, key);
    return dtoHas(field) ? parse(field) : undefined;
  };
  const currencyMosaicId = readProperty(dtoGet(chain, 'currencyMosaicId'), parsePropertyHexId, 'a mosaic id');
  const integer = (field: DtoField) => readProperty(field, parsePropertyInteger, 'an integer');
  const duration = (field: DtoField) => readProperty(field, parsePropertyDurationMs, 'a duration');
  const epochMs = duration(dtoGet(network, 'epochAdjustment'));
  const plugins = dtoGet(root, 'plugins');
  const lockhash = dtoHas(plugins) ? dtoGet(plugins, 'lockhash') : plugins;
  return {
    networkName: optional(network, 'identifier', dtoString),
    generationHashSeed: optional(network, 'generationHashSeed', (field) => dtoHex(field, 32)),
    epochAdjustmentSeconds: Math.floor(epochMs / 1000),
    currencyMosaicId,
    harvestingMosaicId:
      optional(chain, 'harvestingMosaicId', (field) =>
        readProperty(field, parsePropertyHexId, 'a mosaic id'),
      ) ?? currencyMosaicId,
    minHarvesterBalance: integer(dtoGet(chain, 'minHarvesterBalance')),
    maxHarvesterBalance: integer(dtoGet(chain, 'maxHarvesterBalance')),
    importanceGrouping: optional(chain, 'importanceGrouping', integer),
    blockGenerationTargetTimeMs: optional(chain, 'blockGenerationTargetTime', duration),
    maxTransactionLifetimeMs: optional(chain, 'maxTransactionLifetime', duration),
    defaultDynamicFeeMultiplier: optional(chain, 'defaultDynamicFeeMultiplier', integer),
    totalChainImportance: optional(chain, 'totalChainImportance', integer),
    hashLock: {
      lockedFundsPerAggregate: optional(lockhash, 'lockedFundsPerAggregate', integer),
      maxHashLockDurationMs: optional(lockhash, 'maxHashLockDuration', duration),
    },
    forkHeights: {
      uniqueAggregateTransactionHash: optional(forks, 'uniqueAggregateTransactionHash', integer),
      strictAggregateTransactionHash: optional(forks, 'strictAggregateTransactionHash', integer),
    },
  };
}

function readProperty<T>(field: DtoField, parse: (text: string) => T | undefined, expected: string): T {
  const value = parse(dtoString(field));
  if (value === undefined) throw badField(field, expected);
  return value;
}
