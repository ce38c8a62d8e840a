/**
 * An amount of the currency mosaic (µXYM, divisibility 6 on every Symbol network) as people read it: XYM with six
 * decimals and thousands separators, e.g. 12345678901n → "12,345.678901 XYM". Every human message and error
 * message names amounts this way; the --json contract keeps the µXYM integer (docs/cli.md).
 */

/** µXYM → "12,345.678901 XYM". */
export function describeXym(microXym: bigint): string {
  const sign = microXym < 0n ? '-' : '';
  const absolute = microXym < 0n ? -microXym : microXym;
  const whole = (absolute / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (absolute % 1_000_000n).toString().padStart(6, '0');
  return `${sign}${whole}.${fraction} XYM`;
}
