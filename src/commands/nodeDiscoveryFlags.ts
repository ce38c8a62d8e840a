/**
 * The flags of node discovery shared by `harvest nodes` and `--node auto` (docs/commands/nodes.md): --nodewatch
 * (or HARVEST_NODEWATCH; the public directory of mainnet or testnet by default), --max-unlocked-accounts and
 * --probe-timeout, turned into the parameters of discoverNodes / chooseNode.
 */
import { InputError } from '../core/errors.js';
import { httpUrlOf } from '../core/textInput.js';
import { echoUrl } from '../core/redact.js';
import { AUTO_NODE } from '../flows/connectNode.js';
import {
  NODE_DISCOVERY_DEFAULTS,
  type AccountId,
  type DiscoverNodesParameters,
} from '../flows/nodes/discoverNodes.js';
import type { Context } from './context/context.js';

/** The discovery flags as commander hands them over. */
export interface NodeDiscoveryOptions {
  readonly nodewatch?: string;
  readonly maxUnlockedAccounts?: string;
  readonly probeTimeout?: string;
}

/** The public nodewatch directories (symbol/product nodewatch, run by the Symbol community). */
export const PUBLIC_NODEWATCH = {
  mainnet: 'https://nodewatch.symbol.tools',
  testnet: 'https://nodewatch.symbol.tools/testnet',
} as const;

/**
 * The parameters of discoverNodes for this invocation; `nodeUrls` are the --node URLs to consider besides the
 * directory (`auto` left out).
 * @throws {InputError} INVALID_INPUT for a bad flag; INPUT_REQUIRED when there is nothing to choose from
 */
export function nodeDiscoveryParameters(
  options: NodeDiscoveryOptions,
  ctx: Context,
  nodeUrls: readonly string[],
  account?: AccountId,
): DiscoverNodesParameters & { readonly maxUnlockedAccounts: number } {
  const listed = nodeUrls.filter((url) => url !== AUTO_NODE);
  return {
    directoryUrl: directoryUrl(options.nodewatch ?? ctx.runtime.env['HARVEST_NODEWATCH'], ctx, listed),
    nodeUrls: listed,
    expectedNetwork: ctx.network,
    ...(account === undefined ? {} : { account }),
    maxUnlockedAccounts: parseWhole(
      options.maxUnlockedAccounts,
      '--max-unlocked-accounts',
      NODE_DISCOVERY_DEFAULTS.maxUnlockedAccounts,
    ),
    probeTimeoutMs: parseProbeTimeout(options.probeTimeout),
    directoryTimeoutMs: ctx.timeoutMs,
    fetch: ctx.runtime.fetch,
    sleep: ctx.runtime.sleep,
    now: ctx.runtime.now,
    onProgress: (text) => ctx.output.progress(text),
  };
}

/** --nodewatch, else the public directory of --network — but none when --node URLs are given without it. */
function directoryUrl(
  given: string | undefined,
  ctx: Context,
  nodeUrls: readonly string[],
): string | undefined {
  if (given !== undefined && given.trim() !== '') {
    const url = httpUrlOf(given.trim());
    if (url === undefined) {
      throw new InputError('INVALID_INPUT', `--nodewatch ${echoUrl(given)} is not an http(s) URL`, {
        hint: `e.g. --nodewatch ${PUBLIC_NODEWATCH.mainnet}`,
      });
    }
    return given.trim().replace(/\/+$/, '');
  }
  if (nodeUrls.length > 0) return undefined;
  const name = ctx.network?.name ?? 'mainnet';
  if (name === 'mainnet' || name === 'testnet') return PUBLIC_NODEWATCH[name];
  throw new InputError('INPUT_REQUIRED', `there is no public node directory for the network ${name}`, {
    hint: 'pass --nodewatch <url> (or HARVEST_NODEWATCH), or --node <url> (repeatable)',
  });
}

function parseWhole(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 10_000) {
    throw new InputError('INVALID_INPUT', `${flag} must be a whole number from 0 to 10000, got "${text}"`);
  }
  return Number(text.trim());
}

function parseProbeTimeout(text: string | undefined): number {
  if (text === undefined) return NODE_DISCOVERY_DEFAULTS.probeTimeoutMs;
  const seconds = Number(text.trim());
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 60) {
    throw new InputError(
      'INVALID_INPUT',
      `--probe-timeout must be a number of seconds above 0 and up to 60, got "${text}"`,
    );
  }
  return Math.round(seconds * 1000);
}
