import type { Style } from '../style.js';
import type { InspectNodeResult } from '../../contract/nodeInspection.js';

const ROLE_NAMES: readonly (readonly [number, string])[] = [
  [1, 'peer'],
  [2, 'api'],
  [4, 'voting'],
  [64, 'IPv4'],
  [128, 'IPv6'],
];

/** Human text of `harvest node`. */
export function formatNode(result: InspectNodeResult, style: Style): string {
  const roles = ROLE_NAMES.filter(([bit]) => (result.roles & bit) !== 0).map(([, name]) => name);
  const { harvesting, fees } = result;
  const transport =
    result.nodePublicKey === null
      ? style.red('unknown (the node does not publish nodePublicKey)')
      : result.transportKeySafe
        ? `${result.nodePublicKey} ${style.green('(safe)')}`
        : `${result.nodePublicKey} ${style.red('(UNSAFE: not a prime-order point; do not delegate)')}`;
  const unlocked =
    harvesting.unlockedAccounts === null
      ? style.yellow('not visible (no diagnostics on this node)')
      : `${harvesting.unlockedAccounts} unlocked (the node's own harvester included; the limit is not published)`;
  return [
    `node            ${result.nodeUrl}  ${result.friendlyName === '' ? '' : `"${result.friendlyName}"`}`.trimEnd(),
    `network         ${result.network} (identifier ${result.networkIdentifier})`,
    `version         ${result.version}, roles ${roles.join(', ') || 'none'}`,
    `chain height    ${result.chainHeight}`,
    `transport key   ${transport}`,
    `owner key       ${result.mainPublicKey}`,
    `harvesting      ${unlocked}`,
    `lowest delegate importance  ${harvesting.lowestDelegateImportance === null ? 'unknown' : String(harvesting.lowestDelegateImportance)}`,
    `fees            median ${fees.medianFeeMultiplier}, average ${fees.averageFeeMultiplier}, node minimum ${fees.minFeeMultiplier}`,
    `aggregates      version ${result.aggregateVersion}`,
  ].join('\n');
}
