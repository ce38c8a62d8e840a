import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { InputError } from '../core/errors.js';
import type { TransactionFile } from '../core/transactions/transactionFile.js';
import { toJson } from '../ui/output.js';
import { formatSignedFile, formatTransactionReview } from '../ui/format/sign.js';

/** Flags of `harvest sign`. */
export interface SignOptions {
  readonly keyFile?: string;
  readonly out?: string;
  readonly allowAny?: boolean;
}

/** Registers `harvest sign`. */
export function registerSign(program: Command, invocation: Invocation): void {
  program
    .command('sign')
    .summary('sign a prepared plan offline (cold signing)')
    .description(
      'Shows every inner transaction of a plan written by `harvest delegate --prepare`, asks for confirmation ' +
        '(--yes skips), signs it with the main key and writes the signed file for `harvest announce`. Refuses ' +
        'anything but key links and delegation requests (UNSAFE_TRANSACTION) unless --allow-any.',
    )
    .argument('<plan>', 'the unsigned plan file')
    .option(
      '--key-file <path>',
      "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
    )
    .option('--out <file>', 'where to write the signed file (mode 0600)')
    .option('--allow-any', 'sign even transactions that are not key links or delegation requests')
    .action(async (plan: string, options: SignOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await sign(plan, options, ctx), formatSignedFile);
    });
}

/** Reads, reviews and signs a plan; writes the signed file with --out. */
export async function sign(planPath: string, options: SignOptions, ctx: Context): Promise<TransactionFile> {
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, 'signed file');
  const { parseTransactionFile } = await import('../core/transactions/transactionFile.js');
  const file = parseTransactionFile(
    new TextDecoder().decode(await ctx.readFile(planPath, 'plan', 'INVALID_FILE')),
    `plan file ${planPath}`,
  );
  if (file.format !== 'harvest-unsigned') {
    throw new InputError('INVALID_FILE', `plan file ${planPath} is already signed`, {
      hint: 'announce it with `harvest announce`',
    });
  }
  if (ctx.network !== undefined && ctx.network.identifier !== file.network.identifier) {
    throw new InputError('WRONG_NETWORK', `the plan is for ${file.network.name}, not ${ctx.network.name}`);
  }
  const privateKey = await ctx.readPrivateKey({
    name: 'main account key',
    file: options.keyFile,
    flag: '--key-file',
    envVar: 'HARVEST_PRIVATE_KEY',
  });
  const { signPlan } = await import('../flows/signPlan.js');
  const signed = await signPlan({
    file,
    privateKey,
    allowAny: options.allowAny === true,
    review: async (descriptions) => {
      const review =
        `network ${file.network.name} (identifier ${file.network.identifier}, generation hash seed ` +
        `${file.network.generationHashSeed})\n${formatTransactionReview(descriptions)}`;
      if (ctx.yes || !ctx.interactive) ctx.output.note(review);
      await ctx.ask.confirm(
        `${review}\nsign ${descriptions.length === 1 ? 'this transaction' : `these ${descriptions.length} transactions`} for ${file.mainAddress}?`,
      );
    },
  });
  if (options.out !== undefined) {
    const path = ctx.resolvePath(options.out);
    await ctx.writeOutputFile(path, `${toJson(signed)}\n`, 0o600, 'signed file');
    ctx.output.note(`signed file written to ${path}`);
  }
  return signed;
}
