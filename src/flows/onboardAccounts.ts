/**
 * `harvest onboard` (docs/commands/onboard.md): delegate many accounts, each with the online delegate flow, over several
 * nodes, a few at a time:
 *
 *   1. read every key (a row whose key cannot be read is FAILED, the others go on); the same account twice is an
 *      input error for the whole file
 *   2. read every node once (network, fees, unlocked accounts); nodes that cannot be read are left out of the
 *      spreading; all nodes must be on one network
 *   3. assign a node to each account (assignNodes: the row's node, the keystore's remembered node, round-robin)
 *   4. one confirmation for the whole batch (accounts, nodes, fee estimate), then one keystore password
 *   5. run delegateThroughNode per account with bounded concurrency; a failure is caught into its row
 *
 * Resuming needs nothing special: each account's keystore journal makes its delegate flow resume what an earlier
 * run left unconfirmed, or find the account ACTIVE and announce nothing.
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex, wipe } from '../core/bytes.js';
import { HarvestError, InputError, NodeError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { unlockKeystore, type ScryptParameters } from '../core/keystore/keystoreCrypto.js';
import type { NetworkParameters } from '../core/network.js';
import { assignNodes } from '../core/onboarding/assignNodes.js';
import type { Clock, FileSystem, RandomBytes, Sleep } from '../core/ports.js';
import { buildAggregate } from '../core/transactions/buildAggregate.js';
import type { FeeLevel } from '../core/transactions/parseFeeMultiplier.js';
import { resolveFeeMultiplier } from '../core/transactions/resolveFeeMultiplier.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { delegateThroughNode } from './delegateThroughNode.js';
import { keystorePath, openKeystore } from './keystore/openKeystore.js';
import { readKeystoreFile } from './keystore/readKeystoreFile.js';
import { readNodeFacts, type NodeFacts } from './readNodeFacts.js';

/** One account to onboard. */
export interface OnboardAccountInput {
  /** Line in the accounts file (for messages and the result). */
  readonly line: number;
  /** How the key is named, for humans: the key file path or the variable name (never the key). */
  readonly label: string;
  /** The row's own node URL, if any. */
  readonly node?: string | undefined;
  /** Reads the main private key; a HarvestError marks the row FAILED. */
  readonly readKey: () => Promise<Uint8Array>;
}

/** One listed node; `maxUnlockedAccounts`, when known, lets the spreading respect its free slots. */
export interface OnboardNode {
  readonly url: string;
  readonly maxUnlockedAccounts?: number | undefined;
}

/** What the batch confirmation shows. */
export interface OnboardPlan {
  /** Accounts that will run (rows already FAILED excluded). */
  readonly accounts: number;
  readonly nodes: readonly { readonly url: string; readonly accounts: number; readonly freeSlots?: number }[];
  /** Upper bound of the fees, µXYM: a full set-up aggregate per account (accounts already done pay nothing). */
  readonly totalFeeEstimate: bigint;
  /** Rows that failed before anything (unreadable keys, unreachable nodes). */
  readonly failed: number;
}

/** Inputs of onboardAccounts. */
export interface OnboardAccountsParameters {
  readonly accounts: readonly OnboardAccountInput[];
  /** The --node list, in order. */
  readonly nodes: readonly OnboardNode[];
  readonly connect: (url: string) => NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly fee: bigint | FeeLevel | undefined;
  /** Accounts run at the same time (≥ 1). */
  readonly concurrency: number;
  /** Asked once for the whole batch; may throw CONFIRMATION_REQUIRED or CANCELLED (nothing is sent then). */
  readonly confirm: (plan: OnboardPlan) => Promise<void>;
  /** The one password of every keystore; `creating` when at least one keystore will be made. */
  readonly password: (creating: boolean) => Promise<string>;
  readonly files: FileSystem;
  readonly home: string;
  readonly scrypt?: ScryptParameters;
  readonly wait: boolean;
  readonly confirmationTimeoutMs: number;
  readonly activationTimeoutMs: number;
  readonly random: RandomBytes;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** "n/N done" after each account. */
  readonly onProgress?: (text: string) => void;
  readonly onNote?: (text: string) => void;
}

/** One row of the result (docs/commands/onboard.md), plus what helps scripts: line, remote key, hash. */
export interface OnboardAccountResult {
  readonly line: number;
  readonly mainAddress: string | null;
  readonly state: string;
  readonly nodeUrl: string | null;
  readonly error: { readonly code: string; readonly message: string; readonly hint?: string } | null;
  readonly remotePublicKey?: string | null;
  readonly hash?: string;
  readonly announced?: boolean;
  readonly reasons?: readonly string[];
}

/** The --json result of `harvest onboard`. */
export interface OnboardResult {
  readonly accounts: readonly OnboardAccountResult[];
  /** state → number of accounts in it (FAILED included). */
  readonly summary: Readonly<Record<string, number>>;
}

interface Prepared {
  readonly input: OnboardAccountInput;
  privateKey?: Uint8Array;
  mainAddress?: string;
  nodeUrl?: string;
  failure?: OnboardAccountResult;
}

interface ProbedNode {
  readonly url: string;
  readonly client: NodeClient;
  readonly facts?: NodeFacts;
  readonly unlocked?: number;
  readonly error?: HarvestError;
}

/**
 * Delegates every account of the batch and reports each one.
 * @throws {InputError} INVALID_FILE (the same account twice), WRONG_NETWORK, INVALID_INPUT (fee below a node's
 *   minimum), INPUT_REQUIRED, CONFIRMATION_REQUIRED — all before anything is announced
 * @throws {CancelledError} when the batch is declined
 * @throws {NodeError} when no node can be read at all
 */
export async function onboardAccounts(parameters: OnboardAccountsParameters): Promise<OnboardResult> {
  if (!Number.isInteger(parameters.concurrency) || parameters.concurrency < 1) {
    throw new InputError(
      'INVALID_INPUT',
      `concurrency must be a whole number ≥ 1, got ${parameters.concurrency}`,
    );
  }
  const prepared = await readKeys(parameters.accounts);
  const probed = await probeNodes(parameters, prepared);
  const network = commonNetwork(probed);

  for (const entry of prepared) {
    if (entry.privateKey === undefined) continue;
    entry.mainAddress = encodeAddress(deriveAddress(derivePublicKey(entry.privateKey), network.identifier));
  }
  const remembered = await Promise.all(
    prepared.map((entry) =>
      entry.mainAddress === undefined
        ? Promise.resolve(undefined)
        : rememberedNode(parameters, entry.mainAddress),
    ),
  );

  const listed = parameters.nodes
    .map((node) => ({ node, probe: probed.get(node.url)! }))
    .filter(({ probe }) => probe.facts !== undefined);
  if (
    listed.length === 0 &&
    parameters.nodes.length > 0 &&
    prepared.some((entry) => entry.input.node === undefined)
  ) {
    throw probed.get(parameters.nodes[0]!.url)!.error!;
  }
  const capacities = listed.map(({ node, probe }) => ({
    url: node.url,
    freeSlots:
      node.maxUnlockedAccounts === undefined || probe.unlocked === undefined
        ? undefined
        : Math.max(0, node.maxUnlockedAccounts - probe.unlocked),
  }));
  // An account remembered on a listed node that cannot be read now fails (moving it would switch its node).
  prepared.forEach((entry, index) => {
    const error = remembered[index] === undefined ? undefined : probed.get(remembered[index])?.error;
    if (entry.failure === undefined && entry.input.node === undefined && error !== undefined) {
      entry.failure = failedRow(entry, error, remembered[index]!);
    }
  });
  const runnable = prepared.filter((entry) => entry.failure === undefined);
  const assignments = assignNodes(
    runnable.map((entry) => ({
      line: entry.input.line,
      node: entry.input.node,
      rememberedNode: remembered[prepared.indexOf(entry)],
    })),
    capacities,
  );
  runnable.forEach((entry, index) => {
    const assignment = assignments[index]!;
    entry.nodeUrl = assignment.nodeUrl;
    if (assignment.overflow) {
      parameters.onNote?.(
        `line ${entry.input.line}: every node's known slots are used; ${assignment.nodeUrl} takes it only by evicting a weaker delegate`,
      );
    }
    const probe = probed.get(assignment.nodeUrl)!;
    if (probe.error !== undefined) entry.failure = failedRow(entry, probe.error, assignment.nodeUrl);
  });

  const running = prepared.filter((entry) => entry.failure === undefined);

  // One password for every keystore, checked against each existing one before anything is confirmed or announced
  // (docs/ARCHITECTURE.md#safety-rules: unlock first): a wrong password must not go on to create new keystores under it.
  const existing = await Promise.all(
    running.map((entry) => rememberedKeystore(parameters, entry.mainAddress!)),
  );
  const creating = existing.some((file) => file === undefined);
  const password = running.length === 0 ? '' : await parameters.password(creating);
  for (const file of existing) {
    if (file !== undefined && file !== null) {
      wipe(unlockKeystore(file, password, keystorePath(parameters.home, file.mainAddress)).bytes);
    }
  }
  await parameters.confirm(planOf(parameters, prepared, running, probed, capacities));

  const results = new Map<Prepared, OnboardAccountResult>();
  let done = 0;
  const queue = [...running];
  const worker = async () => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      results.set(entry, await runOne(parameters, entry, probed.get(entry.nodeUrl!)!, network, password));
      done += 1;
      parameters.onProgress?.(`${done}/${running.length} done`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parameters.concurrency, running.length) }, worker));

  const accounts = prepared.map((entry) => entry.failure ?? results.get(entry)!);
  const summary: Record<string, number> = {};
  for (const account of accounts) summary[account.state] = (summary[account.state] ?? 0) + 1;
  return { accounts, summary };
}

async function readKeys(accounts: readonly OnboardAccountInput[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const input of accounts) {
    try {
      prepared.push({ input, privateKey: await input.readKey() });
    } catch (error) {
      if (!(error instanceof HarvestError)) throw error;
      prepared.push({ input, failure: failedRow({ input }, error, input.node ?? null) });
    }
  }
  const seen: { publicKey: Uint8Array; line: number }[] = [];
  for (const entry of prepared) {
    if (entry.privateKey === undefined) continue;
    const publicKey = derivePublicKey(entry.privateKey);
    const earlier = seen.find((other) => equalBytes(other.publicKey, publicKey));
    if (earlier !== undefined) {
      throw new InputError(
        'INVALID_FILE',
        `accounts file lines ${earlier.line} and ${entry.input.line} hold the same account (${toHex(publicKey)})`,
        { hint: 'each account once per file' },
      );
    }
    seen.push({ publicKey, line: entry.input.line });
  }
  return prepared;
}

/** Reads every node named by --node or by a row, once, at the same time. */
async function probeNodes(
  parameters: OnboardAccountsParameters,
  prepared: readonly Prepared[],
): Promise<Map<string, ProbedNode>> {
  const urls = [
    ...new Set([
      ...parameters.nodes.map((node) => node.url),
      ...prepared.flatMap((entry) =>
        entry.failure === undefined && entry.input.node !== undefined ? [entry.input.node] : [],
      ),
    ]),
  ];
  const probes = await Promise.all(
    urls.map(async (url): Promise<ProbedNode> => {
      const client = parameters.connect(url);
      try {
        const facts = await readNodeFacts({
          client,
          expectedNetwork: parameters.expectedNetwork,
          now: parameters.now,
        });
        const unlocked = await client.getUnlockedAccounts().then(
          (keys) => keys.length,
          (error: unknown) => {
            if (error instanceof NodeError) return undefined;
            throw error;
          },
        );
        return { url, client, facts, ...(unlocked === undefined ? {} : { unlocked }) };
      } catch (error) {
        if (!(error instanceof NodeError)) throw error; // WRONG_NETWORK and bugs stop the batch
        parameters.onNote?.(`${url} cannot be read (${error.code}): its accounts fail, the others go on`);
        return { url, client, error };
      }
    }),
  );
  return new Map(probes.map((probe) => [probe.url, probe]));
}

/** The network every readable node is on (they must agree). */
function commonNetwork(probed: ReadonlyMap<string, ProbedNode>): NetworkParameters {
  let first: ProbedNode | undefined;
  for (const probe of probed.values()) {
    if (probe.facts === undefined) continue;
    if (first === undefined) {
      first = probe;
      continue;
    }
    const a = first.facts!.network;
    const b = probe.facts.network;
    if (a.identifier !== b.identifier || !equalBytes(a.generationHashSeed, b.generationHashSeed)) {
      throw new InputError('WRONG_NETWORK', `${probe.url} is not on the same network as ${first.url}`, {
        hint: 'every node of one onboarding must be on one network',
      });
    }
  }
  if (first === undefined) {
    const error = [...probed.values()].find((probe) => probe.error !== undefined)?.error;
    throw (
      error ??
      new InputError('INPUT_REQUIRED', 'no node to delegate to', {
        hint: 'pass --node <url> (repeatable), or add a node column',
      })
    );
  }
  return first.facts!.network;
}

async function rememberedKeystore(parameters: OnboardAccountsParameters, mainAddress: string) {
  try {
    return await readKeystoreFile(parameters.files, parameters.home, mainAddress);
  } catch (error) {
    if (error instanceof HarvestError) return null; // exists but damaged: the account's own run reports it
    throw error;
  }
}

async function rememberedNode(
  parameters: OnboardAccountsParameters,
  mainAddress: string,
): Promise<string | undefined> {
  const file = await rememberedKeystore(parameters, mainAddress);
  const url = file?.node?.url;
  return url === undefined ? undefined : url.replace(/\/+$/, '');
}

function planOf(
  parameters: OnboardAccountsParameters,
  prepared: readonly Prepared[],
  running: readonly Prepared[],
  probed: ReadonlyMap<string, ProbedNode>,
  capacities: readonly { url: string; freeSlots: number | undefined }[],
): OnboardPlan {
  const perNode = new Map<string, number>();
  let totalFeeEstimate = 0n;
  for (const entry of running) {
    perNode.set(entry.nodeUrl!, (perNode.get(entry.nodeUrl!) ?? 0) + 1);
    const facts = probed.get(entry.nodeUrl!)!.facts!;
    totalFeeEstimate +=
      setupSize(facts.network.identifier, facts.aggregateVersion) *
      resolveFeeMultiplier(parameters.fee, facts.fees);
  }
  return {
    accounts: running.length,
    nodes: [...perNode].map(([url, accounts]) => {
      const freeSlots = capacities.find((capacity) => capacity.url === url)?.freeSlots;
      return { url, accounts, ...(freeSlots === undefined ? {} : { freeSlots }) };
    }),
    totalFeeEstimate,
    failed: prepared.length - running.length,
  };
}

/** Bytes of the largest usual set-up aggregate: node, remote and VRF links and the 132-byte request. */
function setupSize(networkIdentifier: number, version: AggregateVersion): bigint {
  const key = new Uint8Array(32).fill(1);
  return buildAggregate({
    networkIdentifier,
    signerPublicKey: key,
    deadline: 0n,
    fee: { multiplier: 1n },
    version,
    transactions: [
      { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: key },
      { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: key },
      { type: 'keyLink', role: 'vrf', action: 'link', linkedPublicKey: key },
      {
        type: 'transfer',
        recipientAddress: deriveAddress(key, networkIdentifier),
        message: new Uint8Array(132),
      },
    ],
  }).fee;
}

async function runOne(
  parameters: OnboardAccountsParameters,
  entry: Prepared,
  probe: ProbedNode,
  network: NetworkParameters,
  password: string,
): Promise<OnboardAccountResult> {
  try {
    const { result } = await delegateThroughNode({
      mode: 'delegate',
      client: probe.client,
      expectedNetwork: network,
      givenNodePublicKey: undefined,
      main: { privateKey: entry.privateKey! },
      openKeystore: (accountNetwork, mainAddress) =>
        openKeystore({
          files: parameters.files,
          home: parameters.home,
          mainAddress,
          networkIdentifier: accountNetwork.identifier,
          mainPublicKey: derivePublicKey(entry.privateKey!),
          password: () => Promise.resolve(password),
          random: parameters.random,
          ...(parameters.scrypt === undefined ? {} : { scrypt: parameters.scrypt }),
        }),
      fee: parameters.fee,
      confirm: () => Promise.resolve(), // the batch was confirmed once, up front
      confirmResend: () => Promise.resolve(),
      dryRun: false,
      wait: parameters.wait,
      resend: false,
      force: false,
      confirmationTimeoutMs: parameters.confirmationTimeoutMs,
      activationTimeoutMs: parameters.activationTimeoutMs,
      random: parameters.random,
      now: parameters.now,
      sleep: parameters.sleep,
      onNote: (text) => parameters.onNote?.(`${labelOf(entry)}: ${text}`),
    });
    const hash = result.transactions[0]?.hash;
    return {
      line: entry.input.line,
      mainAddress: result.mainAddress,
      state: result.state,
      nodeUrl: result.nodeUrl,
      error: null,
      remotePublicKey: result.remotePublicKey,
      ...(hash === undefined ? {} : { hash }),
      announced: result.announced,
      reasons: result.reasons,
    };
  } catch (error) {
    return failedRow(entry, error, entry.nodeUrl ?? null);
  }
}

function labelOf(entry: Prepared): string {
  return entry.mainAddress ?? `line ${entry.input.line}`;
}

/** A FAILED row: the typed error's code and message (never a stack, and our messages never hold a key). */
function failedRow(
  entry: Pick<Prepared, 'input' | 'mainAddress'>,
  error: unknown,
  nodeUrl: string | null,
): OnboardAccountResult {
  const described =
    error instanceof HarvestError
      ? {
          code: error.code,
          message: error.message,
          ...(error.hint === undefined ? {} : { hint: error.hint }),
        }
      : {
          code: 'INTERNAL',
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        };
  return {
    line: entry.input.line,
    mainAddress: entry.mainAddress ?? null,
    state: 'FAILED',
    nodeUrl,
    error: described,
  };
}
