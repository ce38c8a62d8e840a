import type { Style } from '../style.js';
import { toHex } from '../../core/bytes.js';
import { describeXym } from '../../core/units/describeXym.js';
import type {
  DelegatePlan,
  DelegateResult,
  MultisigCosts,
  MultisigResult,
  PlannedTransaction,
} from '../../contract/setupResult.js';

const KIND_TEXT: Readonly<Record<string, string>> = {
  nodeLink: 'link node key',
  nodeUnlink: 'unlink node key',
  remoteLink: 'link remote key',
  remoteUnlink: 'unlink remote key',
  vrfLink: 'link VRF key',
  vrfUnlink: 'unlink VRF key',
  delegationRequest: 'delegation request to node',
};

/** µXYM as XYM with six decimals and thousands separators (core/units/describeXym.ts). */
export function formatXym(microXym: bigint): string {
  return describeXym(microXym);
}

function formatPlanned(transactions: readonly PlannedTransaction[]): string[] {
  return transactions.map((transaction, index) =>
    `  ${index + 1}. ${KIND_TEXT[transaction.kind] ?? transaction.kind}  ${hexOr(transaction.publicKey, transaction.recipientAddress ?? '')}`.trimEnd(),
  );
}

/** The plan shown before confirming. */
export function formatDelegatePlan(plan: DelegatePlan): string {
  return [
    `${plan.mode === 'delegate' ? 'delegate' : 'remote harvesting'} for ${plan.mainAddress} on ${plan.network}`,
    ...(plan.nodePublicKey === undefined
      ? []
      : [`node           ${plan.nodeUrl ?? '(offline)'}  ${toHex(plan.nodePublicKey)}`]),
    `remote key     ${toHex(plan.remotePublicKey)}`,
    `VRF key        ${toHex(plan.vrfPublicKey)}`,
    ...(plan.transactions.length === 0
      ? ['nothing to change']
      : [
          `aggregate v${plan.aggregateVersion}, fee ${formatXym(plan.fee)}:`,
          ...formatPlanned(plan.transactions),
        ]),
    ...(plan.requestSkipped
      ? ['importance is 0: the request is not sent now (the node would drop it); --force sends it']
      : []),
    ...(plan.multisig === undefined ? [] : formatMultisigCosts(plan.multisig)),
  ].join('\n');
}

/** What the initiating cosignatory pays, and the deposit that comes back (docs/commands/delegate.md). */
export function formatMultisigCosts(costs: MultisigCosts): string[] {
  return [
    `multisig ${costs.multisigAddress} (${costs.minApproval} approvals needed), initiated and paid by ${costs.initiatorAddress}:`,
    `  hash lock fee        ${formatXym(costs.lockFee)}`,
    `  bonded aggregate fee ${formatXym(costs.aggregateFee)}`,
    `  deposit              ${formatXym(costs.lockDeposit)} locked for ${costs.lockDurationBlocks} blocks; it comes back when`,
    '                       the other cosignatories sign in time, and goes to a harvester if they do not',
  ];
}

/** Where a multisig set-up stands. */
function formatMultisigResult(multisig: MultisigResult): string[] {
  return [
    '',
    `multisig       ${multisig.address} (${multisig.minApproval} approvals), initiator ${multisig.initiatorAddress}`,
    ...(multisig.aggregateHash === null ? [] : [`aggregate      ${toHex(multisig.aggregateHash)}`]),
    ...(multisig.lockEndHeight === null ? [] : [`lock ends at   height ${multisig.lockEndHeight}`]),
    multisig.cosignaturesNeeded === 0
      ? 'cosignatures   complete'
      : `cosignatures   ${multisig.cosignaturesNeeded} more needed, from: ${multisig.missingCosignatories.join(', ')}`,
    ...(multisig.cosignaturesNeeded === 0 || multisig.aggregateHash === null
      ? []
      : ['each of them runs: harvest cosign --hash <the hash above> --key-file <their key>']),
  ];
}

/** Human text of a delegate / link-remote result. */
export function formatDelegateResult(result: DelegateResult, style: Style): string {
  const lines = [
    `main account   ${result.mainAddress}`,
    ...(result.nodeChoice === undefined
      ? []
      : [`node (auto)    ${result.nodeChoice.url}  ${style.dim(result.nodeChoice.why)}`]),
    ...(result.nodePublicKey === null ? [] : [`node key       ${toHex(result.nodePublicKey)}`]),
    `remote key     ${hexOr(result.remotePublicKey, 'none')}`,
    `VRF key        ${hexOr(result.vrfPublicKey, 'none')}`,
    ...(result.plan.length === 0
      ? ['nothing to change']
      : ['inner transactions:', ...formatPlanned(result.plan)]),
  ];
  for (const transaction of result.transactions) {
    lines.push(
      '',
      `${transaction.kind}  fee ${formatXym(transaction.fee)}  ${transaction.hash === undefined ? style.yellow('unsigned') : `hash ${toHex(transaction.hash)}`}`,
      // once announced the hash is what matters; before, the payload is what the user may want to keep
      ...(result.announced ? [] : [toHex(transaction.payload)]),
    );
  }
  if (result.multisig !== undefined) lines.push(...formatMultisigResult(result.multisig));
  lines.push('', result.announced ? 'announced' : style.yellow('not announced'), `state ${result.state}`);
  if (result.reasons.length > 0) lines.push(`reasons ${result.reasons.join(', ')}`);
  if (result.interrupted === true) lines.push(style.yellow(interruptedText(result)));
  return lines.join('\n');
}

/** What an interrupted run left behind, and what to do next (docs/cli.md, "Signals"). */
function interruptedText(result: DelegateResult): string {
  if (!result.announced) return 'interrupted: nothing was announced';
  if (result.state === 'CONFIRMATION_PENDING') {
    return (
      'interrupted before the confirmation: the keystore journal keeps the transaction open; ' +
      'run the same command again to resume it'
    );
  }
  return 'interrupted while waiting for the node: run `harvest status` (or the same command again) to follow it';
}

function hexOr(bytes: Uint8Array | null, none: string): string {
  return bytes === null ? none : toHex(bytes);
}
