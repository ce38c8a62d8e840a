import type { Style } from '../style.js';
import type { InspectNodeResult } from '../../contract/nodeInspection.js';
import { formatImportance } from './importance.js';

const ROLE_NAMES: readonly (readonly [number, string])[] = [
  [1, 'peer'],
  [2, 'api'],
  [4, 'voting'],
  [64, 'IPv4'],
  [128, 'IPv6'],
];

/** The public identifier bytes, as a private network that reuses one is described. */
const IDENTIFIER_NAMES: Readonly<Record<number, string>> = { 104: 'mainnet', 152: 'testnet' };

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
    `network         ${formatNetwork(result)}`,
    `version         ${result.version || 'unknown'}, roles ${roles.join(', ') || 'none'}`,
    `chain height    ${result.chainHeight}`,
    `transport key   ${transport}`,
    `owner key       ${result.mainPublicKey || 'unknown'}`,
    `harvesting      ${unlocked}`,
    `lowest delegate importance  ${harvesting.lowestDelegateImportance === null ? 'unknown (no delegate seen)' : formatImportance(harvesting.lowestDelegateImportance)}`,
    `fees            median ${fees.medianFeeMultiplier}, average ${fees.averageFeeMultiplier}, node minimum ${fees.minFeeMultiplier}`,
    `aggregates      version ${result.aggregateVersion}`,
  ].join('\n');
}

/** "testnet (identifier 152, seed 49D6E1CE…)", or "private (testnet identifier, seed 1F2E3D4C…)" (docs/cli.md). */
function formatNetwork(result: InspectNodeResult): string {
  const seed = `seed ${result.generationHashSeed.slice(0, 8)}…`;
  if (!result.privateNetwork) return `${result.network} (identifier ${result.networkIdentifier}, ${seed})`;
  const identifierName = IDENTIFIER_NAMES[result.networkIdentifier];
  const identifier =
    identifierName === undefined ? `identifier ${result.networkIdentifier}` : `${identifierName} identifier`;
  return `private (${identifier}, ${seed})`;
}
