/**
 * The devnet's chain constants and the options of startDevnet, with the defaults of docs/devnet.md (a quiet public
 * node: minimum fee multiplier 100, 10 delegate slots, harvester bounds 10,000 / 50,000,000 XYM).
 */
import type { MultisigSpec } from './multisigGenesis.js';
import type { FaultSettings } from './parseFaults.js';

/** Network identifier of the devnet (the testnet byte, 0x98: addresses start with T). */
export const DEVNET_NETWORK_IDENTIFIER = 152;
/** The name a catapult node writes for identifier 152 in config-network.properties. */
export const DEVNET_NETWORK_NAME = 'testnet';
/** The devnet currency (and harvesting) mosaic id. */
export const DEVNET_CURRENCY_MOSAIC_ID = 0x3a8416db2d53b6c8n;
/** 10,000 XYM in µXYM (mainnet minHarvesterBalance). */
export const MIN_HARVESTER_BALANCE = 10_000_000_000n;
/** 50,000,000 XYM in µXYM (mainnet maxHarvesterBalance). */
export const MAX_HARVESTER_BALANCE = 50_000_000_000_000n;
/** maxTransactionLifetime (6 h) in ms. */
export const MAX_TRANSACTION_LIFETIME_MS = 6n * 3600n * 1000n;
/** maxMessageSize of the transfer plugin. */
export const MAX_MESSAGE_SIZE = 1024;
/** defaultDynamicFeeMultiplier: what blocks charge per byte. */
export const DEFAULT_DYNAMIC_FEE_MULTIPLIER = 100;
/** The catapult version REST reports for 1.0.3.9. */
export const NODE_VERSION = 16777993;

/** Options of startDevnet (all optional). */
export interface DevnetOptions {
  /** TCP port of node 0 (0 = any free port); node i listens on port + i when port is not 0. */
  readonly port?: number;
  readonly host?: string;
  /** State folder; kept and resumed. Without it a temporary folder is used and removed on close. */
  readonly stateDir?: string;
  /** Seconds between blocks; 0 = manual (blocks only through mineBlock()). */
  readonly blockTimeSeconds?: number;
  readonly accounts?: number;
  readonly nodes?: number;
  readonly maxUnlockedAccounts?: number;
  readonly importanceGrouping?: number;
  readonly minFeeMultiplier?: number;
  readonly faults?: FaultSettings;
  /** Multisig accounts created at genesis (`--multisig 2-of-3`, repeatable); ignored when resuming a chain. */
  readonly multisig?: readonly MultisigSpec[];
  /** Clock in ms since 1970 (tests inject it). */
  readonly now?: () => number;
  /** Randomness for keys and seeds. */
  readonly random?: (length: number) => Uint8Array;
  /** A number in [0, 1) for fault decisions. */
  readonly faultRandom?: () => number;
  /** Where log lines go (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** Options with every default filled in. */
export interface DevnetSettings {
  readonly port: number;
  readonly host: string;
  readonly blockTimeSeconds: number;
  readonly accounts: number;
  readonly nodes: number;
  readonly maxUnlockedAccounts: number;
  readonly importanceGrouping: number;
  readonly minFeeMultiplier: number;
  readonly faults: FaultSettings;
  readonly multisig: readonly MultisigSpec[];
}

/** Fills in the defaults and checks the ranges. */
export function resolveDevnetSettings(options: DevnetOptions): DevnetSettings {
  const settings: DevnetSettings = {
    port: options.port ?? 3000,
    host: options.host ?? '127.0.0.1',
    blockTimeSeconds: options.blockTimeSeconds ?? 1,
    accounts: options.accounts ?? 10,
    nodes: options.nodes ?? 1,
    maxUnlockedAccounts: options.maxUnlockedAccounts ?? 10,
    importanceGrouping: options.importanceGrouping ?? 10,
    minFeeMultiplier: options.minFeeMultiplier ?? 100,
    faults: options.faults ?? { errorRate: 0, latencyMs: 0, dropAnnounceRate: 0 },
    multisig: options.multisig ?? [],
  };
  if (settings.multisig.length > MAX_GENESIS_MULTISIG_ACCOUNTS) {
    throw new RangeError(
      `at most ${MAX_GENESIS_MULTISIG_ACCOUNTS} multisig accounts, got ${settings.multisig.length}`,
    );
  }
  for (const spec of settings.multisig) {
    checkInteger('multisig cosignatories', spec.cosignatories, 1, MAX_COSIGNATORIES_PER_ACCOUNT);
    checkInteger('multisig minApproval', spec.minApproval, 1, spec.cosignatories);
  }
  checkInteger('port', settings.port, 0, 65535);
  checkInteger('accounts', settings.accounts, 0, 10_000);
  checkInteger('nodes', settings.nodes, 1, 32);
  checkInteger('maxUnlockedAccounts', settings.maxUnlockedAccounts, 0, 10_000);
  checkInteger('importanceGrouping', settings.importanceGrouping, 1, 1_000_000);
  checkInteger('minFeeMultiplier', settings.minFeeMultiplier, 0, 1_000_000);
  if (!(settings.blockTimeSeconds >= 0 && settings.blockTimeSeconds <= 3600)) {
    throw new RangeError(`blockTimeSeconds must be between 0 and 3600, got ${settings.blockTimeSeconds}`);
  }
  return settings;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Balance of funded account i of n: all within the harvester bounds, each lower than the one before. */
export function fundedBalance(index: number, count: number): bigint {
  return (100_000n + BigInt(count - index) * 1_000n) * 1_000_000n;
}

/** ConvertToImportanceHeight(height): floor((height − 1) / grouping) · grouping, at least 1 (HeightGrouping.h). */
export function importanceHeightFor(height: bigint, grouping: number): bigint {
  const grouped = ((height - 1n) / BigInt(grouping)) * BigInt(grouping);
  return grouped < 1n ? 1n : grouped;
}

/** lockedFundsPerAggregate: 10 XYM in µXYM (mainnet lock hash plugin). */
export const LOCKED_FUNDS_PER_AGGREGATE = 10_000_000n;
/** maxHashLockDuration: 2 days, in seconds (converted to blocks with the block time). */
export const MAX_HASH_LOCK_DURATION_SECONDS = 2 * 24 * 3600;
/** maxBondedTransactionLifetime (48 h) in ms: a bonded aggregate's deadline may be that far ahead. */
export const MAX_BONDED_TRANSACTION_LIFETIME_MS = 48n * 3600n * 1000n;
/** At most this many multisig accounts at genesis (`--multisig`). */
export const MAX_GENESIS_MULTISIG_ACCOUNTS = 100;
/** maxCosignatoriesPerAccount of the multisig plugin. */
export const MAX_COSIGNATORIES_PER_ACCOUNT = 25;
