/** The note shown when a request is held back because importance is 0 (docs/states.md, ZERO_IMPORTANCE). */
import {
  DEFAULT_IMPORTANCE_GROUPING,
  nextRecalculationHeight,
} from '../core/harvesting/importanceRecalculation.js';
import { describeWait } from '../core/units/describeWait.js';
import type { NodeFacts } from './lifecycle/readNodeFacts.js';

/** When importance is recalculated next, and what to do then. */
export function nextRecalculationNote(facts: NodeFacts): string {
  const next = nextRecalculationHeight(
    facts.chainHeight,
    facts.properties.importanceGrouping ?? DEFAULT_IMPORTANCE_GROUPING,
  );
  const seconds = Number(next - facts.chainHeight) * (facts.blockTimeMs / 1000);
  return (
    `importance is 0: the request is not sent now (the node would drop it). Importance is recalculated at height ` +
    `${next} (${describeWait(seconds)}); then run again, or with --resend`
  );
}
