/**
 * The value formats of `/network/properties`, which is config-network.properties verbatim as strings
 * (docs/protocol.md §5): `'` digit separators ("10'000'000'000"), hex ids ("0x6BED'913F'A202'23F8") and durations with
 * a unit suffix ("30s", "6h", "500ms", "2m", "1d"; catapult utils/ConfigurationUtils TimeSpan parsing).
 * Each parser returns undefined for text it does not recognise; the caller names the field in its error.
 */

/** "10'000'000'000" → 10000000000n. */
export function parsePropertyInteger(text: string): bigint | undefined {
  const digits = text.trim().replaceAll("'", '');
  if (!/^\d{1,20}$/.test(digits)) return undefined;
  const value = BigInt(digits);
  return value < 2n ** 64n ? value : undefined;
}

/** "0x6BED'913F'A202'23F8" → 0x6BED913FA20223F8n (a mosaic or namespace id). */
export function parsePropertyHexId(text: string): bigint | undefined {
  const match = /^0x([0-9a-fA-F]{1,16})$/.exec(text.trim().replaceAll("'", ''));
  return match === null ? undefined : BigInt(`0x${match[1]!}`);
}

const UNIT_MS: Readonly<Record<string, bigint>> = {
  ms: 1n,
  s: 1_000n,
  m: 60_000n,
  h: 3_600_000n,
  d: 86_400_000n,
};

/** "30s" → 30000, "6h" → 21600000, "500ms" → 500 (milliseconds); undefined without a known unit. */
export function parsePropertyDurationMs(text: string): number | undefined {
  const match = /^(\d{1,15})(ms|s|m|h|d)$/.exec(text.trim().replaceAll("'", ''));
  if (match === null) return undefined;
  const ms = BigInt(match[1]!) * UNIT_MS[match[2]!]!;
  return ms <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(ms) : undefined;
}
