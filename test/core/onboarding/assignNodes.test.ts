import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { assignNodes } from '../../../src/core/onboarding/assignNodes.js';

const A = 'http://a:3000';
const B = 'http://b:3000';
const C = 'http://c:3000';
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ line: index + 2 }));
const urls = (assignments: readonly { nodeUrl: string }[]) => assignments.map((entry) => entry.nodeUrl);

describe('assignNodes', () => {
  it('spreads round-robin over the listed nodes, in order, deterministically', () => {
    const nodes = [{ url: A }, { url: B }, { url: C }];
    expect(urls(assignNodes(rows(7), nodes))).toEqual([A, B, C, A, B, C, A]);
    expect(assignNodes(rows(7), nodes)).toEqual(assignNodes(rows(7), nodes));
  });

  it("keeps a row's own node and a remembered listed node, spreading only the others", () => {
    const result = assignNodes(
      [
        { line: 2, node: C },
        { line: 3 },
        { line: 4, rememberedNode: B },
        { line: 5, rememberedNode: 'http://gone:3000' },
        { line: 6 },
      ],
      [{ url: A }, { url: B }],
    );
    expect(result).toEqual([
      { nodeUrl: C, reason: 'row', overflow: false },
      { nodeUrl: A, reason: 'spread', overflow: false },
      { nodeUrl: B, reason: 'remembered', overflow: false },
      { nodeUrl: B, reason: 'spread', overflow: false },
      { nodeUrl: A, reason: 'spread', overflow: false },
    ]);
  });

  it('skips a node whose known free slots are used up; unknown slots are never full', () => {
    const result = assignNodes(rows(5), [{ url: A, freeSlots: 1 }, { url: B, freeSlots: 0 }, { url: C }]);
    expect(urls(result)).toEqual([A, C, C, C, C]);
    expect(result.every((entry) => !entry.overflow)).toBe(true);
  });

  it('counts rows pinned to a node against its slots, but not an account already remembered there', () => {
    const result = assignNodes(
      [{ line: 2, node: A }, { line: 3, node: B, rememberedNode: B }, { line: 4 }, { line: 5 }],
      [
        { url: A, freeSlots: 1 },
        { url: B, freeSlots: 1 },
      ],
    );
    expect(urls(result)).toEqual([A, B, B, A]);
    expect(result.map((entry) => entry.overflow)).toEqual([false, false, false, true]);
  });

  it('overflows round-robin when every node is known full', () => {
    const result = assignNodes(rows(3), [
      { url: A, freeSlots: 0 },
      { url: B, freeSlots: 0 },
    ]);
    expect(urls(result)).toEqual([A, B, A]);
    expect(result.every((entry) => entry.overflow)).toBe(true);
  });

  it('needs a node for rows that name none', () => {
    expect(assignNodes([{ line: 2, node: A }], [])).toEqual([{ nodeUrl: A, reason: 'row', overflow: false }]);
    expect(() => assignNodes([{ line: 2, node: A }, { line: 3 }], [])).toThrow(InputError);
    expect(() => assignNodes([{ line: 3 }], [])).toThrow(/line 3 names no node, and no --node was given/);
  });
});
