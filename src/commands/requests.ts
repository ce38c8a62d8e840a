/** `harvest requests` (docs/commands/requests.md): every delegation request sent to this node, checked. */
import { toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { scanDelegationRequests, type RequestsResult } from '../flows/scanDelegationRequests.js';
import { watchDelegationRequests } from '../flows/watchDelegationRequests.js';
import { formatRequests } from '../ui/format/requests.js';
import { readNodePrivateKey } from './readNodePrivateKey.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { RequestsOptions } from './definitions/requests.js';

/** Scans (or with --watch, follows) the node's chain for delegation requests. */
export async function run({ options }: CommandInput<RequestsOptions>, ctx: Context): Promise<CommandOutcome> {
  return outcome(await requests(options, ctx), formatRequests);
}

/** Scans the node's chain for delegation requests and checks each. */
async function requests(options: RequestsOptions, ctx: Context): Promise<RequestsResult> {
  const nodePrivateKey = await readNodePrivateKey(options.nodeKey, ctx);
  // the requests are sealed to the first node's transport key: its own facts come from it alone
  const client = await ctx.connectNode(ctx.nodeUrl, ctx.nodeUrl);
  const scan = { nodePrivateKey, expectedNetwork: ctx.network, showSecrets: options.showSecrets === true };
  if (options.watch !== true) return scanDelegationRequests(client, scan);
  return watchDelegationRequests(client, {
    ...scan,
    timeoutMs: parseWatchTimeout(options.watchTimeout),
    stopped: ctx.runtime.shutdownSignal(),
    now: ctx.runtime.now,
    sleep: ctx.runtime.sleep,
    onProgress: (text) => ctx.output.progress(text),
    onNew: (report) =>
      ctx.output.note(
        `request ${report.requestId === null ? '?' : toHex(report.requestId)} at height ${report.height}: ` +
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
