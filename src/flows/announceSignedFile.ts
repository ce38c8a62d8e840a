/**
 * `harvest announce <signed.json> --node` (docs/commands/announce.md): the online half of cold signing. The file's
 * transactions are checked (checkSignedFile) and shown before anything is announced; then each is announced and
 * followed in order by the lifecycle's announceAndWait (no keystore: nothing to journal), and the state afterwards
 * is decided as for every other run (decideState), waiting for activation when the file held a request to this node.
 */
import type { SetupResult } from '../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { NO_LINKS, type AccountLinks } from '../core/harvesting/accountLinks.js';
import type { TransactionDescription } from '../core/transactions/describeTransaction.js';
import type { AnnounceFile } from '../core/transactions/parseAnnounceFile.js';
import type { NetworkParameters } from '../core/network.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { announceAndWait } from './lifecycle/announceAndWait.js';
import { decideState } from './lifecycle/decideState.js';
import type { LifecycleSettings } from './lifecycle/plan.js';
import { readNodeFacts } from './lifecycle/readNodeFacts.js';
import { interruptedBeforeAnnouncing, waitContextOf } from './lifecycle/runLifecycle.js';
import { checkSignedFile, describePlanned, isRequestTo } from './plans/checkSignedFile.js';

/** Inputs of announceSignedFile. */
export interface AnnounceSignedFileParameters extends Omit<LifecycleSettings, 'confirmResend'> {
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly file: AnnounceFile;
  /** --allow-any: announce even what is not a key link or delegation request. */
  readonly allowAny: boolean;
  /** Shown every transaction before anything is announced; throws to stop. */
  readonly review: (descriptions: readonly TransactionDescription[]) => Promise<void>;
}

/** Checks, shows, announces and follows every transaction of a signed file. */
export async function announceSignedFile(parameters: AnnounceSignedFileParameters): Promise<SetupResult> {
  const { client } = parameters;
  const facts = await readNodeFacts(parameters);
  const checked = await checkSignedFile(parameters.file, facts, parameters.allowAny);
  const mainPublicKey = checked[0]!.description.signerPublicKey;
  const inners = checked.flatMap(({ description }) => description.transactions);
  // the keys this file links (the last link of each kind wins), so that pending results keep them (docs/cli.md)
  const linkedBy = (kind: string) => inners.findLast((inner) => inner.kind === kind)?.linkedPublicKey ?? null;
  const result = (
    keys: AccountLinks | undefined,
    announced: boolean,
  ): Omit<SetupResult, 'state' | 'reasons'> => ({
    network: facts.network.name,
    mainAddress: encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier)),
    mainPublicKey,
    nodeUrl: client.url,
    nodePublicKey: keys === undefined ? linkedBy('nodeLink') : (keys.node ?? null),
    remotePublicKey: keys === undefined ? linkedBy('remoteLink') : (keys.remote ?? null),
    vrfPublicKey: keys === undefined ? linkedBy('vrfLink') : (keys.vrf ?? null),
    transactions: checked.map((entry) => entry.transaction),
    plan: inners.map((inner) => describePlanned(inner, facts)),
    announced,
  });
  const settings = { ...parameters, confirmResend: () => Promise.resolve() };
  /** The state now; `pending`: a transaction of the file is not confirmed yet (the file's keys are named). */
  const judge = async (
    announced: boolean,
    after: 'pending' | 'activation' | 'nothing',
  ): Promise<SetupResult> => {
    const account = await client.getAccount({ publicKey: mainPublicKey });
    const summary = await decideState({
      node: facts,
      mainPublicKey,
      account,
      keystore: undefined,
      then: { waitFor: after === 'activation' ? 'activation' : 'nothing' },
      wait: after === 'activation' && parameters.wait,
      request: after === 'activation' ? { atZeroImportance: false } : undefined,
      settings,
      run: after === 'pending' ? { unconfirmed: true } : {},
    });
    const keys = after === 'pending' ? undefined : (account?.links ?? NO_LINKS);
    return { ...result(keys, announced), state: summary.state, reasons: summary.reasons };
  };

  const toSend = checked.filter((entry) => entry.known !== 'confirmed');
  if (toSend.length > 0) {
    await parameters.review(checked.map((entry) => entry.description));
    if (parameters.dryRun) return judge(false, 'nothing');
  } else {
    parameters.onNote?.('every transaction of the file is already confirmed: nothing to announce');
  }
  if (toSend.length > 0 && parameters.signal?.aborted === true) throw interruptedBeforeAnnouncing();
  for (const entry of toSend) {
    const outcome = await announceAndWait({
      ...waitContextOf(facts, settings),
      transaction: entry.transaction,
      wait: parameters.wait,
      announce: entry.known === undefined,
    });
    if (outcome === 'pending' && parameters.wait) return judge(true, 'pending');
  }
  if (!parameters.wait && toSend.length > 0) return judge(true, 'pending');
  const requestsToThisNode = inners.some((inner) => isRequestTo(inner, facts));
  return judge(toSend.length > 0, requestsToThisNode ? 'activation' : 'nothing');
}
