/** Step 5 of onboarding: one account's delegation through its node, caught into its row. */
import type { OnboardAccountResult } from '../../contract/onboard.js';
import type { NetworkParameters } from '../../core/network.js';
import { delegateThroughNode } from '../delegateThroughNode.js';
import type { KeystoreKeyCache } from '../keystore/cacheKeystoreKeys.js';
import { openKeystore } from '../keystore/openKeystore.js';
import { failedRow, labelOf } from './readOnboardKeys.js';
import type { OnboardAccountsParameters, Prepared, ProbedNode } from './onboardTypes.js';

/** Runs the delegate flow for one row; a failure becomes a FAILED row, never the batch's end. */
export async function runOne(
  parameters: OnboardAccountsParameters,
  entry: Prepared,
  probe: ProbedNode,
  network: NetworkParameters,
  password: string,
  keys: KeystoreKeyCache,
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
          mainPublicKey: entry.publicKey!,
          password: () => Promise.resolve(password),
          random: parameters.random,
          ...(parameters.scrypt === undefined ? {} : { scrypt: parameters.scrypt }),
          derive: keys.derive,
          salt: keys.salt,
          onWarning: parameters.onNote,
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
      signal: parameters.signal,
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
