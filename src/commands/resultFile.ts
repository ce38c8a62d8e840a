/** `--out` of delegate and link-remote: the unsigned plan (for `harvest sign`) or the signed result, as a file. */
import type { DelegateResult } from '../contract/setupResult.js';
import { toHex } from '../core/bytes.js';
import type { NetworkParameters } from '../core/network.js';
import type { TransactionFile } from '../core/transactions/transactionFile.js';
import { toJson } from '../ui/output.js';
import type { Context } from './context/context.js';
import type { DelegateOptions } from './definitions/delegate.js';

/** With --out: writes the plan (--prepare, unsigned) or the signed result, mode 0600; returns what to print. */
export async function writeResultFile(
  result: DelegateResult,
  network: NetworkParameters,
  options: DelegateOptions,
  ctx: Context,
): Promise<DelegateResult> {
  if (options.out === undefined) return result;
  const text = transactionFileText(result, network, options.prepare === true ? 'unsigned' : 'signed');
  const path = ctx.resolvePath(options.out);
  await ctx.writeOutputFile(path, text, 0o600, '--out file');
  ctx.output.note(`${options.prepare === true ? 'unsigned plan' : 'signed transactions'} written to ${path}`);
  return result;
}

/**
 * The file `harvest sign` and `harvest announce` read: the --json result (bytes as hex, bigints as strings) with
 * the header they check (format, version, network); shared by delegate --out and onboard --offline.
 */
export function transactionFileText(
  result: DelegateResult,
  network: NetworkParameters,
  kind: 'signed' | 'unsigned',
): string {
  const asJson = JSON.parse(toJson(result)) as Pick<TransactionFile, 'mainPublicKey' | 'transactions'>;
  const file: TransactionFile = {
    ...asJson,
    format: kind === 'unsigned' ? 'harvest-unsigned' : 'harvest-signed',
    version: 1,
    network: {
      name: network.name,
      identifier: network.identifier,
      generationHashSeed: toHex(network.generationHashSeed),
    },
    mainAddress: result.mainAddress,
  };
  return `${toJson(file)}\n`;
}
