/** Parses `--faults error-rate=0.3,latency-ms=150,drop-announce-rate=0.5` (docs/devnet.md). */

/** Injected unreliability of the devnet's REST answers. */
export interface FaultSettings {
  /** Share of all requests answered 503. */
  readonly errorRate: number;
  /** Delay before every answer. */
  readonly latencyMs: number;
  /** Share of announcements answered 202 and then dropped. */
  readonly dropAnnounceRate: number;
}

const KEYS = {
  'error-rate': 'errorRate',
  'latency-ms': 'latencyMs',
  'drop-announce-rate': 'dropAnnounceRate',
} as const;

/**
 * Reads a comma-separated `key=value` list; rates are in [0, 1], latency is whole milliseconds up to 60 s.
 * @throws {RangeError} on an unknown key or a value out of range (the command turns it into INVALID_INPUT).
 */
export function parseFaults(spec: string): FaultSettings {
  const result = { errorRate: 0, latencyMs: 0, dropAnnounceRate: 0 };
  for (const part of spec
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')) {
    const [key, value, extra] = part.split('=');
    if (key === undefined || value === undefined || extra !== undefined || !(key in KEYS)) {
      throw new RangeError(
        `unknown fault '${part}': use error-rate=<0..1>, latency-ms=<ms>, drop-announce-rate=<0..1>`,
      );
    }
    const field = KEYS[key as keyof typeof KEYS];
    const number = Number(value);
    const valid =
      value.trim() !== '' &&
      Number.isFinite(number) &&
      (field === 'latencyMs'
        ? Number.isInteger(number) && number >= 0 && number <= 60_000
        : number >= 0 && number <= 1);
    if (!valid) throw new RangeError(`fault ${key} has an invalid value '${value}'`);
    result[field] = number;
  }
  return result;
}
