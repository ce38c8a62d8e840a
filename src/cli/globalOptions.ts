/**
 * The global options of docs/cli.md: how commander parses each value (its argParser, so that a bad value fails
 * while the command line is read) and how they combine with the environment into the settings of one invocation.
 * A bad value is INVALID_INPUT (exit 2), printed as the JSON error document with --json.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { parseNetworkName, type NetworkParameters } from '../core/network.js';
import type { Runtime } from '../commands/context/runtime.js';
import type { ProgressStyle } from '../ui/output.js';
import { echoUrl, echoValue } from '../core/redact.js';

/** The global options as commander hands them over, each value already parsed. */
export interface GlobalOptions {
  readonly json?: boolean;
  readonly yes?: boolean;
  /** Every --node in order, without trailing slashes ('' when `--node ''` asks for no node). */
  readonly node?: readonly string[];
  readonly network?: string;
  /** The --home folder, absolute. */
  readonly home?: string;
  /** --timeout in milliseconds. */
  readonly timeout?: number;
  readonly verbose?: boolean;
  /** --progress: one of PROGRESS_MODES (parseProgress checks it). */
  readonly progress?: ProgressMode;
  readonly color?: boolean;
  readonly input?: boolean;
}

/** The values of --progress (docs/cli.md, "Progress"). */
export const PROGRESS_MODES = ['auto', 'plain', 'none'] as const;

/** One value of --progress. */
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** The settings of one invocation: global options, with the environment filling what they leave open. */
export interface Settings {
  readonly json: boolean;
  readonly yes: boolean;
  readonly verbose: boolean;
  /** Colour on the terminal: not with --no-color, NO_COLOR or when stderr is not a terminal. */
  readonly color: boolean;
  /** How progress shows on stderr: --progress, with `auto` decided by the terminal and --verbose. */
  readonly progress: ProgressStyle;
  /** Prompts may be shown: stdin and stderr are terminals, no CI, no --no-input (docs/cli.md). */
  readonly interactive: boolean;
  /** The first of nodeUrls. */
  readonly nodeUrl: string | undefined;
  /** Every --node (or every URL of HARVEST_NODE, a comma-separated list), in order; the others are failover. */
  readonly nodeUrls: readonly string[];
  readonly network: NetworkParameters | undefined;
  readonly home: string;
  readonly timeoutMs: number;
}

/** The default of --timeout. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Combines the parsed global options with HARVEST_* and the terminal; `network`, when given, is --network read. */
export function readSettings(
  runtime: Runtime,
  options: GlobalOptions,
  network?: NetworkParameters,
): Settings {
  const { env, io } = runtime;
  const nodeUrls =
    options.node === undefined
      ? parseNodeUrls(env['HARVEST_NODE'])
      : options.node.filter((url) => url !== '');
  return {
    json: options.json === true,
    yes: options.yes === true,
    verbose: options.verbose === true,
    color: options.color !== false && env['NO_COLOR'] === undefined && io.stderrIsTTY,
    progress: progressStyleOf(options.progress ?? 'auto', io.stderrIsTTY, options.verbose === true),
    // docs/cli.md: with --json, prompts and progress still go to stderr when it is a terminal; stdout keeps the
    // one JSON document. Only a missing terminal, CI or --no-input turns prompting off.
    interactive: io.stdinIsTTY && io.stderrIsTTY && !isTruthy(env['CI']) && options.input !== false,
    nodeUrl: nodeUrls[0],
    nodeUrls,
    network: network ?? pickNetwork(options.network ?? env['HARVEST_NETWORK']),
    home: options.home ?? resolve(runtime.cwd, env['HARVEST_HOME'] ?? defaultHome(env)),
    timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
  };
}

/**
 * --progress: `auto` rewrites one line in place when stderr is a terminal, and writes plain lines without one when
 * --verbose is given (else nothing); `plain` always writes plain lines; `none` nothing.
 */
export function progressStyleOf(mode: ProgressMode, stderrIsTTY: boolean, verbose: boolean): ProgressStyle {
  if (mode !== 'auto') return mode;
  if (stderrIsTTY) return 'terminal';
  return verbose ? 'plain' : 'none';
}

/**
 * --node and HARVEST_NODE: an http(s) URL, without trailing slashes; '' is no node; `auto` asks node discovery
 * to choose one (delegate and onboard, docs/commands/nodes.md).
 */
export function parseNodeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  if (url.trim().toLowerCase() === 'auto') return 'auto';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('INVALID_INPUT', `node URL ${echoUrl(url)} is not a URL`, {
      hint: 'e.g. --node http://127.0.0.1:3000',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('INVALID_INPUT', `node URL must use http or https, got ${parsed.protocol}`);
  }
  return url.replace(/\/+$/, '');
}

/** HARVEST_NODE: one URL or a comma-separated list of them. */
export function parseNodeUrls(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((url) => parseNodeUrl(url.trim()))
    .filter((url) => url !== undefined);
}

/** --timeout: seconds (fractions allowed) above 0 and up to an hour, as milliseconds. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new InputError(
      'INVALID_INPUT',
      `--timeout must be a number of seconds between 0 and 3600, got ${echoValue(text)}`,
    );
  }
  return Math.round(seconds * 1000);
}

/** --progress: one of PROGRESS_MODES; the value is not echoed when it looks like a key pasted there. */
export function parseProgress(text: string): ProgressMode {
  if (!(PROGRESS_MODES as readonly string[]).includes(text)) {
    throw new InputError(
      'INVALID_INPUT',
      `--progress must be one of ${PROGRESS_MODES.join(', ')}, got ${echoValue(text)}`,
    );
  }
  return text as ProgressMode;
}

/** --node, repeatable: each value as parseNodeUrl, keeping '' (no node, whatever HARVEST_NODE says). */
export function nodeUrlParser(text: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), parseNodeUrl(text) ?? ''];
}

/** --home: a folder, made absolute against the working directory. */
export function homeParser(cwd: string): (text: string) => string {
  return (text) => resolve(cwd, text);
}

function defaultHome(env: Readonly<Record<string, string | undefined>>): string {
  const config = env['XDG_CONFIG_HOME'] ?? join(env['HOME'] ?? homedir(), '.config');
  return join(config, 'harvest');
}

function pickNetwork(name: string | undefined): NetworkParameters | undefined {
  return name === undefined || name === '' ? undefined : parseNetworkName(name);
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
