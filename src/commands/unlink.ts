import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import { formatUnlinkPlan } from '../ui/format/unlink.js';
import { parseSeconds, requireNodeUrl } from './onlineFlags.js';

/** Flags of `harvest unlink`. */
export interface UnlinkOptions {
  readonly keyFile?: string;
  readonly all?: boolean;
  readonly fee?: string;
  readonly passwordFile?: string;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
}

/** Registers `harvest unlink`. */
export function registerUnlink(program: Command, invocation: Invocation): void {
  program
    .command('unlink')
    .summary('stop harvesting: unlink the node link (default), or --all links')
    .description(
      'Unlinks the node key the account is linked to, so that the node drops the delegate; --all also unlinks the ' +
        'remote and VRF keys. One aggregate, confirmed (--yes skips), journalled in the keystore when the account ' +
        'has one (no keystore is needed), announced through --node and waited for.',
    )
    .option(
      '--key-file <path>',
      "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
    )
    .option('--all', 'also unlink the remote and VRF keys')
    .option(
      '--fee <multiplier>',
      'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum)',
    )
    .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
    .option('--dry-run', 'sign and print, announce nothing')
    .option('--no-wait', 'return once announced, without waiting for confirmation')
    .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
    .action(async (options: UnlinkOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await unlink(options, ctx), formatDelegateResult);
    });
}

/** Reads flags and the main key, runs the unlink flow; exit 5 while still pending. */
export async function unlink(options: UnlinkOptions, ctx: Context): Promise<DelegateResult> {
  const [{ derivePublicKey }, { parseFeeMultiplier }] = await Promise.all([
    import('../core/keys.js'),
    import('../core/transactions/parseFeeMultiplier.js'),
  ]);
  const nodeUrl = await requireNodeUrl(ctx);
  const fee = options.fee === undefined ? undefined : parseFeeMultiplier(options.fee);
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const mainPrivateKey = await ctx.readPrivateKey({
    name: 'main account key',
    file: options.keyFile,
    flag: '--key-file',
    envVar: 'HARVEST_PRIVATE_KEY',
  });
  const [{ keystorePath }, { unlinkThroughNode }] = await Promise.all([
    import('../flows/keystore/openKeystore.js'),
    import('../flows/unlinkThroughNode.js'),
  ]);
  const { runtime } = ctx;
  const client = await ctx.connectNode(nodeUrl);
  const wait = options.wait !== false;
  const dryRun = options.dryRun === true;
  const result = await unlinkThroughNode({
    client,
    expectedNetwork: ctx.network,
    mainPrivateKey,
    // Unlink needs no stored key: an account without a keystore is unlinked without a journal (none is created).
    openKeystore: async (network, mainAddress) => {
      if ((await runtime.files.stat(keystorePath(ctx.home, mainAddress))) === undefined) return undefined;
      return ctx.openKeystore(
        {
          mainAddress,
          networkIdentifier: network.identifier,
          mainPublicKey: derivePublicKey(mainPrivateKey),
        },
        options.passwordFile,
      );
    },
    all: options.all === true,
    fee,
    confirmResend: (summary) => ctx.ask.confirm(summary),
    confirm: (plan) =>
      dryRun
        ? Promise.resolve(ctx.output.note(formatUnlinkPlan(plan)))
        : ctx.ask.confirm(formatUnlinkPlan(plan)),
    dryRun,
    wait,
    confirmationTimeoutMs,
    now: runtime.now,
    sleep: runtime.sleep,
    onProgress: (text) => ctx.output.progress(text),
    onNote: (text) => ctx.output.note(text),
  });
  if (wait && (result.state === 'CONFIRMATION_PENDING' || result.state === 'DEACTIVATION_PENDING')) {
    ctx.setExitCode(ExitCode.Pending);
  }
  return result;
}
