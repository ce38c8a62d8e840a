/** `harvest sign` (docs/commands/sign.md): sign a prepared plan offline (cold signing). */
import { equalBytes, parseHex } from '../core/bytes.js';
import { describeNetwork } from '../core/describeNetwork.js';
import { InputError } from '../core/errors.js';
import { parseTransactionFile, type TransactionFile } from '../core/transactions/transactionFile.js';
import { cosignSignedFile } from '../flows/cosignSignedFile.js';
import { signPlan } from '../flows/signPlan.js';
import type { TransactionDescription } from '../core/transactions/describeTransaction.js';
import { formatSignedFile, formatTransactionReview } from '../ui/format/sign.js';
import { toJson } from '../ui/output.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { SignOptions } from './definitions/sign.js';
import { readMainKey } from './mainKey.js';

/** Signs the plan named by the first argument. */
export async function run(
  { args, options }: CommandInput<SignOptions>,
  ctx: Context,
): Promise<CommandOutcome> {
  return outcome(await sign(args[0]!, options, ctx), formatSignedFile);
}

/** Reads, reviews and signs a plan (--cosign: cosigns a signed multisig file); writes the signed file with --out. */
async function sign(planPath: string, options: SignOptions, ctx: Context): Promise<TransactionFile> {
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, 'signed file');
  const file = parseTransactionFile(
    new TextDecoder().decode(await ctx.readFile(planPath, 'plan', 'INVALID_FILE')),
    `plan file ${planPath}`,
  );
  const cosigning = options.cosign === true;
  if (cosigning && file.format !== 'harvest-signed') {
    throw new InputError(
      'INVALID_FILE',
      `${planPath} is not signed yet: --cosign adds to a signed multisig file`,
      {
        hint: 'the initiating cosignatory signs the plan first, without --cosign',
      },
    );
  }
  if (!cosigning && file.format !== 'harvest-unsigned') {
    throw new InputError('INVALID_FILE', `plan file ${planPath} is already signed`, {
      hint: 'announce it with `harvest announce` (another cosignatory of a multisig file: pass --cosign)',
    });
  }
  const planNetwork = {
    identifier: file.network.identifier,
    generationHashSeed: parseHex(file.network.generationHashSeed, { name: 'seed', code: 'INVALID_FILE' }),
  };
  if (
    ctx.network !== undefined &&
    (ctx.network.identifier !== planNetwork.identifier ||
      !equalBytes(ctx.network.generationHashSeed, planNetwork.generationHashSeed))
  ) {
    throw new InputError(
      'WRONG_NETWORK',
      `the plan is for ${describeNetwork(planNetwork)}, not ${describeNetwork(ctx.network)}`,
    );
  }
  const privateKey = await readMainKey(options.keyFile, ctx);
  const review = async (descriptions: readonly TransactionDescription[]) => {
    const review =
      `network ${describeNetwork(planNetwork)}: identifier ${file.network.identifier}, generation hash seed ` +
      `${file.network.generationHashSeed}\n${formatTransactionReview(descriptions)}`;
    if (ctx.yes || !ctx.interactive) ctx.output.note(review);
    await ctx.ask.confirm(
      cosigning
        ? `${review}\ncosign this bonded aggregate for the multisig account ${file.mainAddress}?`
        : `${review}\nsign ${descriptions.length === 1 ? 'this transaction' : `these ${descriptions.length} transactions`} for ${file.mainAddress}?`,
    );
  };
  const parameters = { file, privateKey, allowAny: options.allowAny === true, review };
  const signed = cosigning
    ? await cosignSignedFile({ ...parameters, onNote: (text) => ctx.output.note(text) })
    : await signPlan(parameters);
  if (options.out !== undefined) {
    const path = ctx.resolvePath(options.out);
    await ctx.writeOutputFile(path, `${toJson(signed)}\n`, 0o600, 'signed file');
    ctx.output.note(`signed file written to ${path}`);
  }
  return signed;
}
