import type { Style } from '../style.js';
import { toHex } from '../../core/bytes.js';
import { describeWait } from '../../core/units/describeWait.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { HarvestingReason, HarvestingState } from '../../core/harvesting/summarizeHarvesting.js';
import type { HarvestingStatus, HarvestingStatusDetails } from '../../contract/status.js';
import { formatImportance } from './importance.js';

/** One line per state word: what it means for the account holder. */
const STATE_MEANINGS: Readonly<Record<HarvestingState, string>> = {
  INACTIVE: 'no harvesting keys are linked',
  KEYS_LINKED: 'keys are linked, but the node has not been asked to harvest (or cannot yet)',
  ACTIVATION_PENDING: 'the request is confirmed; the node has not unlocked the account yet',
  ACTIVE: 'the linked node harvests for this account',
  DEACTIVATION_PENDING: 'our unlink is announced and not confirmed yet',
  OPERATOR: 'remote harvesting by the node owner (remote and VRF keys linked, no node link)',
  CONFIRMATION_PENDING: 'what we announced is not confirmed yet',
  UNKNOWN: 'the node the account is linked to cannot be asked',
};

/** Human text of `harvest status`: the state word first, then each reason in plain words, then the facts. */
export function formatStatus(
  status: HarvestingStatus,
  style: Style,
  details?: HarvestingStatusDetails,
): string {
  const colour =
    status.state === 'ACTIVE' || status.state === 'OPERATOR'
      ? style.green
      : status.state === 'UNKNOWN' || status.state === 'INACTIVE'
        ? style.yellow
        : style.cyan;
  const lines = [`${style.bold(colour(status.state))}  ${STATE_MEANINGS[status.state]}`];
  for (const reason of status.reasons) lines.push(`  - ${explainReason(reason, status, details)}`);
  const link = (key: Uint8Array | null) => (key === null ? style.dim('not linked') : toHex(key));
  const unlocked =
    status.unlocked === null
      ? 'cannot be seen'
      : status.unlocked
        ? 'yes'
        : 'no (not in /node/unlockedaccount)';
  lines.push(
    '',
    `account         ${status.mainAddress}`,
    `balance         ${describeXym(status.balance)}`,
    `importance      ${formatImportance(status.importance, details?.totalChainImportance)}`,
    `remote key      ${link(status.links.remote)}`,
    `VRF key         ${link(status.links.vrf)}`,
    `node key        ${link(status.links.node)}`,
    `node asked      ${status.nodeUrl}`,
  );
  if (status.links.node !== null) {
    lines.push(`linked node     ${status.linkedNodeUrl ?? style.dim('URL unknown')}`);
    lines.push(`unlocked        ${unlocked}`);
  }
  const next = status.nextImportanceRecalculation;
  if (next !== null) {
    lines.push(`next recalc     block ${next.height}${whenReached(next.height, details)}`);
  }
  return lines.join('\n');
}

/** A reason code in plain words, with the numbers that make it actionable. */
function explainReason(
  reason: HarvestingReason,
  status: HarvestingStatus,
  details: HarvestingStatusDetails | undefined,
): string {
  const next = status.nextImportanceRecalculation;
  switch (reason) {
    case 'ZERO_IMPORTANCE':
      return next === null
        ? 'importance is 0 until the next importance recalculation: the node would drop a request now'
        : `importance is 0 until block ${next.height}${whenReached(next.height, details)}: ` +
            'the node would drop a request now; send it after that block';
    case 'BALANCE_BELOW_MINIMUM':
      return (
        `balance ${describeXym(status.balance)} is below the harvesting minimum` +
        (details === undefined ? '' : ` of ${describeXym(details.minHarvesterBalance)}`) +
        ': the node would drop the account'
      );
    case 'BALANCE_ABOVE_MAXIMUM':
      return (
        `balance ${describeXym(status.balance)} is above the harvesting maximum` +
        (details === undefined ? '' : ` of ${describeXym(details.maxHarvesterBalance)}`) +
        ': the node would drop the account'
      );
    case 'NODE_UNREACHABLE':
      return (
        `the linked node${status.linkedNodeUrl === null ? '' : ` ${status.linkedNodeUrl}`} did not answer: ` +
        'whether it harvests cannot be seen'
      );
    case 'NODE_DIAGNOSTICS_UNAVAILABLE':
      return 'the linked node does not publish its unlocked accounts (/node/unlockedaccount): whether it harvests cannot be seen';
    case 'NODE_FULL_LIKELY':
      return (
        'the request was confirmed' +
        (details?.requestConfirmedBlocksAgo === undefined
          ? ''
          : ` ${details.requestConfirmedBlocksAgo} blocks ago`) +
        ' and the node still has not unlocked the account: its delegate slots are probably full; try another node'
      );
    case 'REMOTE_KEY_NOT_IN_KEYSTORE':
      return 'the linked remote key is not in this keystore: delegating again from here links fresh keys';
    case 'LINKED_TO_OTHER_NODE':
      return (
        `the account is linked to node key ${status.links.node === null ? '?' : toHex(status.links.node)}, not to the node asked, and its URL is ` +
        'not known here: ask that node with --node'
      );
    case 'REMOTE_KEY_NOT_LINKED':
      return 'no remote key is linked';
    case 'VRF_KEY_NOT_LINKED':
      return 'no VRF key is linked';
    case 'REQUEST_SENT_AT_ZERO_IMPORTANCE':
      return (
        'the last request was sent while importance was 0, and the node dropped it: ' +
        '`harvest delegate` sends a new one once importance is above 0'
      );
    case 'REQUEST_NOT_SENT':
      return 'no delegation request to the linked node was found on chain: `harvest delegate --resend` sends one';
    case 'REQUEST_AGE_UNKNOWN':
      return 'the node did not answer the search for the delegation request: how long ago it was confirmed is not known';
    case 'UNKNOWN_ACCOUNT':
      return 'the network does not know this account yet (no transaction has involved it)';
  }
}

/** " (in about 6 h)" from the blocks left and the block time, or nothing when the block time is not known. */
function whenReached(height: bigint, details: HarvestingStatusDetails | undefined): string {
  if (details?.blockTimeMs === undefined) return '';
  const seconds = (Number(height - details.chainHeight) * details.blockTimeMs) / 1000;
  return ` (${describeWait(seconds)})`;
}
