/**
 * Whether one candidate node can take a delegation, and why not (docs/commands/nodes.md, "Reasons"). A node holds
 * at most maxUnlockedAccounts delegates; when full, a newcomer enters only with an importance strictly greater than
 * the weakest one, which is evicted (docs/protocol.md §2.3).
 */
import { equalBytes } from '../bytes.js';
import type {
  JudgedNode,
  NodeExclusionReason,
  NodeJudgeSettings,
  NodeProbe,
  NodeRoom,
} from './nodeCandidate.js';

/** Judges one probe: usable when no reason excludes it. */
export function judgeNodeCandidate(probe: NodeProbe, settings: NodeJudgeSettings): JudgedNode {
  if (probe.unreachable !== undefined) {
    return { probe, usable: false, reasons: ['UNREACHABLE'], room: 'unknown' };
  }
  const reasons: NodeExclusionReason[] = [];
  const { expected } = settings;
  if (
    expected !== undefined &&
    (probe.networkIdentifier !== expected.identifier ||
      probe.generationHashSeed === undefined ||
      !equalBytes(probe.generationHashSeed, expected.generationHashSeed))
  ) {
    reasons.push('WRONG_NETWORK');
  }
  if (probe.nodePublicKey === undefined) reasons.push('NO_TRANSPORT_KEY');
  else if (!probe.transportKeySafe) reasons.push('UNSAFE_NODE_KEY');
  if (!probe.directoryHealthy || probe.height === undefined || lags(probe.height, settings)) {
    reasons.push('UNHEALTHY');
  }
  if (probe.unlockedAccounts === undefined) reasons.push('NO_UNLOCKED_LIST');
  const room = roomOf(probe, settings);
  if (room === 'full') reasons.push('FULL_AND_STRONGER');
  return { probe, usable: reasons.length === 0, reasons, room };
}

function lags(height: bigint, settings: NodeJudgeSettings): boolean {
  return settings.networkHeight !== undefined && settings.networkHeight - height > settings.maxHeightLag;
}

function roomOf(probe: NodeProbe, settings: NodeJudgeSettings): NodeRoom {
  if (probe.unlockedAccounts === undefined) return 'unknown';
  if (probe.unlockedAccounts < settings.maxUnlockedAccounts) return 'free';
  const lowest = probe.lowestDelegateImportance;
  if (lowest === undefined || settings.accountImportance === undefined) return 'unknown';
  return settings.accountImportance > lowest ? 'beats' : 'full';
}
