/**
 * How long until something, as people say it: "in about 19 s", "in about 6 min", "in about 6 h", "in about 2 d".
 * One unit, rounded, switching up once the count would pass 90 (seconds, minutes) or 36 (hours), so that the
 * next importance recalculation on mainnet (720 blocks of 30 s) reads "in about 6 h", never "about 360 min".
 */

/** Seconds from now → "in about 6 h" ("now" when it is due). */
export function describeWait(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0.5) return 'now';
  if (seconds < 90) return `in about ${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `in about ${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 36) return `in about ${Math.round(hours)} h`;
  return `in about ${Math.round(hours / 24)} d`;
}
