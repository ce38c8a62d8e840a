/**
 * Importance as people can weigh it. Symbol's importance is an integer score; the scores of all accounts add up to
 * the network property totalChainImportance, which on the public networks equals the initial supply in µXYM
 * (7,842,928,625 XYM). So a score reads as the XYM of stake it is worth ("≈ 1,234 XYM weighted") and, when the node
 * publishes the total, as a share of the network. The --json result keeps the raw integer (docs/commands/status.md).
 */

/** 1_234_000_000n, 7_842_928_625_000_000n → "≈ 1,234 XYM weighted, 0.0000157 % of the network"; 0n → "0". */
export function formatImportance(importance: bigint, totalChainImportance?: bigint): string {
  if (importance <= 0n) return '0';
  const weighted = importance < 1_000_000n ? '< 1' : withSeparators((importance + 500_000n) / 1_000_000n);
  const share =
    totalChainImportance === undefined || totalChainImportance <= 0n
      ? ''
      : `, ${formatShare(importance, totalChainImportance)} of the network`;
  return `≈ ${weighted} XYM weighted${share}`;
}

function formatShare(importance: bigint, total: bigint): string {
  const percent = (Number(importance) / Number(total)) * 100;
  if (percent < 0.000001) return '< 0.000001 %';
  return `${Number(percent.toPrecision(3)).toString()} %`;
}

function withSeparators(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
