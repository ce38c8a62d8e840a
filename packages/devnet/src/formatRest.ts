/**
 * The Symbol REST gateway's JSON shapes (catapult-rest, docs/protocol.md): uint64 as decimal strings, keys and hashes
 * upper-case hex, addresses as the hex of their 24 raw bytes, network properties as config-file strings.
 */
import { toHex } from './bytes.js';
import type { AccountState, ConfirmedTransaction, TransactionStatus } from './chainState.js';
import type { DecodedBody, DecodedHeader, DecodedTransaction } from './decodeTransaction.js';
import {
  DEFAULT_DYNAMIC_FEE_MULTIPLIER,
  DEVNET_CURRENCY_MOSAIC_ID,
  DEVNET_NETWORK_NAME,
  MAX_HARVESTER_BALANCE,
  MIN_HARVESTER_BALANCE,
} from './settings.js';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** `10000000000` → `10'000'000'000`, as config files write large integers. */
export function groupDigits(value: bigint | number): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "'");
}

/** A mosaic id as the properties file writes it: `0x6BED'913F'A202'23F8`. */
export function formatPropertyMosaicId(id: bigint): string {
  const hex = id.toString(16).toUpperCase().padStart(16, '0');
  return `0x${hex.slice(0, 4)}'${hex.slice(4, 8)}'${hex.slice(8, 12)}'${hex.slice(12)}`;
}

/** A mosaic id as REST writes it elsewhere: 16 upper-case hex digits. */
export function formatMosaicId(id: bigint): string {
  return id.toString(16).toUpperCase().padStart(16, '0');
}

/** Identity and settings that /network/properties reports. */
export interface NetworkPropertiesInput {
  readonly generationHashSeed: Uint8Array;
  readonly epochAdjustmentSeconds: number;
  readonly nemesisSignerPublicKey: Uint8Array;
  readonly blockTimeSeconds: number;
  readonly importanceGrouping: number;
  /** The funded accounts' balances at genesis: initialCurrencyAtomicUnits and totalChainImportance. */
  readonly initialSupply: bigint;
}

/** GET /network/properties: config-network.properties as strings. */
export function formatNetworkProperties(input: NetworkPropertiesInput): Json {
  const currency = formatPropertyMosaicId(DEVNET_CURRENCY_MOSAIC_ID);
  return {
    network: {
      identifier: DEVNET_NETWORK_NAME,
      nemesisSignerPublicKey: toHex(input.nemesisSignerPublicKey),
      nodeEqualityStrategy: 'host',
      generationHashSeed: toHex(input.generationHashSeed),
      epochAdjustment: `${input.epochAdjustmentSeconds}s`,
    },
    chain: {
      enableVerifiableState: true,
      enableVerifiableReceipts: true,
      currencyMosaicId: currency,
      harvestingMosaicId: currency,
      blockGenerationTargetTime: formatDuration(input.blockTimeSeconds),
      blockTimeSmoothingFactor: '3000',
      importanceGrouping: groupDigits(input.importanceGrouping),
      importanceActivityPercentage: '5',
      maxRollbackBlocks: '0',
      maxDifficultyBlocks: '60',
      defaultDynamicFeeMultiplier: groupDigits(DEFAULT_DYNAMIC_FEE_MULTIPLIER),
      maxTransactionLifetime: '6h',
      maxBlockFutureTime: '300ms',
      initialCurrencyAtomicUnits: groupDigits(input.initialSupply),
      maxMosaicAtomicUnits: "8'999'999'999'000'000",
      totalChainImportance: groupDigits(input.initialSupply),
      minHarvesterBalance: groupDigits(MIN_HARVESTER_BALANCE),
      maxHarvesterBalance: groupDigits(MAX_HARVESTER_BALANCE),
      minVoterBalance: "3'000'000'000'000",
      votingSetGrouping: '1440',
      maxVotingKeysPerAccount: '3',
      minVotingKeyLifetime: '112',
      maxVotingKeyLifetime: '360',
      harvestBeneficiaryPercentage: '25',
      harvestNetworkPercentage: '5',
      harvestNetworkFeeSinkAddress: '',
      maxTransactionsPerBlock: "6'000",
    },
    plugins: {
      accountlink: { dummy: 'to trigger plugin load' },
      aggregate: {
        maxTransactionsPerAggregate: '100',
        maxCosignaturesPerAggregate: '25',
        enableStrictCosignatureCheck: false,
        enableBondedAggregateSupport: true,
        maxBondedTransactionLifetime: '48h',
      },
      transfer: { maxMessageSize: '1024' },
      lockhash: { lockedFundsPerAggregate: "10'000'000", maxHashLockDuration: '2d' },
      multisig: {
        maxMultisigDepth: '3',
        maxCosignatoriesPerAccount: '25',
        maxCosignedAccountsPerAccount: '25',
      },
    },
    forkHeights: {
      totalVotingBalanceCalculationFix: '1',
      treasuryReissuance: '1',
      strictAggregateTransactionHash: '1',
      skipSecretLockUniquenessChecks: '1',
      skipSecretLockExpirations: '1',
      forceSecretLockExpirations: '1',
      uniqueAggregateTransactionHash: '1',
    },
  };
}

function formatDuration(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${Math.round(seconds * 1000)}ms`;
}

/** GET /accounts/{id}: the account document (AccountDTO). */
export function formatAccount(account: AccountState, id: string): Json {
  const supplementalPublicKeys: Json = {};
  if (account.links.linked !== undefined)
    supplementalPublicKeys['linked'] = { publicKey: toHex(account.links.linked) };
  if (account.links.node !== undefined)
    supplementalPublicKeys['node'] = { publicKey: toHex(account.links.node) };
  if (account.links.vrf !== undefined)
    supplementalPublicKeys['vrf'] = { publicKey: toHex(account.links.vrf) };
  return {
    id,
    account: {
      version: 1,
      address: toHex(account.address),
      addressHeight: account.addressHeight.toString(),
      publicKey: account.publicKey === undefined ? '0'.repeat(64) : toHex(account.publicKey),
      publicKeyHeight: account.publicKeyHeight.toString(),
      accountType: account.accountType,
      supplementalPublicKeys,
      activityBuckets: [],
      mosaics:
        account.balance > 0n
          ? [{ id: formatMosaicId(DEVNET_CURRENCY_MOSAIC_ID), amount: account.balance.toString() }]
          : [],
      importance: account.importance.toString(),
      importanceHeight: account.importanceHeight.toString(),
    },
  };
}

/** GET /transactionStatus/{hash}. */
export function formatStatus(status: TransactionStatus): Json {
  return {
    group: status.group,
    code: status.code,
    hash: status.hash,
    deadline: status.deadline.toString(),
    height: status.height.toString(),
  };
}

/** A confirmed top-level transaction (`withEmbedded` adds the aggregate's inner transactions, as the by-id route does). */
export function formatConfirmed(entry: ConfirmedTransaction, withEmbedded: boolean): Json {
  const transaction = entry.transaction;
  return {
    id: entry.id,
    meta: {
      height: entry.height.toString(),
      hash: toHex(transaction.hash),
      merkleComponentHash: toHex(transaction.merkleComponentHash),
      index: entry.index,
      timestamp: entry.timestamp.toString(),
      feeMultiplier: entry.feeMultiplier,
    },
    transaction: formatTopLevel(transaction, withEmbedded ? entry : undefined),
  };
}

/** One embedded transaction as a search result with embedded=true. */
export function formatEmbedded(entry: ConfirmedTransaction, index: number, id: string): Json {
  const body = entry.transaction.body;
  const inner = body.kind === 'aggregate' ? body.embedded[index] : undefined;
  if (inner === undefined) throw new RangeError('no such embedded transaction');
  return {
    id,
    meta: {
      height: entry.height.toString(),
      aggregateHash: toHex(entry.transaction.hash),
      aggregateId: entry.id,
      index,
      timestamp: entry.timestamp.toString(),
      feeMultiplier: entry.feeMultiplier,
    },
    transaction: formatHeader(inner),
  };
}

function formatTopLevel(transaction: DecodedTransaction, embeddedOf: ConfirmedTransaction | undefined): Json {
  const result: Json = {
    size: transaction.size,
    signature: toHex(transaction.signature),
    signerPublicKey: toHex(transaction.signerPublicKey),
    version: transaction.version,
    network: transaction.network,
    type: transaction.type,
    maxFee: transaction.maxFee.toString(),
    deadline: transaction.deadline.toString(),
    ...formatBody(transaction.body),
  };
  if (embeddedOf !== undefined && transaction.body.kind === 'aggregate') {
    result['transactions'] = transaction.body.embedded.map((_inner, index) =>
      formatEmbedded(embeddedOf, index, embeddedId(embeddedOf.id, index)),
    );
  }
  return result;
}

/** A stable id for the index-th embedded transaction of an aggregate document. */
export function embeddedId(aggregateId: string, index: number): string {
  return `${aggregateId.slice(0, 16)}${(index + 1).toString(16).toUpperCase().padStart(8, '0')}`;
}

function formatHeader(inner: DecodedHeader): Json {
  return {
    signerPublicKey: toHex(inner.signerPublicKey),
    version: inner.version,
    network: inner.network,
    type: inner.type,
    ...formatBody(inner.body),
  };
}

function formatBody(body: DecodedBody): Json {
  switch (body.kind) {
    case 'transfer':
      return {
        recipientAddress: toHex(body.recipientAddress),
        ...(body.message.length > 0 ? { message: toHex(body.message) } : {}),
        mosaics: body.mosaics.map((mosaic) => ({
          id: formatMosaicId(mosaic.id),
          amount: mosaic.amount.toString(),
        })),
      };
    case 'accountKeyLink':
    case 'vrfKeyLink':
    case 'nodeKeyLink':
      return { linkedPublicKey: toHex(body.linkedPublicKey), linkAction: body.linkAction };
    case 'aggregate':
      return {
        transactionsHash: toHex(body.transactionsHash),
        cosignatures: body.cosignatures.map((cosignature) => ({
          version: '0',
          signerPublicKey: toHex(cosignature.signerPublicKey),
          signature: toHex(cosignature.signature),
        })),
      };
    case 'hashLock':
      return {
        mosaicId: formatMosaicId(body.mosaic.id),
        amount: body.mosaic.amount.toString(),
        duration: body.duration.toString(),
        hash: toHex(body.hash),
      };
    case 'multisigAccountModification':
      return {
        minRemovalDelta: body.minRemovalDelta,
        minApprovalDelta: body.minApprovalDelta,
        addressAdditions: body.addressAdditions.map(toHex),
        addressDeletions: body.addressDeletions.map(toHex),
      };
    case 'unsupported':
      return {};
  }
}
