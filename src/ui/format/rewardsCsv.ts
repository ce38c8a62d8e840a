import type { RewardEntry } from '../../core/rewards/collectBlockRewards.js';
import { encodeAddress } from '../../core/address.js';
import { toHex } from '../../core/bytes.js';

/** The header of `harvest rewards --csv` (docs/commands/rewards.md). */
export const REWARDS_CSV_HEADER =
  'height,time,date,share,amount_xym,amount_micro_xym,beneficiary_address,signer_public_key';

/** One line per share, oldest first: amounts both in XYM (6 decimals, no separators) and in µXYM. */
export function formatRewardsCsv(entries: readonly RewardEntry[]): string {
  const lines = [REWARDS_CSV_HEADER];
  for (const entry of entries) {
    const xym = `${entry.amount / 1_000_000n}.${(entry.amount % 1_000_000n).toString().padStart(6, '0')}`;
    lines.push(
      [
        entry.height.toString(),
        entry.time,
        entry.date,
        entry.share,
        xym,
        entry.amount.toString(),
        encodeAddress(entry.beneficiaryAddress),
        toHex(entry.signerPublicKey),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
