/**
 * Importance is recalculated every `importanceGrouping` blocks (720 on the public networks; docs/states.md): an
 * account with importance 0 cannot harvest, and a node drops its request, until the next multiple of it.
 */

/** The public networks' importanceGrouping, used when the node does not say. */
export const DEFAULT_IMPORTANCE_GROUPING = 720n;

/** The next multiple of `grouping` above `height`. */
export function nextRecalculationHeight(height: bigint, grouping: bigint): bigint {
  return (height / grouping + 1n) * grouping;
}
