/**
 * The first half of one account's round of `harvest keep`: read the state exactly as `status` does (the asked node,
 * the linked node, the keystore without its password), add what the journal says, and decide (decideKeepAction).
 * Nothing is sent here; the runner persists the outage before anything is acted on.
 */
import { parseHex } from '../../core/bytes.js';
import {
  decideKeepAction,
  type KeepDecision,
  type KeepOutage,
  type KeepThresholds,
} from '../../core/harvesting/decideKeepAction.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import type { NetworkParameters } from '../../core/network.js';
import type { Clock, FileSystem } from '../../core/ports.js';
import { findDelegationTransfers } from '../../core/transactions/findDelegationTransfers.js';
import type { HarvestingStatusReport } from '../../contract/status.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { readHarvestingStatus, type StatusAccount } from '../getHarvestingStatus.js';
import { readKeystoreFile } from '../keystore/readKeystoreFile.js';

/** One account keep looks after. */
export interface KeepAccount {
  /** How errors name it: the key file, the accounts line, or the keystore. */
  readonly label: string;
  /** How status names it: its public key (from the key or the keystore) or its address. */
  readonly account: StatusAccount;
  /** The main private key, when at hand: without it keep only watches. */
  readonly privateKey: Uint8Array | undefined;
}

/** Inputs of assessKeepAccount. */
export interface AssessKeepAccountParameters {
  readonly client: NodeClient;
  readonly connect: (url: string) => NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly files: FileSystem;
  readonly home: string;
  readonly now: Clock;
  readonly thresholds: KeepThresholds;
  /** The fallback node URLs given (keep drops the linked one itself). */
  readonly fallbackNodeUrls: readonly string[];
  readonly onWarning?: ((text: string) => void) | undefined;
}

/** What the round found for one account. */
export interface KeepAssessment {
  readonly mainAddress: string;
  readonly report: HarvestingStatusReport;
  readonly keystore: KeystoreFile | undefined;
  readonly decision: KeepDecision;
}

/**
 * Reads and decides one account's round.
 * @param remembered the outage the keeper remembers for this account
 * @param sentWithoutJournal a request this keeper made without a journal entry (--dry-run) in this outage
 * @throws {NodeError} NODE_* when the asked node cannot be read
 */
export async function assessKeepAccount(
  parameters: AssessKeepAccountParameters,
  account: KeepAccount,
  remembered: KeepOutage | undefined,
  sentWithoutJournal: boolean,
): Promise<KeepAssessment> {
  const report = await readHarvestingStatus({
    client: parameters.client,
    account: account.account,
    expectedNetwork: parameters.expectedNetwork,
    keystore: { files: parameters.files, home: parameters.home, onWarning: parameters.onWarning },
    connect: parameters.connect,
    now: parameters.now,
  });
  const { status } = report;
  const keystore = await readKeystoreFile(parameters.files, parameters.home, status.mainAddress);
  const linked = status.links;
  const delegated =
    linked.remote !== null &&
    linked.vrf !== null &&
    linked.node !== null &&
    !status.reasons.includes('REMOTE_KEY_NOT_IN_KEYSTORE');
  const linkedNodeUrl = status.linkedNodeUrl;
  const hasFallback = parameters.fallbackNodeUrls.some((url) => url !== linkedNodeUrl);
  const newestRequest = remembered === undefined ? undefined : newestRequestSince(keystore, remembered.since);
  const decision = decideKeepAction(
    {
      state: status.state,
      reasons: status.reasons,
      chainHeight: report.details.chainHeight,
      delegated,
      transactionInFlight:
        keystore?.journal.some((entry) => entry.state === 'signed' || entry.state === 'announced') === true,
      requestSentThisOutage: sentWithoutJournal || newestRequest !== undefined,
      blocksSinceRequest:
        newestRequest === undefined
          ? undefined
          : BigInt(
              Math.max(
                0,
                Math.floor(
                  (parameters.now().getTime() - newestRequest) /
                    (report.details.blockTimeMs ?? DEFAULT_BLOCK_TIME_MS),
                ),
              ),
            ),
      canSign: account.privateKey !== undefined,
      hasFallback,
      now: parameters.now().toISOString(),
    },
    remembered,
    parameters.thresholds,
  );
  return { mainAddress: status.mainAddress, report, keystore, decision };
}

/** Block time assumed when the node does not say (mainnet's). */
const DEFAULT_BLOCK_TIME_MS = 30_000;

/** When (ms) the newest delegation request (not failed) the journal holds from `since` on was made; undefined if none. */
function newestRequestSince(keystore: KeystoreFile | undefined, since: string): number | undefined {
  const from = Date.parse(since);
  const times = (keystore?.journal ?? [])
    .filter(
      (entry) =>
        entry.state !== 'failed' &&
        Date.parse(entry.createdAt) >= from &&
        findDelegationTransfers(parseHex(entry.payload, { name: 'journal payload' })).length > 0,
    )
    .map((entry) => Date.parse(entry.createdAt));
  return times.length === 0 ? undefined : Math.max(...times);
}
