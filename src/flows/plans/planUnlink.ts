/**
 * The plan builder of `unlink` (docs/commands/unlink.md): unlink what is linked NOW (an unlink must name the linked
 * key, docs/protocol.md "Key links") — the node link by default, so that the node drops the delegate; with `all`
 * also the remote and VRF links. Order: node, remote, VRF. Nothing to unlink → nothing to send.
 */
import type { PlannedTransaction, UnlinkPlan } from '../../contract/setupResult.js';
import { equalBytes } from '../../core/bytes.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import type { KeyLinkRole, KeyLinkTransaction } from '../../core/transactions/transactionTypes.js';
import type { PlanStep } from '../lifecycle/runLifecycle.js';

/** Inputs of planUnlink. */
export interface PlanUnlinkParameters {
  readonly links: AccountLinks;
  readonly all: boolean;
  /** The transport key of the node asked, when it publishes one. */
  readonly askedNodeKey: Uint8Array | undefined;
  /** What the confirmation shows besides the fee and version. */
  readonly describe: Omit<UnlinkPlan, 'transactions' | 'aggregateVersion' | 'fee' | 'linkedToThisNode'>;
  readonly confirm: (plan: UnlinkPlan) => Promise<void>;
  readonly onNote?: ((text: string) => void) | undefined;
}

/** The unlink plan, or nothing to send. */
export function planUnlink(parameters: PlanUnlinkParameters): PlanStep {
  const { links, all } = parameters;
  const keysNow = {
    nodePublicKey: links.node ?? null,
    remotePublicKey: links.remote ?? null,
    vrfPublicKey: links.vrf ?? null,
  };
  const roles: KeyLinkRole[] = all ? ['node', 'remote', 'vrf'] : ['node'];
  const transactions = roles.flatMap((role): KeyLinkTransaction[] => {
    const linked = links[role];
    return linked === undefined ? [] : [{ type: 'keyLink', role, action: 'unlink', linkedPublicKey: linked }];
  });
  if (transactions.length === 0) {
    parameters.onNote?.(
      all
        ? 'nothing is linked: nothing to unlink'
        : 'no node link: nothing to unlink (--all unlinks the remote and VRF keys)',
    );
    return { nothingToSend: { keys: keysNow, then: { waitFor: 'nothing' } } };
  }
  const linkedToThisNode =
    links.node !== undefined &&
    parameters.askedNodeKey !== undefined &&
    equalBytes(links.node, parameters.askedNodeKey);
  const planned = transactions.map((transaction): PlannedTransaction => ({
    kind: `${transaction.role}Unlink`,
    publicKey: transaction.linkedPublicKey,
  }));
  return {
    plan: {
      kind: 'unlink',
      transactions,
      planned,
      confirm: (fee, aggregateVersion, multisig) =>
        parameters.confirm({
          ...parameters.describe,
          transactions: planned,
          aggregateVersion,
          fee,
          linkedToThisNode,
          ...(multisig === undefined ? {} : { multisig }),
        }),
      // The keys linked once the unlink is confirmed (docs/commands/unlink.md): what it does not unlink stays.
      keys: () => ({
        nodePublicKey: null,
        remotePublicKey: all ? null : (links.remote ?? null),
        vrfPublicKey: all ? null : (links.vrf ?? null),
      }),
      then:
        linkedToThisNode && links.remote !== undefined
          ? { waitFor: 'departure', remotePublicKey: links.remote }
          : { waitFor: 'nothing' },
    },
  };
}
