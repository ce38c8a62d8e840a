/**
 * `onboardAccounts` for library callers (README, "The library"): the flow of the same name with Node's defaults, so
 * that keys, nodes, a harvest home and a password are enough. Its result is the object `harvest onboard --json`
 * prints once written with `toJson`.
 */
import type { OnboardResult } from '../contract/onboard.js';
import { InputError } from '../core/errors.js';
import {
  onboardAccounts as runBatch,
  type OnboardAccountInput,
  type OnboardAccountsParameters,
  type OnboardNode,
} from '../flows/onboardAccounts.js';
import { createNodePorts } from '../platform/nodePorts.js';
import { connectWith } from './connectWith.js';

/** An account given by its private key (its `line` is its 1-based position in `accounts`). */
export interface OnboardKey {
  readonly privateKey: Uint8Array;
  /** This account's own node URL, if any. */
  readonly node?: string | undefined;
}

/** Inputs of the library's onboardAccounts: the flow's, with defaults for everything but keys, nodes, home and password. */
export interface OnboardParameters extends Partial<
  Omit<OnboardAccountsParameters, 'accounts' | 'nodes' | 'password' | 'home'>
> {
  readonly accounts: readonly (OnboardAccountInput | OnboardKey)[];
  /** The nodes to spread the accounts over (URLs, or `{url, maxUnlockedAccounts}`). */
  readonly nodes: readonly (string | OnboardNode)[];
  /** The harvest home where the accounts' keystores are kept. */
  readonly home: string;
  /** The one password of every keystore, or a function giving it (`creating` when a keystore will be made). */
  readonly password: string | ((creating: boolean) => Promise<string>);
  /** Per request, 10 s by default (as `--timeout`). */
  readonly timeoutMs?: number | undefined;
}

/**
 * Delegates every account of the batch and reports each one. Defaults: concurrency 4, the node's average fee, wait
 * 300 s for each confirmation and 600 s for each activation, and no confirmation asked (calling it is the go-ahead,
 * as `--yes`); Node's fetch, clock, randomness and file system.
 * @throws {InputError} INVALID_INPUT (a node that is not an http(s) URL, an empty password) and the flow's errors
 * @throws {CancelledError} when `confirm` declines
 * @throws {NodeError} when no node can be read at all
 */
export async function onboardAccounts(parameters: OnboardParameters): Promise<OnboardResult> {
  const ports = createNodePorts();
  const { password, timeoutMs, accounts, nodes, ...rest } = parameters;
  if (typeof password === 'string' && password === '') {
    throw new InputError('INVALID_INPUT', 'the keystore password is empty');
  }
  const connect = parameters.connect ?? connectWith(ports, timeoutMs);
  const listed = nodes.map((node) => (typeof node === 'string' ? { url: node } : node));
  for (const node of listed) connectWith(ports)(node.url); // an unusable URL fails here, before anything is read
  return runBatch({
    ...ports,
    concurrency: 4,
    fee: undefined,
    expectedNetwork: undefined,
    wait: true,
    confirmationTimeoutMs: 300_000,
    activationTimeoutMs: 600_000,
    confirm: () => Promise.resolve(),
    ...withoutUndefined(rest),
    connect,
    home: parameters.home,
    accounts: accounts.map((account, index) =>
      'readKey' in account ? account : keyInput(account, index + 1),
    ),
    nodes: listed.map((node) => ({ ...node, url: node.url.replace(/\/+$/, '') })),
    password: typeof password === 'string' ? () => Promise.resolve(password) : password,
  });
}

/** An account given by its key, as the flow takes it; a key that is not 32 bytes fails its row (INVALID_KEY). */
function keyInput(account: OnboardKey, line: number): OnboardAccountInput {
  return {
    line,
    label: `accounts[${line - 1}]`,
    node: account.node?.replace(/\/+$/, ''),
    readKey: () =>
      account.privateKey instanceof Uint8Array && account.privateKey.length === 32
        ? Promise.resolve(account.privateKey)
        : Promise.reject(
            new InputError('INVALID_KEY', `accounts[${line - 1}]: a private key is 32 bytes (a Uint8Array)`),
          ),
  };
}

/** The fields that are set (an explicit undefined keeps the default). */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
