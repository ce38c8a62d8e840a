/**
 * `harvest announce <signed.json> --node` (docs/commands/announce.md): the online half of cold signing. The file's
 * transactions are checked (checkSignedFile) and shown before anything is announced; then each is announced and
 * followed in order by the lifecycle's announceAndWait (no keystore: nothing to journal), and the state afterwards
 * is decided as for every other run (decideState), waiting for activation when the file held a request to this node.
 *
 * A multisig set-up (a hash lock, then the bonded aggregate it names; docs/commands/announce.md, "Multisig files"):
 * the multisig setup is read first (the inner transactions' signer must be a multisig account whose cosignatory
 * signed the lock); the lock is announced and ALWAYS waited for (the node refuses the aggregate with
 * Failure_LockHash_Unknown_Hash until the lock is confirmed), then the aggregate goes to PUT /transactions/partial
 * and the file's cosignatures follow once the node holds it (sendFileCosignatures);
 * the result's `multisig` names the cosignatures still missing, as `delegate --multisig` does.
 */
import type { SetupResult } from '../contract/setupResult.js';
import { InputError } from '../core/errors.js';
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
import { readBondedFileSetup } from './multisig/readBondedFileSetup.js';
import { sendFileCosignatures } from './multisig/sendFileCosignatures.js';
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
  const lock = checked.find((entry) => entry.bonded === 'lock');
  const aggregate = checked.find((entry) => entry.bonded === 'aggregate');
  // a multisig set-up sets up the multisig account: the signer of the aggregate's inner transactions
  const mainPublicKey =
    aggregate?.description.transactions[0]?.signerPublicKey ?? checked[0]!.description.signerPublicKey;
  const multisig =
    lock === undefined || aggregate === undefined
      ? undefined
      : await readBondedFileSetup({
          facts,
          file: parameters.file,
          lock,
          aggregate,
          multisigPublicKey: mainPublicKey,
          onNote: parameters.onNote,
        });
  if (multisig === undefined && (parameters.file.cosignatures?.length ?? 0) > 0) {
    throw new InputError('INVALID_FILE', 'the file has cosignatures but no hash lock and bonded aggregate');
  }
  const inners = checked
    .filter((entry) => entry.bonded !== 'lock')
    .flatMap(({ description }) => description.transactions);
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
    return {
      ...result(keys, announced),
      state: summary.state,
      reasons: summary.reasons,
      ...(multisig === undefined ? {} : { multisig: await multisig.describe() }),
    };
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
    if (entry.bonded !== undefined) {
      settings.onProgress?.(
        entry.bonded === 'lock'
          ? 'announcing the hash lock'
          : 'announcing the bonded aggregate to the partial cache',
      );
    }
    const cosignatures = entry.bonded === 'aggregate' ? (multisig?.cosignatures ?? []) : [];
    const follow = (wait: boolean, announce: boolean) =>
      announceAndWait({
        ...waitContextOf(facts, settings),
        transaction: { ...entry.transaction, ...(entry.bonded === 'aggregate' ? { partial: true } : {}) },
        wait,
        announce,
      });
    // the aggregate is refused until its lock is CONFIRMED: the lock is waited for even with --no-wait
    const wait = parameters.wait || entry.bonded === 'lock';
    let outcome: Awaited<ReturnType<typeof follow>>;
    if (cosignatures.length === 0) {
      outcome = await follow(wait, entry.known === undefined);
    } else {
      // cosignatures added offline join the aggregate only once the node HOLDS it in its partial cache (a node
      // ignores a cosignature for an aggregate it does not have yet): wait for it, send, check, send again
      await follow(false, entry.known === undefined);
      const sent = await sendFileCosignatures({
        ...waitContextOf(facts, settings),
        client,
        hash: entry.transaction.hash,
        payload: entry.transaction.payload,
        cosignatures,
      });
      if (sent === 'notHeld') {
        parameters.onNote?.(
          'the node does not hold the bonded aggregate yet: its cosignatures were not sent; ' +
            'run the same `harvest announce` again to send them',
        );
      } else if (sent === 'unconfirmed') {
        parameters.onNote?.('the node does not show every cosignature of the file yet');
      }
      outcome = wait && sent !== 'notHeld' ? await follow(true, false) : 'pending';
    }
    if (outcome === 'pending' && (parameters.wait || entry.bonded === 'lock')) return judge(true, 'pending');
  }
  if (!parameters.wait && toSend.length > 0) return judge(true, 'pending');
  const requestsToThisNode = inners.some((inner) => isRequestTo(inner, facts));
  return judge(toSend.length > 0, requestsToThisNode ? 'activation' : 'nothing');
}
