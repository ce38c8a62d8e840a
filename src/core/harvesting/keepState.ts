/**
 * What `harvest keep` remembers between rounds and across restarts: `<home>/keep-state.json` (docs/commands/keep.md).
 * Only public facts: no key, no password. Written atomically (0600) by the flow before it acts on a round.
 *
 *   {
 *     "format": "harvest-keep-state", "version": 1,
 *     "outages": { "<MAIN ADDRESS>": { "sinceHeight": "123", "since": ISO-8601 } },
 *     "fees":    [ { "time": ISO-8601, "mainAddress": "T…", "fee": "<µXYM>" } ]   (the last 24 h only)
 *   }
 *
 * The outage's start is what makes "never twice for one outage" survive a SIGKILL: a request the journal holds
 * from after `since` belongs to the outage. The fees are what `--max-fee-per-day` is measured against.
 */
import { InputError } from '../errors.js';
import { parseJsonOr } from '../textInput.js';
import type { KeepOutage } from './decideKeepAction.js';

/** One fee paid by keep. */
export interface KeepFee {
  readonly time: string;
  readonly mainAddress: string;
  readonly fee: bigint;
}

/** The whole state. */
export interface KeepState {
  readonly outages: ReadonlyMap<string, KeepOutage>;
  readonly fees: readonly KeepFee[];
}

/** Nothing remembered yet. */
export const EMPTY_KEEP_STATE: KeepState = { outages: new Map(), fees: [] };

const DAY_MS = 86_400_000;

/** The file's text (bigints as decimal strings). */
export function serializeKeepState(state: KeepState): string {
  const outages: Record<string, { sinceHeight: string; since: string }> = {};
  for (const [address, outage] of state.outages) {
    outages[address] = { sinceHeight: outage.sinceHeight.toString(), since: outage.since };
  }
  const fees = state.fees.map((entry) => ({ ...entry, fee: entry.fee.toString() }));
  return `${JSON.stringify({ format: 'harvest-keep-state', version: 1, outages, fees }, null, 2)}\n`;
}

/**
 * Parses the file.
 * @throws {InputError} INVALID_FILE naming `path` when it is not a keep state
 */
export function parseKeepState(text: string, path: string): KeepState {
  const invalid = (what: string) =>
    new InputError('INVALID_FILE', `keep state ${path} is damaged: ${what}`, {
      hint: 'move it away: keep starts afresh (it may then wait --grace blocks again before a request)',
    });
  const value = parseJsonOr(text, () => invalid('not JSON'));
  if (!isRecord(value) || value['format'] !== 'harvest-keep-state' || value['version'] !== 1) {
    throw invalid('not a harvest-keep-state version 1 file');
  }
  const outages = new Map<string, KeepOutage>();
  const rawOutages = value['outages'];
  if (!isRecord(rawOutages)) throw invalid('outages is not an object');
  for (const [address, raw] of Object.entries(rawOutages)) {
    if (!isRecord(raw) || !isDecimal(raw['sinceHeight']) || !isTime(raw['since'])) {
      throw invalid(`outage of ${address.slice(0, 40)}`);
    }
    outages.set(address, { sinceHeight: BigInt(raw['sinceHeight']), since: raw['since'] });
  }
  const rawFees = value['fees'];
  if (!Array.isArray(rawFees)) throw invalid('fees is not a list');
  const fees = rawFees.map((raw: unknown, index) => {
    if (
      !isRecord(raw) ||
      !isTime(raw['time']) ||
      typeof raw['mainAddress'] !== 'string' ||
      !isDecimal(raw['fee'])
    ) {
      throw invalid(`fee ${index + 1}`);
    }
    return { time: raw['time'], mainAddress: raw['mainAddress'], fee: BigInt(raw['fee']) };
  });
  return { outages, fees };
}

/** The fees paid in the 24 hours before `now`. */
export function feesOfLastDay(state: KeepState, now: Date): bigint {
  return recentFees(state, now).reduce((sum, entry) => sum + entry.fee, 0n);
}

/** The state with only the fees of the last 24 hours. */
export function recentFees(state: KeepState, now: Date): KeepFee[] {
  return state.fees.filter((entry) => now.getTime() - Date.parse(entry.time) < DAY_MS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}
