import type { RewardsResult } from '../../contract/rewards.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { Style } from '../style.js';

/** Widest bar of the daily chart, in characters. */
const BAR_WIDTH = 40;

/** Human text of `harvest rewards`; with `chart` (stdout is a terminal) the days are drawn as bars. */
export function formatRewards(result: RewardsResult, style: Style, chart: boolean): string {
  const lines = [
    `account             ${result.address}`,
    `heights             ${result.fromHeight} to ${result.toHeight}`,
    `total               ${style.bold(describeXym(result.total))}`,
    `  harvester share   ${describeXym(result.harvesterShare)}`,
    `  beneficiary share ${describeXym(result.beneficiaryShare)}`,
    `blocks harvested    ${result.blocks}`,
  ];
  if (result.total === 0n && result.days.length === 0) {
    lines.push('', 'no harvest rewards in this range');
    return lines.join('\n');
  }
  lines.push('', 'per node (beneficiary)');
  for (const node of result.nodes) {
    lines.push(`  ${node.beneficiaryAddress}  ${describeXym(node.amount)}  ${node.blocks} blocks`);
  }
  lines.push('', 'per day (UTC)');
  const largest = result.days.reduce((max, day) => (day.amount > max ? day.amount : max), 0n);
  for (const day of result.days) {
    const bar =
      chart && largest > 0n
        ? `${style.green('█'.repeat(Math.max(1, Number((day.amount * BigInt(BAR_WIDTH)) / largest))))} `
        : '';
    lines.push(`  ${day.date}  ${bar}${describeXym(day.amount)}`);
  }
  return lines.join('\n');
}
