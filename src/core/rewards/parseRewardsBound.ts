/**
 * `harvest rewards --from/--to` (docs/commands/rewards.md): a block height, a UTC date (YYYY-MM-DD: the whole day)
 * or an ISO 8601 instant with a time zone (2026-01-31T12:00:00Z, …+01:00).
 */
import { InputError } from '../errors.js';

/** A bound of the range, as given. */
export type RewardsBound =
  | { readonly kind: 'height'; readonly height: bigint }
  /** `startMs` is the instant (Unix ms); a date stands for the whole UTC day, [startMs, endMs). */
  | { readonly kind: 'time'; readonly startMs: number; readonly endMs: number; readonly text: string };

/**
 * Parses one bound.
 * @throws {InputError} INVALID_INPUT naming the flag when it is none of the three forms, or not a real date
 */
export function parseRewardsBound(text: string, flag: string): RewardsBound {
  const value = text.trim();
  if (/^\d{1,20}$/.test(value)) {
    const height = BigInt(value);
    if (height < 1n || height >= 2n ** 64n) throw invalid(flag, text);
    return { kind: 'height', height };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date !== null) {
    const startMs = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    // Date.UTC rolls 2026-02-30 over to March: a date that does not come back the same is not a date
    if (new Date(startMs).toISOString().slice(0, 10) !== value) throw invalid(flag, text);
    return { kind: 'time', startMs, endMs: startMs + 86_400_000, text: value };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const startMs = Date.parse(value);
    if (Number.isNaN(startMs)) throw invalid(flag, text);
    return { kind: 'time', startMs, endMs: startMs + 1, text: value };
  }
  throw invalid(flag, text);
}

function invalid(flag: string, text: string): InputError {
  return new InputError(
    'INVALID_INPUT',
    `${flag} must be a block height, a date or an ISO time, got "${text}"`,
    {
      hint: `e.g. ${flag} 1200000, ${flag} 2026-01-31 (a whole UTC day) or ${flag} 2026-01-31T12:00:00Z`,
    },
  );
}
