/**
 * The harvest library: the same capabilities as the CLI, for scripts (docs/ARCHITECTURE.md#the-library).
 * Every export has a one-line doc at its definition and throws only HarvestError subclasses for expected failures.
 * Results hold bigint and Uint8Array: `toJson(result)` writes the document the matching `--json` prints (README,
 * "The library", lists which functions return these wire shapes).
 */

// errors
export {
  HarvestError,
  InputError,
  NodeError,
  RejectedError,
  PendingError,
  CancelledError,
  type HarvestErrorCode,
} from './core/errors.js';

// keys, addresses, networks
export { toHex, parseHex } from './core/bytes.js';
export { parsePrivateKey, parsePublicKey, derivePublicKey } from './core/keys.js';
export { decodeEd25519Pem, encodeEd25519Pem } from './core/pem.js';
export { deriveAddress, encodeAddress, parseAddress } from './core/address.js';
export { MAINNET, TESTNET, parseNetworkName, type NetworkParameters } from './core/network.js';

// delegation messages
export { deriveSharedKey } from './core/crypto/sharedKey.js';
export {
  DELEGATION_MARKER,
  encodeDelegationMessage,
  extractDelegationRecord,
  openDelegationRecord,
  type DelegatedKeys,
  type OpenedDelegation,
} from './core/crypto/delegationMessage.js';
export {
  createDelegationOpener,
  openDelegationRecords,
  type DelegationOpener,
} from './core/crypto/openDelegationRecords.js';
export { splitHarvestersFile } from './core/harvesting/splitHarvestersFile.js';
export { findDelegationTransfers } from './core/transactions/findDelegationTransfers.js';
export {
  decryptDelegationRequests,
  type DecryptCheckResult,
  type DelegationRequestReport,
} from './flows/decryptDelegationRequests.js';

// transactions, planning, keystore and offline signing
export { buildKeyLinkTransaction } from './core/transactions/buildKeyLinkTransaction.js';
export { buildDelegationTransfer } from './core/transactions/buildDelegationTransfer.js';
export { buildAggregate } from './core/transactions/buildAggregate.js';
export { signTransaction, type SignedTransaction } from './core/transactions/signTransaction.js';
export {
  signTransactionsInParallel,
  type SigningJob,
  type ParallelSigningOptions,
} from './flows/sign/signTransactionsInParallel.js';
export { hashTransaction, extractSigningData } from './core/transactions/hashTransaction.js';
export { computeDeadline } from './core/transactions/computeDeadline.js';
export { networkTimeOf, type NetworkTime, type NetworkClock } from './core/networkTime.js';
export { describeTransaction, type TransactionDescription } from './core/transactions/describeTransaction.js';
export { checkAggregateSafety } from './core/transactions/checkAggregateSafety.js';
export { parseTransactionFile, type TransactionFile } from './core/transactions/transactionFile.js';
export type {
  InnerTransaction,
  KeyLinkRole,
  LinkAction,
  AggregateVersion,
  UnsignedTransaction,
} from './core/transactions/transactionTypes.js';
export { planKeyChanges, type KeyChangePlan } from './core/harvesting/planKeyChanges.js';
export type { AccountLinks } from './core/harvesting/accountLinks.js';
export { parseAccountState, type AccountState } from './core/harvesting/parseAccountState.js';
export { parseKeystore, serializeKeystore, type KeystoreFile } from './core/keystore/keystoreFormat.js';
export { createKeystore, unlockKeystore, openPrivateKey } from './core/keystore/keystoreCrypto.js';
export { openKeystore, keystorePath, type KeystoreSession } from './flows/keystore/openKeystore.js';
export { delegate, type ChainFacts } from './flows/delegate.js';
export type {
  DelegatePlan,
  DelegateResult,
  PlannedTransaction,
  ResultTransaction,
  SetupResult,
  UnlinkPlan,
} from './contract/setupResult.js';
export type { OnboardPlan, OnboardResult, OnboardAccountResult } from './contract/onboard.js';
export {
  nodeKeyFromNode,
  nodeKeyFromUser,
  type NodeTransportKey,
} from './core/harvesting/nodeTransportKey.js';
export { signPlan } from './flows/signPlan.js';
export {
  delegateThroughNode,
  type DelegateThroughNodeParameters,
  type DelegateThroughNodeOutcome,
} from './flows/delegateThroughNode.js';
export { readNodeFacts, type NodeFacts } from './flows/lifecycle/readNodeFacts.js';
export { runLifecycle, type LifecycleSession, type PlanStep } from './flows/lifecycle/runLifecycle.js';
export type { TransactionPlan, LifecycleSettings, MainKey } from './flows/lifecycle/plan.js';
export { announceAndWait } from './flows/lifecycle/announceAndWait.js';
export { resumeJournal } from './flows/lifecycle/settleJournal.js';
export { waitForConfirmation } from './flows/lifecycle/waitForConfirmation.js';
export { waitForActivation, waitForNode } from './flows/lifecycle/waitForNode.js';
export { summarizeHarvesting, type HarvestingState } from './core/harvesting/summarizeHarvesting.js';
export { unlinkThroughNode, type UnlinkThroughNodeParameters } from './flows/unlinkThroughNode.js';
export { announceSignedFile, type AnnounceSignedFileParameters } from './flows/announceSignedFile.js';
export { parseAnnounceFile, type AnnounceFile } from './core/transactions/parseAnnounceFile.js';
export { verifyTransactionSignature } from './core/transactions/verifyTransactionSignature.js';

// the node client and the node-operator checks
export { createNodeClient, type NodeClient, type NodeClientOptions } from './node/createNodeClient.js';
export { checkNetwork } from './node/checkNetwork.js';
export { inspectNode, type InspectNodeResult } from './flows/inspectNode.js';
/** Node discovery (docs/commands/nodes.md): candidates probed, judged and ranked; the best one for `--node auto`. */
export {
  discoverNodes,
  NODE_DISCOVERY_DEFAULTS,
  type DiscoverNodesParameters,
  type NodeDiscovery,
} from './flows/nodes/discoverNodes.js';
export { chooseNode, type ChosenNode } from './flows/nodes/chooseNode.js';
export { toNodeListing } from './flows/nodes/toNodeListing.js';
export type { NodeChoice, NodeListing, NodesResult } from './contract/nodes.js';
export type { NodeExclusionReason, RankedNode } from './core/nodes/nodeCandidate.js';
export {
  checkRequestsAgainstChain,
  checkRequestsAgainstChain as checkDelegationRequests,
} from './flows/checkRequestsAgainstChain.js';
export { scanDelegationRequests, type RequestsResult } from './flows/scanDelegationRequests.js';
export {
  readHarvestingStatus,
  type HarvestingStatus,
  type HarvestingStatusReport,
  type GetHarvestingStatusParameters,
} from './flows/getHarvestingStatus.js';
// with Node's defaults: a node URL, an account and a home are enough
export { getHarvestingStatus, type HarvestingStatusParameters } from './library/getHarvestingStatus.js';

// onboarding many accounts (harvest onboard)
export { parseAccountsFile, type AccountRow } from './core/onboarding/parseAccountsFile.js';
export { assignNodes, type NodeAssignment, type NodeCapacity } from './core/onboarding/assignNodes.js';
export type { OnboardAccountsParameters, OnboardAccountInput, OnboardNode } from './flows/onboardAccounts.js';
// with Node's defaults: keys, nodes, a home and a password are enough
export {
  onboardAccounts,
  onboardAccounts as onboard,
  type OnboardParameters,
  type OnboardKey,
} from './library/onboardAccounts.js';

// the real outside world (what the CLI uses), and the JSON writer of the --json contract
export { createNodeFileSystem } from './platform/nodeFileSystem.js';
export { createNodePorts, type NodePorts } from './platform/nodePorts.js';
export { toJson } from './ui/output.js';
export type { Clock, Fetch, FileSystem, RandomBytes, Sleep } from './core/ports.js';

// the command line, in-process
export { main } from './cli/main.js';
