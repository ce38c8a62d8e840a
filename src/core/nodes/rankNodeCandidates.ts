/**
 * The order node discovery recommends (docs/commands/nodes.md, "Ranking"): usable nodes first — a free slot before
 * a full node the account outranks, before a full node whose weakest delegate is unknown — then by REST latency;
 * excluded nodes after them, in the order they were listed, without a rank.
 */
import type { JudgedNode, NodeRoom, RankedNode } from './nodeCandidate.js';

const ROOM_ORDER: Readonly<Record<NodeRoom, number>> = { free: 0, beats: 1, unknown: 2, full: 3 };

/** Sorts judged candidates and numbers the usable ones from 1. */
export function rankNodeCandidates(judged: readonly JudgedNode[]): RankedNode[] {
  const usable = judged
    .filter((node) => node.usable)
    .sort(
      (a, b) =>
        ROOM_ORDER[a.room] - ROOM_ORDER[b.room] ||
        (a.probe.latencyMs ?? Number.MAX_SAFE_INTEGER) - (b.probe.latencyMs ?? Number.MAX_SAFE_INTEGER) ||
        (a.probe.url < b.probe.url ? -1 : a.probe.url > b.probe.url ? 1 : 0),
    );
  return [
    ...usable.map((node, index) => ({ ...node, rank: index + 1 })),
    ...judged.filter((node) => !node.usable).map((node) => ({ ...node, rank: null })),
  ];
}
