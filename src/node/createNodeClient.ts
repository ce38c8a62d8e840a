/**
 * A node client: every endpoint function bound to one node (URL, fetch, timeout, retries), so flows take one
 * object and tests can hand them a fake with the same shape.
 */
import type { Fetch, Sleep } from '../core/ports.js';
import type { DetachedCosignature } from '../core/transactions/cosignAggregateHash.js';
import { announceCosignature } from './announceCosignature.js';
import { announcePartialTransaction } from './announcePartialTransaction.js';
import { announceTransaction } from './announceTransaction.js';
import { getAccount, type AccountId, type AccountInfo } from './getAccount.js';
import { getAccounts } from './getAccounts.js';
import { getBlock, type BlockHeader } from './getBlock.js';
import { getChainInfo, type ChainInfo } from './getChainInfo.js';
import { getConfirmedTransaction } from './getConfirmedTransaction.js';
import { getHashLocks, type HashLockInfo } from './getHashLocks.js';
import { getMultisigInfo, type MultisigInfo } from './getMultisigInfo.js';
import { getPartialTransaction } from './getPartialTransaction.js';
import type { PartialAggregate } from './readPartialAggregate.js';
import { searchPartialTransactions, type PartialFilter } from './searchPartialTransactions.js';
import { getNetworkProperties, type NetworkProperties } from './getNetworkProperties.js';
import { getNodeInfo, type NodeInfo } from './getNodeInfo.js';
import { getNodeServer, type NodeServer } from './getNodeServer.js';
import { getNodeTime, type NodeTime } from './getNodeTime.js';
import type { TransactionFees } from '../core/transactions/transactionFees.js';
import { getTransactionFees } from './getTransactionFees.js';
import { getTransactionStatus, type TransactionStatus } from './getTransactionStatus.js';
import { getUnlockedAccounts } from './getUnlockedAccounts.js';
import type { TransactionEntry } from './readTransactionEntry.js';
import type { NodeTransport } from './request.js';
import {
  searchConfirmedTransactions,
  type SearchConfirmedPage,
  type SearchConfirmedParameters,
} from './searchConfirmedTransactions.js';
import {
  searchTransactionStatements,
  type SearchStatementsParameters,
  type StatementsPage,
} from './searchTransactionStatements.js';

/** The Symbol REST endpoints we use, bound to one node. */
export interface NodeClient {
  /** Base URL, without a trailing slash. */
  readonly url: string;
  getNodeInfo(): Promise<NodeInfo>;
  getNodeServer(): Promise<NodeServer>;
  getNodeTime(): Promise<NodeTime>;
  getUnlockedAccounts(): Promise<Uint8Array[]>;
  getNetworkProperties(): Promise<NetworkProperties>;
  getTransactionFees(): Promise<TransactionFees>;
  getChainInfo(): Promise<ChainInfo>;
  getAccount(id: AccountId): Promise<AccountInfo | undefined>;
  /** POST /accounts: the known accounts of up to 100 public keys; undefined when the gateway has no such route. */
  getAccounts(publicKeys: readonly Uint8Array[]): Promise<AccountInfo[] | undefined>;
  announceTransaction(payload: Uint8Array): Promise<void>;
  getTransactionStatus(hash: Uint8Array): Promise<TransactionStatus | undefined>;
  searchConfirmedTransactions(parameters: SearchConfirmedParameters): Promise<SearchConfirmedPage>;
  getConfirmedTransaction(hash: Uint8Array): Promise<TransactionEntry | undefined>;
  /** GET /blocks/{height}; undefined beyond the chain. */
  getBlock(height: bigint): Promise<BlockHeader | undefined>;
  /** GET /statements/transaction: one page. */
  searchTransactionStatements(parameters: SearchStatementsParameters): Promise<StatementsPage>;
  /** The multisig side (issue 12): setup, hash locks, the partial cache, cosignatures. */
  getMultisigInfo(address: Uint8Array): Promise<MultisigInfo | undefined>;
  getHashLocks(ownerAddress: Uint8Array): Promise<HashLockInfo[]>;
  searchPartialTransactions(filter: PartialFilter): Promise<Uint8Array[]>;
  getPartialTransaction(hash: Uint8Array): Promise<PartialAggregate | undefined>;
  announcePartialTransaction(payload: Uint8Array): Promise<void>;
  announceCosignature(cosignature: DetachedCosignature): Promise<void>;
}

/** Options of createNodeClient. */
export interface NodeClientOptions {
  readonly url: string;
  readonly fetch: Fetch;
  /** Per attempt; --timeout. */
  readonly timeoutMs: number;
  readonly sleep: Sleep;
  /** Extra attempts of reads after a 5xx or a reset connection; 8 by default (docs/cli.md, "Retries"). */
  readonly retries?: number;
  /** A number in [0, 1) for the jitter of the backoff; Math.random by default. */
  readonly random?: () => number;
}

/** Extra attempts of a read: with the backoff (0.25, 0.5, 1, 2, 4, 4, 4, 4 s, each 50–100 %) at most ~20 s. */
export const DEFAULT_READ_RETRIES = 8;

/** Binds every endpoint to one node. */
export function createNodeClient(options: NodeClientOptions): NodeClient {
  const transport: NodeTransport = {
    url: options.url.replace(/\/+$/, ''),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    sleep: options.sleep,
    retries: options.retries ?? DEFAULT_READ_RETRIES,
    random: options.random,
  };
  return {
    url: transport.url,
    getNodeInfo: () => getNodeInfo(transport),
    getNodeServer: () => getNodeServer(transport),
    getNodeTime: () => getNodeTime(transport),
    getUnlockedAccounts: () => getUnlockedAccounts(transport),
    getNetworkProperties: () => getNetworkProperties(transport),
    getTransactionFees: () => getTransactionFees(transport),
    getChainInfo: () => getChainInfo(transport),
    getAccount: (id) => getAccount(transport, id),
    getAccounts: (publicKeys) => getAccounts(transport, publicKeys),
    announceTransaction: (payload) => announceTransaction(transport, payload),
    getTransactionStatus: (hash) => getTransactionStatus(transport, hash),
    searchConfirmedTransactions: (parameters) => searchConfirmedTransactions(transport, parameters),
    getConfirmedTransaction: (hash) => getConfirmedTransaction(transport, hash),
    getBlock: (height) => getBlock(transport, height),
    searchTransactionStatements: (parameters) => searchTransactionStatements(transport, parameters),
    getMultisigInfo: (address) => getMultisigInfo(transport, address),
    getHashLocks: (ownerAddress) => getHashLocks(transport, ownerAddress),
    searchPartialTransactions: (filter) => searchPartialTransactions(transport, filter),
    getPartialTransaction: (hash) => getPartialTransaction(transport, hash),
    announcePartialTransaction: (payload) => announcePartialTransaction(transport, payload),
    announceCosignature: (cosignature) => announceCosignature(transport, cosignature),
  };
}
