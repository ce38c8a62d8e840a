/** `harvest unlink` (docs/commands/unlink.md): stop harvesting, unlinking the node link or --all links. */
import { parseAddress } from '../core/address.js';
import { derivePublicKey } from '../core/keys.js';
import { parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { keystorePath } from '../flows/keystore/openKeystore.js';
import { unlinkThroughNode } from '../flows/unlinkThroughNode.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import { formatUnlinkPlan } from '../ui/format/unlink.js';
import { flowPorts } from './flowPorts.js';
import { interruptedExit, markInterrupted } from './interrupted.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { UnlinkOptions } from './definitions/unlink.js';
import { parseSeconds, requireNodeUrl } from './onlineFlags.js';
import { readMainKey } from './mainKey.js';

/** Unlinks; pending (exit 5) while the unlink is unconfirmed or the node has not yet dropped the account. */
export async function run({ options }: CommandInput<UnlinkOptions>, ctx: Context): Promise<CommandOutcome> {
  const result = markInterrupted(ctx, await unlink(options, ctx));
  const pending = result.state === 'CONFIRMATION_PENDING' || result.state === 'DEACTIVATION_PENDING';
  return outcome(
    result,
    formatDelegateResult,
    interruptedExit(result, options.wait !== false && pending ? { exit: 'pending' } : {}),
  );
}

/** Reads flags and the main key, runs the unlink flow. */
async function unlink(options: UnlinkOptions, ctx: Context): Promise<DelegateResult> {
  const nodeUrl = await requireNodeUrl(ctx);
  const multisig = options.multisig === undefined ? undefined : { address: parseAddress(options.multisig) };
  const fee = options.fee === undefined ? undefined : parseFeeMultiplier(options.fee);
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const mainPrivateKey = await readMainKey(
    options.keyFile,
    ctx,
    multisig === undefined ? 'main account key' : 'initiating cosignatory key',
  );
  const { runtime } = ctx;
  // the node's own list says when it dropped the account: that node alone answers it (docs/cli.md, "Several nodes")
  const client = await ctx.connectNode(nodeUrl, nodeUrl);
  const wait = options.wait !== false;
  const dryRun = options.dryRun === true;
  const result = await unlinkThroughNode({
    client,
    expectedNetwork: ctx.network,
    mainPrivateKey,
    // Unlink needs no stored key: an account without a keystore is unlinked without a journal (none is created).
    // A multisig account's keystore is made if needed: its journal keeps the lock from being paid twice.
    openKeystore: async (network, mainAddress) => {
      if (multisig !== undefined) {
        return ctx.openKeystore({ mainAddress, networkIdentifier: network.identifier }, options.passwordFile);
      }
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
    ...(multisig === undefined ? {} : { multisig }),
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
    ...flowPorts(ctx),
  });
  return result;
}
