import { parseAddress } from '../core/address.js';
import { InputError } from '../core/errors.js';
import { nodeKeyFromUser } from '../core/harvesting/nodeTransportKey.js';
import { derivePublicKey } from '../core/keys.js';
import { parseAccountPublicKey } from '../core/parseAccountPublicKey.js';
import type { NetworkParameters } from '../core/network.js';
import { parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import { AUTO_NODE, type NodeClient } from '../flows/connectNode.js';
import { chooseNode } from '../flows/nodes/chooseNode.js';
import type { NodeChoice } from '../contract/nodes.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { delegateThroughNode, type DelegateThroughNodeOutcome } from '../flows/delegateThroughNode.js';
import { formatDelegatePlan } from '../ui/format/delegate.js';
import type { Context } from './context/context.js';
import type { CommandOutcome } from './context/outcome.js';
import type { DelegateOptions } from './definitions/delegate.js';
import { flowPorts } from './flowPorts.js';
import { interruptedExit, markInterrupted } from './interrupted.js';
import { nodeDiscoveryParameters } from './nodeDiscoveryFlags.js';
import { parseDelegateTo, parseSeconds, requireNodeUrl } from './onlineFlags.js';
import { readMainKey } from './mainKey.js';

/** The main account's key: the private key to sign with, or (--prepare) the public key alone. */
type MainKey = { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };

/** The online flags shared by `delegate` and `link-remote` (docs/commands/delegate.md): delegate's but the offline ones. */
export type OnlineSetupOptions = Omit<DelegateOptions, 'offline' | 'accountState' | 'aggregateVersion'>;

/** Runs delegate or link-remote against --node: flags → flow → result (pendingExit tells whether it is done). */
export async function runOnlineSetup(
  mode: 'delegate' | 'linkRemote',
  options: OnlineSetupOptions,
  ctx: Context,
  checkNetwork?: (network: NetworkParameters) => void,
): Promise<DelegateThroughNodeOutcome> {
  const delegateTo = parseDelegateTo(options.delegateTo);
  const multisig = readMultisigOption(options);
  const auto = mode === 'delegate' && ctx.nodeUrls.includes(AUTO_NODE);
  if (auto && multisig !== undefined) {
    throw new InputError('INVALID_INPUT', '--node auto does not choose for a multisig account', {
      hint: 'pass --node <url> with --multisig',
    });
  }
  if (auto && delegateTo !== undefined) {
    throw new InputError('INVALID_INPUT', '--node auto and --delegate-to both name the node to delegate to', {
      hint: 'leave out one of them',
    });
  }
  // --node auto reads the key first: the choice depends on the account's importance
  const knownKey =
    auto && options.prepare !== true ? await readAccountKey(options, ctx, undefined) : undefined;
  const choice = auto ? await chooseAutoNode(options, ctx, knownKey) : undefined;
  const nodeUrl = choice?.url ?? (await requireNodeUrl(ctx));
  // an unsafe key given by the user is INVALID_KEY (docs/errors.md)
  const givenNodePublicKey =
    options.nodePublicKey === undefined ? undefined : nodeKeyFromUser(options.nodePublicKey);
  const fee = options.fee === undefined ? undefined : parseFeeMultiplier(options.fee);
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const activationTimeoutMs = parseSeconds(options.activationTimeout, '--activation-timeout', 600);
  // delegate: the node to delegate to alone gives the transport key and decides ACTIVE (docs/cli.md, "Several
  // nodes"); link-remote reads no node-specific fact but the network
  const client = await ctx.connectNode(nodeUrl, mode === 'delegate' ? (delegateTo ?? nodeUrl) : undefined);
  const main = knownKey ?? (await readAccountKey(options, ctx, client, multisig !== undefined));
  // with --multisig the keystore is the multisig account's: its public key comes from the chain (the flow sets it)
  const mainPublicKey =
    multisig !== undefined
      ? undefined
      : 'privateKey' in main
        ? derivePublicKey(main.privateKey)
        : main.publicKey;
  const wait = options.wait !== false;
  const outcome = await delegateThroughNode({
    mode,
    client,
    expectedNetwork: ctx.network,
    givenNodePublicKey,
    main,
    openKeystore: (network, mainAddress) =>
      ctx.openKeystore(
        {
          mainAddress,
          networkIdentifier: network.identifier,
          ...(mainPublicKey === undefined ? {} : { mainPublicKey }),
        },
        options.passwordFile,
      ),
    fee,
    confirm: (plan) =>
      options.dryRun === true || 'publicKey' in main
        ? Promise.resolve(ctx.output.note(formatDelegatePlan(plan)))
        : ctx.ask.confirm(formatDelegatePlan(plan)),
    confirmResend: (summary) => ctx.ask.confirm(summary),
    dryRun: options.dryRun === true,
    wait,
    resend: options.resend === true,
    force: options.force === true,
    keepKeys: options.keepKeys === true,
    confirmationTimeoutMs,
    activationTimeoutMs,
    ...flowPorts(ctx),
    ...(checkNetwork === undefined ? {} : { checkNetwork }),
    ...(multisig === undefined ? {} : { multisig }),
  });
  const result = markInterrupted(ctx, outcome.result);
  return { ...outcome, result: choice === undefined ? result : { ...result, nodeChoice: choice } };
}

/** --node auto: the best candidate, said on stderr before anything is asked (docs/commands/nodes.md). */
async function chooseAutoNode(
  options: OnlineSetupOptions,
  ctx: Context,
  main: MainKey | undefined,
): Promise<NodeChoice> {
  const account =
    main !== undefined
      ? { publicKey: 'privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey }
      : options.publicKey !== undefined
        ? { publicKey: parseAccountPublicKey(options.publicKey, 'main public key') }
        : options.address !== undefined
          ? { address: parseAddress(options.address) }
          : undefined;
  const { choice } = await chooseNode(nodeDiscoveryParameters(options, ctx, ctx.nodeUrls, account));
  ctx.output.note(
    `--node auto chose ${choice.url}${choice.name === '' ? '' : ` (${choice.name})`}: ${choice.why}`,
  );
  return choice;
}

/**
 * Exit 130 when interrupted, else exit 5 (docs/cli.md) when the run waited and the delegation is still unconfirmed
 * or not yet active.
 */
export function pendingExit(
  options: OnlineSetupOptions,
  result: DelegateResult,
): Pick<CommandOutcome, 'exit'> {
  const pending = result.state === 'CONFIRMATION_PENDING' || result.state === 'ACTIVATION_PENDING';
  return interruptedExit(
    result,
    options.wait !== false && options.dryRun !== true && pending ? { exit: 'pending' } : {},
  );
}

/** --multisig <address>: the multisig account to set up (docs/commands/delegate.md, "Multisig accounts"). */
function readMultisigOption(options: OnlineSetupOptions): { readonly address: Uint8Array } | undefined {
  if (options.multisig === undefined) return undefined;
  // with --prepare, --public-key / --address name the initiating cosignatory, who signs with `harvest sign`
  return { address: parseAddress(options.multisig) };
}

/** --prepare needs only the public key (--public-key); everything else signs with the private key. */
async function readAccountKey(
  options: OnlineSetupOptions,
  ctx: Context,
  client: NodeClient | undefined,
  multisig = false,
): Promise<MainKey> {
  if (options.prepare !== true) {
    const privateKey = await readMainKey(
      options.keyFile,
      ctx,
      multisig ? 'initiating cosignatory key' : 'main account key',
    );
    return { privateKey };
  }
  if (options.keyFile !== undefined) {
    throw new InputError('INVALID_INPUT', '--prepare takes no private key', {
      hint: 'pass --public-key, and sign the plan offline with `harvest sign`',
    });
  }
  if (options.out === undefined) {
    throw new InputError('INPUT_REQUIRED', '--prepare writes a plan file', { hint: 'pass --out plan.json' });
  }
  const whose = multisig ? 'initiating cosignatory' : 'main';
  if (options.publicKey !== undefined)
    return { publicKey: parseAccountPublicKey(options.publicKey, `${whose} public key`) };
  if (options.address === undefined) {
    throw new InputError('INPUT_REQUIRED', `the ${whose} public key or address is required`, {
      hint: 'pass --public-key or --address',
    });
  }
  // docs/commands/sign.md: the address is enough when the chain knows the account's public key (it has signed
  // before)
  if (client === undefined) throw new Error('readAccountKey: --prepare --address needs the node');
  const account = await client.getAccount({ address: parseAddress(options.address) });
  if (account?.publicKey === undefined) {
    throw new InputError(
      'INPUT_REQUIRED',
      `the chain does not know the public key of ${options.address} yet`,
      {
        hint: 'pass --public-key (an account that has never sent a transaction shows only its address)',
      },
    );
  }
  return { publicKey: account.publicKey };
}
