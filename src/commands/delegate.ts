/** `harvest delegate` (docs/commands/delegate.md): link fresh remote and VRF keys and ask a node to harvest. */
import { InputError } from '../core/errors.js';
import { nodeKeyFromUser } from '../core/harvesting/nodeTransportKey.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { DelegateOptions } from './definitions/delegate.js';
import { readOfflineSetup, signOffline } from './offlineSetup.js';
import { pendingExit, runOnlineSetup } from './onlineSetup.js';
import { writeResultFile } from './resultFile.js';

/** Reads flags and keys, runs the delegate flow, writes the plan or signed file; pending while unconfirmed. */
export async function run({ options }: CommandInput<DelegateOptions>, ctx: Context): Promise<CommandOutcome> {
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, '--out file');
  if (options.offline === true && options.multisig !== undefined) {
    throw new InputError(
      'INVALID_INPUT',
      '--multisig needs a node: the multisig setup and the hash lock are online',
      {
        hint: 'drop --offline and pass --node',
      },
    );
  }
  if (options.offline === true) return outcome(await delegateOffline(options, ctx), formatDelegateResult);
  const { result, network } = await runOnlineSetup('delegate', options, ctx);
  const exit = pendingExit(options, result);
  if (options.out === undefined || network === undefined || result.transactions.length === 0) {
    return outcome(result, formatDelegateResult, exit);
  }
  return outcome(await writeResultFile(result, network, options, ctx), formatDelegateResult, exit);
}

/** --offline: signs (or with --prepare, plans) from the flags alone, and announces nothing. */
async function delegateOffline(options: DelegateOptions, ctx: Context): Promise<DelegateResult> {
  if (options.nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is required offline", {
      hint: "pass --node-public-key (the node's /node/info nodePublicKey, not publicKey)",
    });
  }
  const nodePublicKey = nodeKeyFromUser(options.nodePublicKey); // an unsafe key given by the user is INVALID_KEY
  const setup = await readOfflineSetup(options, ctx);
  const { result } = await signOffline(
    'delegate',
    { ...setup, facts: { ...setup.facts, nodePublicKey } },
    options.passwordFile,
    ctx,
    options,
  );
  return writeResultFile(result, setup.network, options, ctx);
}
