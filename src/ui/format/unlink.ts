import { toHex } from '../../core/bytes.js';
import type { UnlinkPlan } from '../../contract/setupResult.js';
import { formatMultisigCosts, formatXym } from './delegate.js';

const KIND_TEXT: Readonly<Record<string, string>> = {
  nodeUnlink: 'unlink node key',
  remoteUnlink: 'unlink remote key',
  vrfUnlink: 'unlink VRF key',
};

/** The unlink plan shown before confirming. */
export function formatUnlinkPlan(plan: UnlinkPlan): string {
  const unlinksNode = plan.transactions.some((transaction) => transaction.kind === 'nodeUnlink');
  return [
    `unlink for ${plan.mainAddress} on ${plan.network}, through ${plan.nodeUrl}`,
    ...(plan.transactions.length === 0
      ? ['nothing to unlink']
      : [`aggregate v${plan.aggregateVersion}, fee ${formatXym(plan.fee)}:`]),
    ...plan.transactions.map((transaction, index) =>
      `  ${index + 1}. ${KIND_TEXT[transaction.kind] ?? transaction.kind}  ${transaction.publicKey === null ? '' : toHex(transaction.publicKey)}`.trimEnd(),
    ),
    ...(unlinksNode
      ? [
          plan.linkedToThisNode
            ? 'the node asked is the linked node: it stops harvesting for the account'
            : 'the linked node is not the node asked: that node stops harvesting for the account',
        ]
      : []),
    ...(plan.multisig === undefined ? [] : formatMultisigCosts(plan.multisig)),
  ].join('\n');
}
