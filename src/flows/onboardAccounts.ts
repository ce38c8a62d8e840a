/**
 * `harvest onboard` (docs/commands/onboard.md): delegate many accounts, each with the online delegate flow, over several
 * nodes, a few at a time:
 *
 *   1. read every key (a row whose key cannot be read is FAILED, the others go on); the same account twice is an
 *      input error for the whole file
 *   2. read every node once (network, fees, unlocked accounts); nodes that cannot be read are left out of the
 *      spreading; all nodes must be on one network
 *   3. assign a node to each account (assignNodes: the row's node, the keystore's remembered node, round-robin)
 *   4. one confirmation for the whole batch (accounts, nodes, fee estimate); the accounts already ACTIVE with their
 *      keystore's keys are found from public facts and need nothing more (findActiveAccount); then one keystore
 *      password for the others (none asked when there are none): a keystore it does not open fails its row
 *      (KEYSTORE_PASSWORD); when it opens none of the existing ones, no new keystore is made with it either. Each
 *      derivation is done once for the batch, and new keystores share one salt (cacheKeystoreKeys)
 *   5. run delegateThroughNode per account with bounded concurrency; a failure is caught into its row; after
 *      SIGINT/SIGTERM the accounts running report the state they reached and the others are not started
 *      (FAILED, CANCELLED)
 *
 * Resuming needs nothing special: each account's keystore journal makes its delegate flow resume what an earlier
 * run left unconfirmed, or find the account ACTIVE and announce nothing.
 */
import type { OnboardAccountResult, OnboardResult } from '../contract/onboard.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { CancelledError, InputError } from '../core/errors.js';
import { assignNodes } from '../core/onboarding/assignNodes.js';
import { cacheKeystoreKeys } from './keystore/cacheKeystoreKeys.js';
import { findActiveAccount } from './onboard/findActiveAccount.js';
import { planOf, rememberedKeystore, rememberedNode } from './onboard/onboardPlan.js';
import type { OnboardAccountsParameters, Prepared } from './onboard/onboardTypes.js';
import { commonNetwork, probeNodes } from './onboard/probeOnboardNodes.js';
import { failedRow, labelOf, readKeys } from './onboard/readOnboardKeys.js';
import { runOne } from './onboard/runOnboardAccount.js';
import { checkBatchPassword } from './onboard/checkBatchPassword.js';
import { mapBounded } from './onboard/mapBounded.js';

export type { OnboardAccountInput, OnboardAccountsParameters, OnboardNode } from './onboard/onboardTypes.js';

/**
 * Delegates every account of the batch and reports each one.
 * @throws {InputError} INVALID_FILE (the same account twice), WRONG_NETWORK, INVALID_INPUT (fee below a node's
 *   minimum), INPUT_REQUIRED, CONFIRMATION_REQUIRED — all before anything is announced
 * @throws {CancelledError} when the batch is declined
 * @throws {NodeError} when no node can be read at all
 */
export async function onboardAccounts(parameters: OnboardAccountsParameters): Promise<OnboardResult> {
  if (!Number.isInteger(parameters.concurrency) || parameters.concurrency < 1) {
    throw new InputError(
      'INVALID_INPUT',
      `concurrency must be a whole number ≥ 1, got ${parameters.concurrency}`,
    );
  }
  const prepared = await readKeys(parameters.accounts);
  const probed = await probeNodes(parameters, prepared);
  const network = commonNetwork(probed);

  for (const entry of prepared) {
    if (entry.publicKey === undefined) continue;
    entry.mainAddress = encodeAddress(deriveAddress(entry.publicKey, network.identifier));
  }
  // each keystore read once, without its password (the public facts: remembered node, keys, journal)
  const modeWarnings = new Map<Prepared, string>(); // said by the account's run, or below when it is ACTIVE
  const files = await Promise.all(
    prepared.map((entry) =>
      entry.mainAddress === undefined
        ? Promise.resolve(undefined)
        : rememberedKeystore(parameters, entry.mainAddress, (text) => modeWarnings.set(entry, text)),
    ),
  );
  const remembered = files.map(rememberedNode);

  const listed = parameters.nodes
    .map((node) => ({ node, probe: probed.get(node.url)! }))
    .filter(({ probe }) => probe.facts !== undefined);
  if (
    listed.length === 0 &&
    parameters.nodes.length > 0 &&
    prepared.some((entry) => entry.input.node === undefined)
  ) {
    throw probed.get(parameters.nodes[0]!.url)!.error!;
  }
  const capacities = listed.map(({ node, probe }) => ({
    url: node.url,
    freeSlots:
      node.maxUnlockedAccounts === undefined || probe.unlocked === undefined
        ? undefined
        : Math.max(0, node.maxUnlockedAccounts - probe.unlocked),
  }));
  // An account remembered on a listed node that cannot be read now fails (moving it would switch its node).
  prepared.forEach((entry, index) => {
    const error = remembered[index] === undefined ? undefined : probed.get(remembered[index])?.error;
    if (entry.failure === undefined && entry.input.node === undefined && error !== undefined) {
      entry.failure = failedRow(entry, error, remembered[index]!);
    }
  });
  const runnable = prepared.filter((entry) => entry.failure === undefined);
  const assignments = assignNodes(
    runnable.map((entry) => ({
      line: entry.input.line,
      node: entry.input.node,
      rememberedNode: remembered[prepared.indexOf(entry)],
    })),
    capacities,
  );
  runnable.forEach((entry, index) => {
    const assignment = assignments[index]!;
    entry.nodeUrl = assignment.nodeUrl;
    if (assignment.overflow) {
      parameters.onNote?.(
        `line ${entry.input.line}: every node's known slots are used; ${assignment.nodeUrl} takes it only by evicting a weaker delegate`,
      );
    }
    const probe = probed.get(assignment.nodeUrl)!;
    if (probe.error !== undefined) entry.failure = failedRow(entry, probe.error, assignment.nodeUrl);
  });

  const confirmed = prepared.filter((entry) => entry.failure === undefined);
  const existing = confirmed.map((entry) => files[prepared.indexOf(entry)]);
  await parameters.confirm(planOf(parameters, prepared, confirmed, probed, capacities));

  const keys = cacheKeystoreKeys(parameters.random, parameters.deriveKey);
  const results = new Map<Prepared, OnboardAccountResult>();
  try {
    // Accounts already ACTIVE with their keystore's keys need no password and no scrypt (findActiveAccount).
    const active = await mapBounded(confirmed, ACTIVE_CHECKS, (entry, index) => {
      const file = existing[index];
      return file === undefined || file === null
        ? Promise.resolve(undefined)
        : findActiveAccount(parameters, entry, file, probed.get(entry.nodeUrl!)!);
    });
    confirmed.forEach((entry, index) => {
      if (active[index] === undefined) return;
      results.set(entry, active[index]);
      const warning = modeWarnings.get(entry);
      if (warning !== undefined) parameters.onNote?.(`${labelOf(entry)}: ${warning}`);
    });
    if (results.size > 0) {
      parameters.onNote?.(
        `${results.size} account(s) already ACTIVE with their keystore's keys: nothing to do, no password needed`,
      );
    }
    const toOpen = confirmed.filter((entry) => !results.has(entry));
    const toOpenFiles = toOpen.map((entry) => existing[confirmed.indexOf(entry)]);
    const activeFiles = confirmed.flatMap((entry, index) =>
      results.has(entry) && existing[index] ? [existing[index]] : [],
    );

    // One password for every keystore to open, asked after the confirmation (none when every account is ACTIVE)
    // and checked before anything is announced (docs/ARCHITECTURE.md#safety-rules: unlock first).
    const creating = toOpenFiles.some((file) => file === undefined);
    const password = toOpen.length === 0 ? '' : await parameters.password(creating);
    checkBatchPassword(toOpen, toOpenFiles, activeFiles, password, parameters.home, keys);
    const running = toOpen.filter((entry) => entry.failure === undefined);

    let done = 0;
    const queue = [...running];
    const worker = async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        if (parameters.signal?.aborted === true) {
          results.set(entry, failedRow(entry, notStarted(), entry.nodeUrl ?? null));
          continue;
        }
        const row = await runOne(parameters, entry, probed.get(entry.nodeUrl!)!, network, password, keys);
        results.set(entry, row);
        done += 1;
        parameters.onProgress?.(`${done}/${running.length} done (${labelOf(entry)}: ${row.state})`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parameters.concurrency, running.length) }, worker));
  } finally {
    keys.wipe();
  }

  const accounts = prepared.map((entry) => entry.failure ?? results.get(entry)!);
  const summary: Record<string, number> = {};
  for (const account of accounts) summary[account.state] = (summary[account.state] ?? 0) + 1;
  return { accounts, summary };
}

/** The row of an account the batch did not start because it was interrupted. */
function notStarted(): CancelledError {
  return new CancelledError('interrupted before this account was started', {
    hint: 'run the same command again: accounts already done announce nothing',
  });
}

/** Accounts checked at the same time for being ACTIVE already (reads of the chain only). */
const ACTIVE_CHECKS = 16;
