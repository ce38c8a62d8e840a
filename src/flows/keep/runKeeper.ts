/**
 * `harvest keep` (docs/commands/keep.md): every block (or --interval), for each account, read the state as `status`
 * does, decide (decideKeepAction) and act (actOnKeepDecision), one event per account and round. Rounds go on until
 * the signal aborts (SIGINT/SIGTERM: the round in progress ends its current step, then the keeper stops) or, with
 * `once`, after one round.
 *
 * Order inside a round, for crash safety: assess every account → write the outages (keep-state.json) → act. So an
 * outage's start is on disk before the request of that outage can exist, and a restarted keeper counts that request
 * (the journal is written ahead of the announcement) instead of sending another.
 */
import type { KeepEvent } from '../../contract/keep.js';
import { deriveAddress, encodeAddress, parseAddress } from '../../core/address.js';
import { HarvestError, RejectedError } from '../../core/errors.js';
import type { KeepOutage, KeepThresholds } from '../../core/harvesting/decideKeepAction.js';
import { feesOfLastDay, recentFees, type KeepFee, type KeepState } from '../../core/harvesting/keepState.js';
import { derivePublicKey } from '../../core/keys.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { NetworkParameters } from '../../core/network.js';
import type { FileSystem } from '../../core/ports.js';
import { checkNetwork } from '../../node/checkNetwork.js';
import { mapBounded } from '../onboard/mapBounded.js';
import { pauseUnlessInterrupted } from '../pauseUnlessInterrupted.js';
import {
  actOnKeepDecision,
  type ActOnKeepDecisionParameters,
  type KeepActOutcome,
} from './actOnKeepDecision.js';
import {
  assessKeepAccount,
  type AssessKeepAccountParameters,
  type KeepAccount,
  type KeepAssessment,
} from './assessKeepAccount.js';
import { chooseFallbackNode } from './chooseFallbackNode.js';
import { readKeepState, writeKeepState } from './keepStateStore.js';

/** Inputs of runKeeper. */
export interface RunKeeperParameters
  extends
    AssessKeepAccountParameters,
    Omit<ActOnKeepDecisionParameters, 'checkFee' | 'now' | 'chooseFallback'> {
  readonly accounts: readonly KeepAccount[];
  readonly files: FileSystem;
  readonly home: string;
  readonly thresholds: KeepThresholds;
  /** Pause between rounds; undefined: the node's block time. */
  readonly intervalMs: number | undefined;
  /** --max-unlocked-accounts: a fallback listing that many delegates is full. */
  readonly maxUnlockedAccounts: number | undefined;
  /** `--fallback-node auto`: the usable nodes for the account, best first (node discovery). */
  readonly discoverFallbacks?:
    ((mainAddress: Uint8Array, network: NetworkParameters) => Promise<readonly string[]>) | undefined;
  /** --max-fee-per-day in µXYM; undefined: no limit. */
  readonly maxFeePerDay: bigint | undefined;
  /** --once: one round. */
  readonly once: boolean;
  /** Accounts handled at the same time. */
  readonly concurrency: number;
  /**
   * Told each event worth logging: every action and every change; a `checked` or `waiting` (or the same error)
   * exactly like the account's previous one is not repeated each round (with `once`, every event is).
   */
  readonly onEvent: (event: KeepEvent) => void;
}

/** What the keeper did, for the exit code of --once. */
export interface KeeperSummary {
  readonly rounds: number;
  /** The events of the last round, one per account. */
  readonly lastRound: readonly KeepEvent[];
  /** The errors behind the last round's `error` events (their category decides --once's exit code). */
  readonly lastRoundErrors: readonly HarvestError[];
}

/** Fallback when the node publishes no block time. */
const DEFAULT_INTERVAL_MS = 30_000;

/** Runs rounds until interrupted (or one with `once`). */
export async function runKeeper(parameters: RunKeeperParameters): Promise<KeeperSummary> {
  const { files, home, signal } = parameters;
  const { network } = await checkNetwork(parameters.client, parameters.expectedNetwork);
  const accounts = parameters.accounts.map((account) => ({
    account,
    mainAddress: encodeAddress(addressOf(account, network.identifier)),
  }));
  const chooseFallback = (linkedNodeUrl: string | null, mainAddress: string) =>
    chooseFallbackNode(
      {
        urls: parameters.fallbackNodeUrls,
        connect: parameters.connect,
        network,
        maxUnlockedAccounts: parameters.maxUnlockedAccounts,
        onNote: parameters.onNote,
        discover: parameters.discoverFallbacks,
      },
      linkedNodeUrl,
      parseAddress(mainAddress),
    );
  const said = new Map<string, string>();
  const tell = (event: KeepEvent) => {
    const key = JSON.stringify([event.event, event.state, event.nodeUrl, event.reasons, event.error?.code]);
    const repeated =
      event.event !== 'request-sent' &&
      event.event !== 'node-switched' &&
      said.get(event.mainAddress ?? '') === key;
    said.set(event.mainAddress ?? '', key);
    if (!repeated || parameters.once) parameters.onEvent(event);
  };
  let state = await readKeepState(files, home);
  const dryRunSent = new Set<string>();
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const assessed = await mapBounded(accounts, parameters.concurrency, (entry) =>
      assess({ ...parameters, onEvent: tell }, entry.account, entry.mainAddress, state, dryRunSent),
    );
    state = { ...state, outages: nextOutages(state, assessed) };
    for (const entry of assessed)
      if (!state.outages.has(entry.mainAddress)) dryRunSent.delete(entry.mainAddress);
    if (!parameters.dryRun) await writeKeepState(files, home, state);

    const events: KeepEvent[] = [];
    const errors: HarvestError[] = [];
    // one at a time: the fee budget is checked against what this round already paid
    for (const entry of assessed) {
      if (!('assessment' in entry)) {
        events.push(entry.event);
        errors.push(entry.error);
        continue;
      }
      const spent = () => feesOfLastDay(state, parameters.now());
      const outcome = await act({ ...parameters, chooseFallback }, entry, spent);
      if (outcome.error !== undefined) errors.push(outcome.error);
      if (outcome.feePaid !== undefined) {
        // on disk at once: a keeper killed later in the round still counts this fee against --max-fee-per-day
        const paid: KeepFee = {
          time: outcome.event.time,
          mainAddress: entry.mainAddress,
          fee: outcome.feePaid,
        };
        state = { ...state, fees: [...recentFees(state, parameters.now()), paid] };
        if (!parameters.dryRun) await writeKeepState(files, home, state);
      }
      if (outcome.event.dryRun === true) dryRunSent.add(entry.mainAddress);
      tell(outcome.event);
      events.push(outcome.event);
    }
    if (parameters.once || signal?.aborted === true)
      return { rounds, lastRound: events, lastRoundErrors: errors };
    const pauseMs = parameters.intervalMs ?? firstBlockTime(assessed) ?? DEFAULT_INTERVAL_MS;
    if (!(await pauseUnlessInterrupted(parameters.sleep, pauseMs, signal))) {
      return { rounds, lastRound: events, lastRoundErrors: errors };
    }
  }
}

type Assessed =
  | { readonly account: KeepAccount; readonly mainAddress: string; readonly assessment: KeepAssessment }
  | {
      readonly account: KeepAccount;
      readonly mainAddress: string;
      readonly event: KeepEvent;
      readonly error: HarvestError;
    };

async function assess(
  parameters: RunKeeperParameters,
  account: KeepAccount,
  mainAddress: string,
  state: KeepState,
  dryRunSent: ReadonlySet<string>,
): Promise<Assessed> {
  try {
    const assessment = await assessKeepAccount(
      parameters,
      account,
      state.outages.get(mainAddress),
      dryRunSent.has(mainAddress),
    );
    return { account, mainAddress, assessment };
  } catch (error) {
    const event = errorEvent(parameters, mainAddress, undefined, error);
    parameters.onEvent(event);
    return { account, mainAddress, event, error: error as HarvestError };
  }
}

/**
 * The outages to remember after this round's decisions (an account whose read failed keeps its outage). A switch
 * does not start a new outage: the outage lasts until the account is listed, its request(s) stay counted, and the
 * next switch waits --switch-after blocks from the newest request (decideKeepAction), crash or not.
 */
function nextOutages(state: KeepState, assessed: readonly Assessed[]): Map<string, KeepOutage> {
  const outages = new Map(state.outages);
  for (const entry of assessed) {
    if (!('assessment' in entry)) continue;
    const { decision } = entry.assessment;
    if (decision.outage === undefined) outages.delete(entry.mainAddress);
    else outages.set(entry.mainAddress, decision.outage);
  }
  return outages;
}

async function act(
  parameters: RunKeeperParameters & Pick<ActOnKeepDecisionParameters, 'chooseFallback'>,
  entry: { readonly account: KeepAccount; readonly mainAddress: string; readonly assessment: KeepAssessment },
  spent: () => bigint,
): Promise<KeepActOutcome & { readonly error?: HarvestError }> {
  try {
    return await actOnKeepDecision(
      {
        ...parameters,
        checkFee: (fee) => {
          const max = parameters.maxFeePerDay;
          if (max !== undefined && spent() + fee > max) {
            throw new RejectedError(
              'FEE_BUDGET_EXCEEDED',
              `a fee of ${describeXym(fee)} would go over --max-fee-per-day ` +
                `(${describeXym(spent())} of ${describeXym(max)} spent in the last 24 h)`,
              { hint: 'raise --max-fee-per-day, or wait: keep tries again next round' },
            );
          }
        },
      },
      entry.account,
      entry.assessment,
    );
  } catch (error) {
    const event = errorEvent(parameters, entry.mainAddress, entry.assessment, error);
    return { event, feePaid: undefined, error: error as HarvestError };
  }
}

/** An `error` event; anything that is not a HarvestError is a bug and goes up (exit 1). */
function errorEvent(
  parameters: RunKeeperParameters,
  mainAddress: string,
  assessment: KeepAssessment | undefined,
  error: unknown,
): KeepEvent {
  if (!(error instanceof HarvestError)) throw error;
  const status = assessment?.report.status;
  return {
    time: parameters.now().toISOString(),
    event: 'error',
    mainAddress,
    nodeUrl: status?.linkedNodeUrl ?? null,
    state: status?.state ?? null,
    reasons: assessment?.decision.reasons ?? [],
    error: {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    },
  };
}

function addressOf(account: KeepAccount, networkIdentifier: number): Uint8Array {
  const named = account.account;
  if ('address' in named) return named.address;
  const publicKey = 'publicKey' in named ? named.publicKey : derivePublicKey(named.privateKey);
  return deriveAddress(publicKey, networkIdentifier);
}

function firstBlockTime(assessed: readonly Assessed[]): number | undefined {
  for (const entry of assessed) {
    if ('assessment' in entry) return entry.assessment.report.details.blockTimeMs;
  }
  return undefined;
}
