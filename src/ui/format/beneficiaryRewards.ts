import type { BeneficiaryRewardsResult } from '../../contract/rewards.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { Style } from '../style.js';

/** Human text of `harvest rewards --beneficiary`: the node's earnings per delegate, and the kickbacks. */
export function formatBeneficiaryRewards(result: BeneficiaryRewardsResult, style: Style): string {
  const lines = [
    `beneficiary        ${result.beneficiaryAddress}`,
    `heights            ${result.fromHeight} to ${result.toHeight}`,
    `total              ${style.bold(describeXym(result.total))} from ${result.blocks} blocks`,
  ];
  if (result.kickbackTotal !== undefined) {
    lines.push(`kickback ${result.kickbackPercent} %   ${describeXym(result.kickbackTotal)}`);
  }
  if (result.delegates.length === 0) {
    lines.push('', 'no beneficiary shares in this range');
    return lines.join('\n');
  }
  lines.push('', 'per delegate');
  for (const delegate of result.delegates) {
    const kickback = delegate.kickback === undefined ? '' : `  kickback ${describeXym(delegate.kickback)}`;
    lines.push(
      `  ${delegate.address}  ${describeXym(delegate.amount)}  ${delegate.blocks} blocks${kickback}`,
    );
  }
  return lines.join('\n');
}

/** The kickback table of `--beneficiary --csv`: one line per delegate, amounts in µXYM and XYM. */
export function formatKickbackCsv(result: BeneficiaryRewardsResult): string {
  const xym = (amount: bigint) =>
    `${amount / 1_000_000n}.${(amount % 1_000_000n).toString().padStart(6, '0')}`;
  const lines = [
    'delegate_address,blocks,beneficiary_share_micro_xym,kickback_percent,kickback_micro_xym,kickback_xym',
  ];
  for (const delegate of result.delegates) {
    const kickback = delegate.kickback ?? 0n;
    lines.push(
      [
        delegate.address,
        String(delegate.blocks),
        delegate.amount.toString(),
        result.kickbackPercent ?? '0.00',
        kickback.toString(),
        xym(kickback),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
