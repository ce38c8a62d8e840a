/**
 * `harvest onboard` (docs/commands/onboard.md): delegate many accounts, each with the online delegate flow, over several
 * nodes, a few at a time:
 *
 *   1. read every key (a row whose key cannot be read is FAILED, the others go on); the same account twice is an
 *      input error for the whole file
 *   2. read every node once (network, fees, unlocked accounts); nodes that cannot be read are left out of the
 *      spreading; all nodes must be on one network
 *   3. assign a node to each account (assignNodes: the row's node, the keystore's remembered node, round-robin)
 *   4. one confirmation for the whole batch (accounts, nodes, fee estimate), then one keystore password
 *   5. run delegateThroughNode per account with bounded concurrency; a failure is caught into its row; after
 *      SIGINT/SIGTERM the accounts running report the state they reached and the others are not started
 *      (FAILED, CANCELLED)
 *
 * Resuming needs nothing special: each account's keystore journal makes its delegate flow resume what an earlier
 * run left unconfirmed, or find the account ACTIVE and announce nothing.
 */
import type { OnboardAccountResult, OnboardResult } from '../contract/onboard.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { wipe } from '../core/bytes.js';
import { CancelledError, InputError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { unlockKeystore } from '../core/keystore/keystoreCrypto.js';
import { assignNodes } from '../core/onboarding/assignNodes.js';
import { keystorePath } from './keystore/openKeystore.js';
import { planOf, rememberedKeystore, rememberedNode } from './onboard/onboardPlan.js';
import type { OnboardAccountsParameters, Prepared } from './onboard/onboardTypes.js';
import { commonNetwork, probeNodes } from './onboard/probeOnboardNodes.js';
import { failedRow, labelOf, readKeys } from './onboard/readOnboardKeys.js';
import { runOne } from './onboard/runOnboardAccount.js';

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
    if (entry.privateKey === undefined) continue;
    entry.mainAddress = encodeAddress(deriveAddress(derivePublicKey(entry.privateKey), network.identifier));
  }
  const remembered = await Promise.all(
    prepared.map((entry) =>
      entry.mainAddress === undefined
        ? Promise.resolve(undefined)
        : rememberedNode(parameters, entry.mainAddress),
    ),
  );

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

  const running = prepared.filter((entry) => entry.failure === undefined);

  // One password for every keystore, checked against each existing one before anything is confirmed or announced
  // (docs/ARCHITECTURE.md#safety-rules: unlock first): a wrong password must not go on to create new keystores under it.
  const existing = await Promise.all(
    running.map((entry) => rememberedKeystore(parameters, entry.mainAddress!)),
  );
  const creating = existing.some((file) => file === undefined);
  const password = running.length === 0 ? '' : await parameters.password(creating);
  for (const file of existing) {
    if (file !== undefined && file !== null) {
      wipe(unlockKeystore(file, password, keystorePath(parameters.home, file.mainAddress)).bytes);
    }
  }
  await parameters.confirm(planOf(parameters, prepared, running, probed, capacities));

  const results = new Map<Prepared, OnboardAccountResult>();
  let done = 0;
  const queue = [...running];
  const worker = async () => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      if (parameters.signal?.aborted === true) {
        results.set(entry, failedRow(entry, notStarted(), entry.nodeUrl ?? null));
        continue;
      }
      const row = await runOne(parameters, entry, probed.get(entry.nodeUrl!)!, network, password);
      results.set(entry, row);
      done += 1;
      parameters.onProgress?.(`${done}/${running.length} done (${labelOf(entry)}: ${row.state})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parameters.concurrency, running.length) }, worker));

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
