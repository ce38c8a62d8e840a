/** `harvest cosign` (docs/commands/cosign.md): the other cosignatories complete a multisig account's set-up. */
import { parseAddress } from '../core/address.js';
import { parseHex } from '../core/bytes.js';
import { CancelledError, InputError } from '../core/errors.js';
import { cosignPartials } from '../flows/cosignPartials.js';
import { formatCosignResult, formatPartialReview } from '../ui/format/cosign.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { CosignOptions } from './definitions/cosign.js';
import { flowPorts } from './flowPorts.js';
import { requireNodeUrl } from './onlineFlags.js';

/** Reads the key (or address) and --hash, and runs the cosign flow. */
export async function run({ options }: CommandInput<CosignOptions>, ctx: Context): Promise<CommandOutcome> {
  const hash =
    options.hash === undefined ? undefined : parseHex(options.hash, { name: '--hash', length: 32 });
  const cosignatory = await readCosignatory(options, ctx);
  const nodeUrl = await requireNodeUrl(ctx);
  const client = await ctx.connectNode(nodeUrl);
  const result = await cosignPartials({
    client,
    expectedNetwork: ctx.network,
    cosignatory,
    hash,
    allowAny: options.allowAny === true,
    dryRun: options.dryRun === true,
    confirm: async (description, partialHash, verified) => {
      const review = formatPartialReview(description, partialHash, verified);
      if (ctx.yes || !ctx.interactive) ctx.output.note(review);
      try {
        await ctx.ask.confirm(`${review}\ncosign it?`);
        return true;
      } catch (error) {
        // declining one aggregate goes on with the next; with --hash it is the answer
        if (error instanceof CancelledError && hash === undefined) return false;
        throw error;
      }
    },
    ...flowPorts(ctx),
  });
  return outcome(result, formatCosignResult);
}

/** --key-file (or HARVEST_PRIVATE_KEY) cosigns; --address alone lists. */
async function readCosignatory(
  options: CosignOptions,
  ctx: Context,
): Promise<{ readonly privateKey: Uint8Array } | { readonly address: Uint8Array }> {
  if (options.address !== undefined) {
    if (options.keyFile !== undefined) {
      throw new InputError('INVALID_INPUT', '--address lists only; it takes no --key-file', {
        hint: 'pass --key-file alone to cosign',
      });
    }
    return { address: parseAddress(options.address) };
  }
  const privateKey = await ctx.readPrivateKey({
    name: 'cosignatory key',
    file: options.keyFile,
    flag: '--key-file',
    envVar: 'HARVEST_PRIVATE_KEY',
  });
  return { privateKey };
}
