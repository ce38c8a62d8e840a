import { describe, expect, it } from 'vitest';
import { findDelegationRequests } from '../../src/flows/findDelegationRequests.js';
import { delegator, NODE_ADDRESS, NODE_PRIVATE, transferEntry } from '../helpers/delegationChain.js';
import { stubNode, type StubRequest } from '../helpers/stubNode.js';

const noSleep = () => Promise.resolve();
const request = delegator(0x20);

/** A node whose search holds `count` requests, at heights 100, 101, …; pages as REST cuts them. */
function history(count: number) {
  const entries = Array.from({ length: count }, (_, index) =>
    transferEntry({
      signer: request.main,
      message: request.message,
      height: BigInt(100 + index),
      hash: index.toString(16).toUpperCase().padStart(64, '0'),
    }),
  );
  return stubNode({ url: 'http://node.test:3000' }).on(
    'GET',
    '/transactions/confirmed',
    (seen: StubRequest) => {
      const size = Number(seen.query.get('pageSize'));
      const page = Number(seen.query.get('pageNumber'));
      return {
        data: entries.slice((page - 1) * size, page * size),
        pagination: { pageNumber: page, pageSize: size },
      };
    },
  );
}

const pagesAsked = (node: ReturnType<typeof history>) =>
  node.requests.map((seen) => Number(seen.query.get('pageNumber')));

const find = (node: ReturnType<typeof history>, extra: { maxPages?: number } = {}) =>
  findDelegationRequests(node.client(noSleep, { retries: 0 }), {
    nodePrivateKey: NODE_PRIVATE,
    nodeAddress: NODE_ADDRESS,
    showSecrets: false,
    pageSize: 10,
    ...extra,
  });

describe('findDelegationRequests paging', () => {
  it('reads a long history a few pages ahead, every request once and oldest first', async () => {
    const node = history(95);
    const found = await find(node);
    expect(found).toHaveLength(95);
    expect(found.every((report) => report.ok)).toBe(true);
    expect(found.map((report) => Number(report.height))).toEqual(
      Array.from({ length: 95 }, (_, index) => 100 + index),
    );
    const asked = pagesAsked(node);
    expect(new Set(asked).size).toBe(asked.length); // no page twice
    expect([...asked].sort((a, b) => a - b).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Math.max(...asked)).toBeLessThanOrEqual(12); // at most two pages past the short one
    node.assertAllHit();
  });

  it('reads a short history page by page, nothing past its end', async () => {
    const node = history(35);
    expect(await find(node)).toHaveLength(35);
    expect(pagesAsked(node)).toEqual([1, 2, 3, 4]);
  });

  it('never asks a page beyond maxPages', async () => {
    const node = history(200);
    expect(await find(node, { maxPages: 7 })).toHaveLength(70);
    expect([...pagesAsked(node)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('ignores a page read ahead past the end that fails', async () => {
    const node = history(95).unavailable((seen) => Number(seen.query.get('pageNumber')) > 10);
    expect(await find(node)).toHaveLength(95);
    expect(pagesAsked(node)).toContain(11);
  });
});
