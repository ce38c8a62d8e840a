/**
 * `harvest onboard --offline` (docs/commands/onboard.md, "Offline"): the offline delegate flow for every account of
 * the file, no node contacted:
 *
 *   1. read every key (an unreadable one fails its row; the same account twice is INVALID_FILE for the file)
 *   2. read each keystore's plain JSON (no password) to know which exist
 *   3. one password for the batch, checked against the existing keystores before anything is written
 *      (checkBatchPassword: a keystore it does not open fails its row; opening none, no keystore is created)
 *   4. per account, `--concurrency` at a time: open the keystore (the keystores the batch creates share one salt, so
 *      one scrypt serves them all: cacheKeystoreKeys), sign with fresh remote and VRF keys — the delegate flow saves
 *      them in the keystore before it returns — and only then write the signed file. Never journalled: the files
 *      are announced by the user, with `harvest announce`.
 *
 * `prepare` (cold signing): the same with the rows' public keys only — no private key is read; each account's file
 * is an unsigned plan for `harvest sign`, written once the keystore holds the fresh keys the plan links.
 */
import type { OnboardAccountResult, OnboardResult } from '../../contract/onboard.js';
import type { SetupResult } from '../../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { CancelledError, InputError } from '../../core/errors.js';
import type { DeriveKeystoreKey, ScryptParameters } from '../../core/keystore/keystoreCrypto.js';
import type { Clock, FileSystem, RandomBytes } from '../../core/ports.js';
import { delegate, type ChainFacts } from '../delegate.js';
import { cacheKeystoreKeys } from '../keystore/cacheKeystoreKeys.js';
import { openKeystore } from '../keystore/openKeystore.js';
import { checkBatchPassword } from './checkBatchPassword.js';
import { mapBounded } from './mapBounded.js';
import { rememberedKeystore } from './onboardPlan.js';
import type { OnboardAccountInput, Prepared } from './onboardTypes.js';
import { failedRow, labelOf, readKeys } from './readOnboardKeys.js';

/** Inputs of onboardOffline. */
export interface OnboardOfflineParameters {
  readonly accounts: readonly OnboardAccountInput[];
  /** The offline chain facts of every account: network, the node's transport key, time, fee, no links. */
  readonly facts: ChainFacts;
  /** Accounts signed at the same time (≥ 1): overlaps the keystore and file writes (each fsync'd). */
  readonly concurrency: number;
  /** The one password of every keystore; `creating` when at least one keystore will be made. */
  readonly password: (creating: boolean) => Promise<string>;
  readonly files: FileSystem;
  readonly home: string;
  readonly scrypt?: ScryptParameters;
  /** The keystore key derivation (default: scrypt); the batch remembers each result (tests count the calls). */
  readonly deriveKey?: DeriveKeystoreKey;
  readonly random: RandomBytes;
  readonly now: Clock;
  /** Public keys only (`public_key` rows): unsigned plans for `harvest sign` instead of signed files. */
  readonly prepare?: boolean;
  /**
   * Writes one account's file — signed, or with `prepare` the unsigned plan — called only once its keystore holds
   * the keys; returns the file's path.
   */
  readonly writeFile: (result: SetupResult, kind: 'signed' | 'unsigned') => Promise<string>;
  readonly signal?: AbortSignal | undefined;
  readonly onNote?: ((text: string) => void) | undefined;
  readonly onProgress?: ((text: string) => void) | undefined;
}

/**
 * Signs a delegation for every account and writes one signed file each; announces nothing.
 * @throws {InputError} INVALID_FILE (the same account twice, a row naming its own node; with `prepare`, a row
 *   naming a private key) — before any key or keystore is read
 */
export async function onboardOffline(parameters: OnboardOfflineParameters): Promise<OnboardResult> {
  if (!Number.isInteger(parameters.concurrency) || parameters.concurrency < 1) {
    throw new InputError(
      'INVALID_INPUT',
      `concurrency must be a whole number ≥ 1, got ${parameters.concurrency}`,
    );
  }
  // a row's own node cannot be honoured offline (its transport key is unknown): refused rather than silently moved
  const withNode = parameters.accounts.find((account) => account.node !== undefined);
  if (withNode !== undefined) {
    throw new InputError(
      'INVALID_FILE',
      `line ${withNode.line} names its own node, but offline every account goes to --node-public-key's node`,
      { hint: 'remove the node column (or onboard that account online), then run again' },
    );
  }
  const prepare = parameters.prepare === true;
  // --prepare is for a machine that must not see the private keys: a row naming one is refused, not read
  const withPrivateKey = prepare
    ? parameters.accounts.find((account) => account.publicKey === undefined)
    : undefined;
  if (withPrivateKey !== undefined) {
    throw new InputError(
      'INVALID_FILE',
      `line ${withPrivateKey.line} names a private key (${withPrivateKey.label}), but --prepare takes public keys only`,
      { hint: 'give each account as public_key (64 hex digits), and sign the plans with `harvest sign`' },
    );
  }
  const prepared = await readKeys(parameters.accounts, prepare);
  const { network } = parameters.facts;
  for (const entry of prepared) {
    if (entry.publicKey === undefined) continue;
    entry.mainAddress = encodeAddress(deriveAddress(entry.publicKey, network.identifier));
  }
  const runnable = prepared.filter((entry) => entry.failure === undefined);
  const existing = await Promise.all(
    runnable.map((entry) =>
      rememberedKeystore(parameters, entry.mainAddress!, (text) =>
        parameters.onNote?.(`${labelOf(entry)}: ${text}`),
      ),
    ),
  );

  const keys = cacheKeystoreKeys(parameters.random, parameters.deriveKey);
  const results = new Map<Prepared, OnboardAccountResult>();
  try {
    const creating = existing.some((file) => file === undefined);
    const password = runnable.length === 0 ? '' : await parameters.password(creating);
    checkBatchPassword(runnable, existing, [], password, parameters.home, keys);
    const running = runnable.filter((entry) => entry.failure === undefined);
    let done = 0;
    await mapBounded(running, parameters.concurrency, async (entry) => {
      const row =
        parameters.signal?.aborted === true
          ? failedRow(entry, notStarted(), null)
          : await signOne(parameters, entry, password, keys);
      results.set(entry, row);
      done += 1;
      parameters.onProgress?.(`${done}/${running.length} done (${labelOf(entry)}: ${row.state})`);
    });
  } finally {
    keys.wipe();
  }
  const accounts = prepared.map((entry) => entry.failure ?? results.get(entry)!);
  const summary: Record<string, number> = {};
  for (const account of accounts) summary[account.state] = (summary[account.state] ?? 0) + 1;
  return { accounts, summary };
}

/** One account: keystore, sign (or plan), store the keys, then the file; a failure becomes its row. */
async function signOne(
  parameters: OnboardOfflineParameters,
  entry: Prepared,
  password: string,
  keys: ReturnType<typeof cacheKeystoreKeys>,
): Promise<OnboardAccountResult> {
  try {
    const keystore = await openKeystore({
      files: parameters.files,
      home: parameters.home,
      mainAddress: entry.mainAddress!,
      networkIdentifier: parameters.facts.network.identifier,
      mainPublicKey: entry.publicKey!,
      password: () => Promise.resolve(password),
      random: parameters.random,
      ...(parameters.scrypt === undefined ? {} : { scrypt: parameters.scrypt }),
      derive: keys.derive,
      salt: keys.salt,
      onWarning: (text) => parameters.onNote?.(`${labelOf(entry)}: ${text}`),
    });
    // journal false: an offline payload is announced by the user only, never resumed by a later online run
    const { result } = await delegate({
      mode: 'delegate',
      facts: parameters.facts,
      main: parameters.prepare === true ? { publicKey: entry.publicKey! } : { privateKey: entry.privateKey! },
      keystore,
      random: parameters.random,
      now: parameters.now,
      journal: false,
      confirm: () => Promise.resolve(), // nothing is announced: the user decides when announcing the files
    });
    // after delegate() saved the keystore: the keys first, then the file that links them
    const file = await parameters.writeFile(result, parameters.prepare === true ? 'unsigned' : 'signed');
    return {
      line: entry.input.line,
      mainAddress: result.mainAddress,
      state: result.state,
      nodeUrl: null,
      error: null,
      remotePublicKey: result.remotePublicKey,
      ...(result.transactions[0]?.hash === undefined ? {} : { hash: result.transactions[0].hash }),
      announced: false,
      reasons: result.reasons,
      file,
    };
  } catch (error) {
    return failedRow(entry, error, null);
  }
}

/** The row of an account the batch did not start because it was interrupted. */
function notStarted(): CancelledError {
  return new CancelledError('interrupted before this account was started', {
    hint: 'run the same command again: it signs the accounts again with fresh keys',
  });
}
