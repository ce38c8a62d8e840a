/** The note of a request held back at importance 0 says when, in one unit ("in about 6 h", never "360 min"). */
import { describe, expect, it } from 'vitest';
import type { NodeFacts } from '../../src/flows/lifecycle/readNodeFacts.js';
import { nextRecalculationNote } from '../../src/flows/nextRecalculation.js';

function facts(chainHeight: bigint, importanceGrouping: bigint | undefined, blockTimeMs: number): NodeFacts {
  return { chainHeight, properties: { importanceGrouping }, blockTimeMs } as unknown as NodeFacts;
}

describe('nextRecalculationNote', () => {
  it.each<[NodeFacts, string]>([
    [facts(1n, 720n, 30_000), 'height 720 (in about 6 h)'],
    [facts(700n, 720n, 30_000), 'height 720 (in about 10 min)'],
    [facts(5n, 10n, 1_000), 'height 10 (in about 5 s)'],
    [facts(1n, undefined, 30_000), 'height 720 (in about 6 h)'],
  ])('%#: %s', (node, when) => {
    const note = nextRecalculationNote(node);
    expect(note).toContain(`Importance is recalculated at ${when}`);
    expect(note).not.toMatch(/\d+ min\b.*\d+ min|[1-9]\d{2,} min/);
  });
});
