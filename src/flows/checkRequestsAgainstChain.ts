/**
 * The node operator's check of decrypted delegation requests against chain state, with the node's own rules
 * (docs/protocol.md §2.3 isMainAccountEligibleForDelegation, §2.4 pruning; docs/commands/decrypt-check.md):
 *
 *   main account known by public key          else UNKNOWN_MAIN_ACCOUNT
 *   its AccountKeyLink = remote public key    else REMOTE_KEY_MISMATCH
 *   its VrfKeyLink     = VRF public key       else VRF_KEY_MISMATCH
 *   its NodeKeyLink    = node transport key   else NODE_KEY_MISMATCH
 *   importance > 0                            else ZERO_IMPORTANCE       (pruned at once, §2.4)
 *   on chain at height H: the account existed at the importance calculation in force at H
 *                                             else REQUEST_SENT_AT_ZERO_IMPORTANCE (the node dropped it then)
 *   min ≤ balance(harvesting mosaic) ≤ max    else BALANCE_OUT_OF_RANGE  (pruned at once, §2.4)
 *
 * Any of these makes the verdict REJECTED. SUPERSEDED (a newer request from the same main account in this run) is
 * informational. `unlocked` says whether /node/unlockedaccount lists the remote key (null when it cannot be read).
 * When the main account is not known (harvesters.dat, --message), it is found through the remote account, whose
 * AccountKeyLink points back to its main.
 */
import { equalBytes, toHex } from '../core/bytes.js';
import { NodeError } from '../core/errors.js';
import type { NetworkParameters } from '../core/network.js';
import { checkNetwork } from '../node/checkNetwork.js';
import { checkNodeKeyMatches } from './checkNodeKeyMatches.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { ACCOUNT_TYPE, accountBalance, type AccountInfo } from '../node/getAccount.js';
import type { DelegationRequestReport } from './decryptDelegationRequests.js';
import { readAccountsByPublicKey, type AccountsByKey } from './readAccountsByPublicKey.js';

/** Reasons that reject a request (the node would refuse or prune it). */
export const REJECTING_REASONS = [
  'UNKNOWN_MAIN_ACCOUNT',
  'REMOTE_KEY_MISMATCH',
  'VRF_KEY_MISMATCH',
  'NODE_KEY_MISMATCH',
  'ZERO_IMPORTANCE',
  'REQUEST_SENT_AT_ZERO_IMPORTANCE',
  'BALANCE_OUT_OF_RANGE',
] as const;

/** Informational reason: a newer request from the same main account exists in the same run. */
export const SUPERSEDED = 'SUPERSEDED';

/** Options of checkRequestsAgainstChain. */
export interface ChainCheckParameters {
  /** The node's transport public key (the key the requests were opened with). */
  readonly nodePublicKey: Uint8Array;
  /** --network, checked against the node when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  /**
   * Accounts already being read (scanDelegationRequests starts while the records are opened), maybe more than the
   * check needs; the rest are read here. A failed read there is not an error here.
   */
  readonly accounts?: Promise<AccountsByKey>;
}

/**
 * Adds verdict, reasons and unlocked to every opened request. `reports` must be in chronological order (oldest
 * first), which decides SUPERSEDED. Requests that did not open keep verdict null.
 * @throws {InputError} WRONG_NETWORK
 * @throws {NodeError} NODE_* when the node cannot be read (except /node/unlockedaccount, which gives null)
 */
export async function checkRequestsAgainstChain<
  T extends DelegationRequestReport & { readonly height?: bigint },
>(client: NodeClient, reports: readonly T[], parameters: ChainCheckParameters): Promise<T[]> {
  const { nodeInfo } = await checkNetwork(client, parameters.expectedNetwork);
  checkNodeKeyMatches(nodeInfo, parameters.nodePublicKey, client.url);
  const [properties, unlocked] = await Promise.all([
    client.getNetworkProperties(),
    client.getUnlockedAccounts().then(
      (keys) => new Set(keys.map(toHex)),
      (error: unknown) => {
        if (error instanceof NodeError) return null;
        throw error;
      },
    ),
  ]);
  // every account read before the checks, in batches, once each: the known mains and, for requests without one
  // (harvesters.dat, --message), the remote accounts first, then the mains they point back to
  const opened = reports.filter(
    (report) => report.ok && report.remotePublicKey !== null && report.vrfPublicKey !== null,
  );
  // best effort: the prefetch reads the mains of every request found, also of those that did not open; an account
  // only it wanted must not fail the check (the accounts needed are read here when it failed)
  const prefetched: AccountsByKey =
    (await parameters.accounts?.catch(() => undefined)) ?? new Map<string, AccountInfo | undefined>();
  const accounts = await readAccountsByPublicKey(
    client,
    opened.map((report) => report.mainPublicKey ?? report.remotePublicKey!),
    prefetched,
  );
  const lookup = (publicKey: Uint8Array) => accounts.get(toHex(publicKey));
  const mainsThroughRemotes = opened.flatMap((report) =>
    report.mainPublicKey === null ? [findMainThroughRemote(lookup, report.remotePublicKey!)] : [],
  );
  await readAccountsByPublicKey(
    client,
    mainsThroughRemotes.filter((key) => key !== null),
    accounts,
  );

  const checked: T[] = [];
  for (const report of reports) {
    if (!report.ok || report.remotePublicKey === null || report.vrfPublicKey === null) {
      checked.push(report);
      continue;
    }
    const mainPublicKey = report.mainPublicKey ?? findMainThroughRemote(lookup, report.remotePublicKey);
    const main = mainPublicKey === null ? undefined : lookup(mainPublicKey);
    const reasons = [...report.reasons];
    if (main === undefined) {
      reasons.push('UNKNOWN_MAIN_ACCOUNT');
    } else {
      if (!sameKey(main.links.remote, report.remotePublicKey)) reasons.push('REMOTE_KEY_MISMATCH');
      if (!sameKey(main.links.vrf, report.vrfPublicKey)) reasons.push('VRF_KEY_MISMATCH');
      if (main.links.node === undefined || !equalBytes(main.links.node, parameters.nodePublicKey))
        reasons.push('NODE_KEY_MISMATCH');
      if (main.importance === 0n) reasons.push('ZERO_IMPORTANCE');
      if (sentBeforeFirstImportance(main, report.height, properties.importanceGrouping))
        reasons.push('REQUEST_SENT_AT_ZERO_IMPORTANCE');
      const balance = accountBalance(main, properties.harvestingMosaicId);
      if (balance < properties.minHarvesterBalance || balance > properties.maxHarvesterBalance)
        reasons.push('BALANCE_OUT_OF_RANGE');
    }
    const rejected = reasons.some((reason) => (REJECTING_REASONS as readonly string[]).includes(reason));
    checked.push({
      ...report,
      mainPublicKey,
      verdict: rejected ? 'REJECTED' : 'ACCEPTABLE',
      reasons,
      unlocked: unlocked === null ? null : unlocked.has(toHex(report.remotePublicKey)),
    });
  }
  return markSuperseded(checked);
}

function findMainThroughRemote(
  lookup: (publicKey: Uint8Array) => AccountInfo | undefined,
  remotePublicKey: Uint8Array,
): Uint8Array | null {
  const remote = lookup(remotePublicKey);
  if (remote?.accountType !== ACCOUNT_TYPE.remote || remote.links.remote === undefined) return null;
  return remote.links.remote;
}

function sameKey(linked: Uint8Array | undefined, expected: Uint8Array): boolean {
  return linked !== undefined && equalBytes(linked, expected);
}

/** Every checked request but the last one of each main account gets SUPERSEDED. */
function markSuperseded<T extends DelegationRequestReport>(reports: T[]): T[] {
  const mains = reports.map((report) =>
    report.verdict !== null && report.mainPublicKey !== null ? toHex(report.mainPublicKey) : undefined,
  );
  const newest = new Map<string, number>();
  mains.forEach((main, index) => {
    if (main !== undefined) newest.set(main, index);
  });
  return reports.map((report, index) => {
    const main = mains[index];
    return main !== undefined && newest.get(main) !== index
      ? { ...report, reasons: [...report.reasons, SUPERSEDED] }
      : report;
  });
}

/**
 * Whether an on-chain request at `height` certainly met importance 0: the node weighs a request with the importance
 * calculated at the last multiple of importanceGrouping below it (docs/protocol.md), and an account the chain first
 * saw after that calculation had none. Such a request was dropped for good, even if the account has importance now
 * (REST keeps no importance history, so a request sent before the latest calculation by an older account cannot be
 * judged: it is not flagged).
 */
function sentBeforeFirstImportance(
  main: AccountInfo,
  height: bigint | undefined,
  grouping: bigint | undefined,
): boolean {
  if (height === undefined || grouping === undefined || grouping <= 0n || main.addressHeight === 0n)
    return false;
  const calculatedAt = ((height - 1n) / grouping) * grouping;
  return main.addressHeight > (calculatedAt < 1n ? 1n : calculatedAt);
}
