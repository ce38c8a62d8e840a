/** `harvest onboard` (docs/commands/onboard.md): delegate many accounts from a file, over several nodes. */
import { InputError } from '../core/errors.js';
import { parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import { AUTO_NODE, connectNode } from '../flows/connectNode.js';
import { chooseNode } from '../flows/nodes/chooseNode.js';
import type { NodeChoice } from '../contract/nodes.js';
import type { OnboardResult } from '../contract/onboard.js';
import { onboardAccounts, type OnboardAccountInput } from '../flows/onboardAccounts.js';
import { formatOnboardPlan, formatOnboardResult } from '../ui/format/onboard.js';
import { readAccountsFile } from './accountsFile.js';
import { flowPorts } from './flowPorts.js';
import { markInterrupted } from './interrupted.js';
import { runOffline } from './onboardOffline.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome, type PartialExit } from './context/outcome.js';
import type { OnboardOptions } from './definitions/onboard.js';
import { nodeDiscoveryParameters } from './nodeDiscoveryFlags.js';
import { parseCount, parseSeconds, parseUrlFlag } from './onlineFlags.js';

/**
 * Reads the file and flags and runs the onboarding flow over every --node (or HARVEST_NODE); the exit code tells
 * the worst account: internal (1) for a bug, rejected (4) for any FAILED, else pending (5) for any still waiting;
 * 130 when SIGINT/SIGTERM stopped the batch (docs/cli.md, "Signals").
 */
export async function run({ options }: CommandInput<OnboardOptions>, ctx: Context): Promise<CommandOutcome> {
  // --prepare asks no node either (docs/commands/onboard.md, "Offline"): both are the offline batch
  if (options.offline === true || options.prepare === true) {
    const result = markInterrupted(ctx, await runOffline(options, ctx));
    const exit = worstExit(result, false);
    return outcome(result, formatOnboardResult, exit === undefined ? {} : { exit });
  }
  refuseOfflineFlags(options);
  // without --node, every URL of HARVEST_NODE (a comma-separated list is several nodes: docs/cli.md)
  const listed = options.nodeUrls.length > 0 ? options.nodeUrls : ctx.nodeUrls;
  const { nodeUrls, choice } = await resolveAutoNode(options, listed, ctx);
  const onboarded = markInterrupted(ctx, await onboard(options, nodeUrls, ctx));
  const result = choice === undefined ? onboarded : { ...onboarded, nodeChoice: choice };
  const exit = worstExit(result, options.wait !== false);
  return outcome(result, formatOnboardResult, exit === undefined ? {} : { exit });
}

/** The flags of the offline batch mean nothing online: refused, so that a forgotten --offline sends nothing. */
function refuseOfflineFlags(options: OnboardOptions): void {
  const given = (
    [
      [options.outDir, '--out-dir'],
      [options.nodePublicKey, '--node-public-key'],
      [options.aggregateVersion, '--aggregate-version'],
    ] as const
  ).find(([value]) => value !== undefined);
  if (given === undefined) return;
  throw new InputError('INVALID_INPUT', `${given[1]} is for onboard --offline or --prepare`, {
    hint: 'add --offline (sign without a node) or --prepare (plans for harvest sign), or drop the flag',
  });
}

/** The exit code of the worst row; `pendingFails` when a row still waiting (online, waiting) is exit 5. */
function worstExit(result: OnboardResult, pendingFails: boolean): PartialExit | undefined {
  const states = result.accounts.map((account) => account.state);
  const pending = states.some((state) => state === 'CONFIRMATION_PENDING' || state === 'ACTIVATION_PENDING');
  // an interruption (exit 130) says more than any row: the batch stopped before its end; a bug in one account's
  // run is still a bug (exit 1), even though the other accounts went on
  return result.interrupted
    ? 'interrupted'
    : result.accounts.some((account) => account.error?.code === 'INTERNAL')
      ? 'internal'
      : states.includes('FAILED')
        ? 'rejected'
        : pendingFails && pending
          ? 'pending'
          : undefined;
}

/**
 * `--node auto` (docs/commands/nodes.md): replaced by the best candidate of node discovery (the directory and the
 * other --node URLs), named on stderr before the batch's confirmation; the other --node URLs stay in the spread.
 */
async function resolveAutoNode(
  options: OnboardOptions,
  nodeUrls: readonly string[],
  ctx: Context,
): Promise<{ readonly nodeUrls: readonly string[]; readonly choice?: NodeChoice }> {
  const isAuto = (url: string) => url.trim().toLowerCase() === AUTO_NODE;
  if (!nodeUrls.some(isAuto)) return { nodeUrls };
  const others = nodeUrls.filter((url) => !isAuto(url));
  const { choice } = await chooseNode(nodeDiscoveryParameters(options, ctx, others));
  ctx.output.note(
    `--node auto chose ${choice.url}${choice.name === '' ? '' : ` (${choice.name})`}: ${choice.why}`,
  );
  return { nodeUrls: [...new Set([choice.url, ...others])], choice };
}

async function onboard(
  options: OnboardOptions,
  nodeUrls: readonly string[],
  ctx: Context,
): Promise<OnboardResult> {
  if (options.accounts === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the accounts file is required', {
      hint: 'pass --accounts <file> (CSV with key_file or key_env, optional node; or JSON lines)',
    });
  }
  const concurrency = parseCount(options.concurrency, '--concurrency', 4, 1);
  const maxUnlockedAccounts =
    options.maxUnlockedAccounts === undefined
      ? undefined
      : parseCount(options.maxUnlockedAccounts, '--max-unlocked-accounts', 0, 0);
  const fee = options.fee === undefined ? undefined : parseFeeMultiplier(options.fee);
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const activationTimeoutMs = parseSeconds(options.activationTimeout, '--activation-timeout', 600);
  const nodes = [...new Set(nodeUrls.map((url) => parseUrlFlag(url, '--node')))].map((url) => ({
    url,
    maxUnlockedAccounts,
  }));

  const accounts: OnboardAccountInput[] = await readAccountsFile(options.accounts, ctx);

  const { runtime } = ctx;
  const wait = options.wait !== false;
  const result = await onboardAccounts({
    accounts,
    nodes,
    connect: (url) =>
      connectNode({ url, fetch: runtime.fetch, sleep: runtime.sleep, timeoutMs: ctx.timeoutMs }),
    expectedNetwork: ctx.network,
    fee,
    concurrency,
    confirm: (plan) => ctx.ask.confirm(formatOnboardPlan(plan)),
    password: (creating) => ctx.readKeystorePassword(options.passwordFile, creating),
    files: runtime.files,
    home: ctx.home,
    wait,
    confirmationTimeoutMs,
    activationTimeoutMs,
    ...flowPorts(ctx),
  });
  return result;
}
