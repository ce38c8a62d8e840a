import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { InputError } from '../core/errors.js';
import type { RequestsResult } from '../flows/scanDelegationRequests.js';
import { formatRequests } from '../ui/format/requests.js';

/** Flags of `harvest requests`. */
export interface RequestsOptions {
  readonly nodeKey?: string;
  readonly showSecrets?: boolean;
  readonly watch?: boolean;
  readonly watchTimeout?: string;
}

/** Registers `harvest requests`. */
export function registerRequests(program: Command, invocation: Invocation): void {
  program
    .command('requests')
    .summary('find, decrypt and check every delegation request sent to this node on chain')
    .description(
      "Searches the chain (--node) for every transfer to the node's transport address that carries a delegation " +
        'request, top level or inside an aggregate, opens each with the node key and checks it against chain ' +
        "state with the node's own rules. Requests others sent that fail to decrypt are listed but do not change " +
        'the exit code.',
    )
    .option(
      '--node-key <file>',
      "the node's transport private key: node.key.pem or 64 hex digits ('-' = stdin)",
    )
    .option('--show-secrets', 'also print the decrypted remote and VRF private keys')
    .option('--watch', 'keep following new blocks; new requests are noted on stderr; stop with Ctrl+C')
    .option('--watch-timeout <seconds>', 'stop watching after this long (default: until Ctrl+C)')
    .action(async (options: RequestsOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await requests(options, ctx), formatRequests);
    });
}

/** Scans the node's chain for delegation requests and checks each. */
export async function requests(options: RequestsOptions, ctx: Context): Promise<RequestsResult> {
  if (options.nodeKey === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the node key is required', {
      hint: 'pass --node-key with the path of node.key.pem',
    });
  }
  const nodePrivateKey = await ctx.readPrivateKey({
    name: 'node key',
    file: options.nodeKey,
    flag: '--node-key',
  });
  const { scanDelegationRequests } = await import('../flows/scanDelegationRequests.js');
  const client = await ctx.connectNode();
  const scan = { nodePrivateKey, expectedNetwork: ctx.network, showSecrets: options.showSecrets === true };
  if (options.watch !== true) return scanDelegationRequests(client, scan);
  const { watchDelegationRequests } = await import('../flows/watchDelegationRequests.js');
  return watchDelegationRequests(client, {
    ...scan,
    timeoutMs: parseWatchTimeout(options.watchTimeout),
    stopped: ctx.runtime.shutdownSignal(),
    now: ctx.runtime.now,
    sleep: ctx.runtime.sleep,
    onNew: (report) =>
      ctx.output.note(
        `request ${report.requestId ?? '?'} at height ${report.height}: ` +
          (report.ok
            ? `${report.verdict ?? 'opened'} ${report.reasons.join(', ')}`.trim()
            : (report.error?.code ?? 'failed')),
      ),
  });
}

function parseWatchTimeout(text: string | undefined): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(seconds)) {
    throw new InputError('INVALID_INPUT', `--watch-timeout must be a number of seconds, got "${text}"`);
  }
  return seconds * 1000;
}
