import { describe, expect, it } from 'vitest';
import { judgeNodeCandidate } from '../../../src/core/nodes/judgeNodeCandidate.js';
import type { NodeJudgeSettings, NodeProbe } from '../../../src/core/nodes/nodeCandidate.js';
import { pickExpectedNetwork } from '../../../src/core/nodes/pickExpectedNetwork.js';
import { rankNodeCandidates } from '../../../src/core/nodes/rankNodeCandidates.js';

const SEED = new Uint8Array(32).fill(7);
const OTHER_SEED = new Uint8Array(32).fill(9);

function probe(overrides: Partial<NodeProbe> = {}): NodeProbe {
  return {
    url: 'http://a:3000',
    name: 'a',
    directoryHealthy: true,
    unreachable: undefined,
    networkIdentifier: 152,
    generationHashSeed: SEED,
    nodePublicKey: new Uint8Array(32).fill(1),
    transportKeySafe: true,
    version: 16777993,
    height: 100n,
    unlockedAccounts: 1,
    lowestDelegateImportance: 500n,
    latencyMs: 10,
    ...overrides,
  };
}

const settings: NodeJudgeSettings = {
  expected: { identifier: 152, generationHashSeed: SEED },
  maxUnlockedAccounts: 3,
  accountImportance: 1000n,
  networkHeight: 100n,
  maxHeightLag: 30n,
};

describe('judgeNodeCandidate', () => {
  it('a reachable node on the network, with a safe key and a free slot, is usable', () => {
    expect(judgeNodeCandidate(probe(), settings)).toMatchObject({ usable: true, reasons: [], room: 'free' });
  });

  it.each<[string, Partial<NodeProbe>, Partial<NodeJudgeSettings>, string[]]>([
    ['unreachable (alone)', { unreachable: 'NODE_TIMEOUT', nodePublicKey: undefined }, {}, ['UNREACHABLE']],
    ['another identifier', { networkIdentifier: 104 }, {}, ['WRONG_NETWORK']],
    ['another seed', { generationHashSeed: OTHER_SEED }, {}, ['WRONG_NETWORK']],
    ['no transport key', { nodePublicKey: undefined, transportKeySafe: false }, {}, ['NO_TRANSPORT_KEY']],
    ['an unsafe transport key', { transportKeySafe: false }, {}, ['UNSAFE_NODE_KEY']],
    ['unhealthy in the directory', { directoryHealthy: false }, {}, ['UNHEALTHY']],
    ['no height', { height: undefined }, {}, ['UNHEALTHY']],
    ['lagging by more than the allowed blocks', { height: 69n }, {}, ['UNHEALTHY']],
    ['no unlocked list', { unlockedAccounts: undefined }, {}, ['NO_UNLOCKED_LIST']],
    [
      'full, weakest delegate equal (strictly greater needed)',
      { unlockedAccounts: 3, lowestDelegateImportance: 1000n },
      {},
      ['FULL_AND_STRONGER'],
    ],
    [
      'over-full and stronger',
      { unlockedAccounts: 7, lowestDelegateImportance: 5000n },
      {},
      ['FULL_AND_STRONGER'],
    ],
    [
      'several at once',
      { networkIdentifier: 104, nodePublicKey: undefined, unlockedAccounts: undefined },
      {},
      ['WRONG_NETWORK', 'NO_TRANSPORT_KEY', 'NO_UNLOCKED_LIST'],
    ],
  ])('%s', (_name, fields, more, reasons) => {
    const judged = judgeNodeCandidate(probe(fields), { ...settings, ...more });
    expect(judged.usable).toBe(false);
    expect(judged.reasons).toEqual(reasons);
  });

  it('lagging exactly the allowed blocks is still healthy', () => {
    expect(judgeNodeCandidate(probe({ height: 70n }), settings).usable).toBe(true);
  });

  it('a full node the account outranks is usable (room beats); unknown importance keeps it usable (room unknown)', () => {
    const full = probe({ unlockedAccounts: 3, lowestDelegateImportance: 999n });
    expect(judgeNodeCandidate(full, settings)).toMatchObject({ usable: true, room: 'beats' });
    expect(judgeNodeCandidate(full, { ...settings, accountImportance: undefined })).toMatchObject({
      usable: true,
      room: 'unknown',
    });
    expect(
      judgeNodeCandidate(probe({ unlockedAccounts: 3, lowestDelegateImportance: undefined }), settings),
    ).toMatchObject({
      usable: true,
      room: 'unknown',
    });
  });

  it('with no expected network (nothing answered) the network is not judged', () => {
    expect(
      judgeNodeCandidate(probe({ networkIdentifier: 104 }), { ...settings, expected: undefined }).usable,
    ).toBe(true);
  });
});

describe('rankNodeCandidates', () => {
  it('free before beats before unknown, then by latency, then URL; excluded last in listed order, rank null', () => {
    const judged = [
      judgeNodeCandidate(probe({ url: 'http://excluded-1', nodePublicKey: undefined }), settings),
      judgeNodeCandidate(
        probe({
          url: 'http://unknown',
          unlockedAccounts: 3,
          lowestDelegateImportance: undefined,
          latencyMs: 1,
        }),
        settings,
      ),
      judgeNodeCandidate(
        probe({ url: 'http://beats', unlockedAccounts: 3, lowestDelegateImportance: 1n, latencyMs: 1 }),
        settings,
      ),
      judgeNodeCandidate(probe({ url: 'http://free-slow', latencyMs: 50 }), settings),
      judgeNodeCandidate(probe({ url: 'http://free-b', latencyMs: 5 }), settings),
      judgeNodeCandidate(probe({ url: 'http://free-a', latencyMs: 5 }), settings),
      judgeNodeCandidate(probe({ url: 'http://excluded-2', unreachable: 'NODE_UNAVAILABLE' }), settings),
    ];
    expect(rankNodeCandidates(judged).map((node) => [node.probe.url, node.rank])).toEqual([
      ['http://free-a', 1],
      ['http://free-b', 2],
      ['http://free-slow', 3],
      ['http://beats', 4],
      ['http://unknown', 5],
      ['http://excluded-1', null],
      ['http://excluded-2', null],
    ]);
  });
});

describe('pickExpectedNetwork', () => {
  it('takes the network most reachable candidates report; the first listed on a tie; none when none answered', () => {
    const other = { networkIdentifier: 104, generationHashSeed: OTHER_SEED };
    expect(pickExpectedNetwork([probe(other), probe(), probe()])).toEqual({
      identifier: 152,
      generationHashSeed: SEED,
    });
    expect(pickExpectedNetwork([probe(other), probe()])).toEqual({
      identifier: 104,
      generationHashSeed: OTHER_SEED,
    });
    // the same identifier with another seed is another network
    expect(
      pickExpectedNetwork([
        probe({ generationHashSeed: OTHER_SEED }),
        probe({ generationHashSeed: OTHER_SEED }),
        probe(),
      ])?.generationHashSeed,
    ).toEqual(OTHER_SEED);
    expect(
      pickExpectedNetwork([
        probe({ unreachable: 'NODE_TIMEOUT', networkIdentifier: undefined, generationHashSeed: undefined }),
      ]),
    ).toBeUndefined();
  });
});
