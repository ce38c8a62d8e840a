/**
 * `harvest unlink --node` (docs/commands/unlink.md): the transaction lifecycle with the unlink plan. Unlink needs no
 * stored key: an account without a keystore has no journal, and nothing is written for it. Afterwards, when the
 * node asked was the linked one, the run waits a little for it to drop the delegate (DEACTIVATION_PENDING while it
 * still lists the remote key).
 */
import type { SetupResult, UnlinkPlan } from '../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { describeNetwork } from '../core/describeNetwork.js';
import { InputError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import type { FeeLevel } from '../core/transactions/parseFeeMultiplier.js';
import { resolveFeeMultiplier } from '../core/transactions/resolveFeeMultiplier.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { ACCOUNT_TYPE } from '../node/getAccount.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import type { LifecycleSettings } from './lifecycle/plan.js';
import { readNodeFacts } from './lifecycle/readNodeFacts.js';
import { runLifecycle } from './lifecycle/runLifecycle.js';
import { createMultisigSession } from './multisig/createMultisigSession.js';
import { planUnlink } from './plans/planUnlink.js';

/** Inputs of unlinkThroughNode. */
export interface UnlinkThroughNodeParameters extends Omit<LifecycleSettings, 'activationTimeoutMs'> {
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly mainPrivateKey: Uint8Array;
  /** Unlocks the account's keystore; undefined when the account has none (then there is no journal). */
  readonly openKeystore: (
    network: NetworkParameters,
    mainAddress: string,
  ) => Promise<KeystoreSession | undefined>;
  /** --all: the remote and VRF links too. */
  readonly all: boolean;
  readonly fee: bigint | FeeLevel | undefined;
  readonly confirm: (plan: UnlinkPlan) => Promise<void>;
  /**
   * --multisig: unlink this multisig account, `mainPrivateKey` being the initiating cosignatory's key; a hash lock
   * and a bonded aggregate the other cosignatories complete (docs/commands/unlink.md).
   */
  readonly multisig?: { readonly address: Uint8Array } | undefined;
}

/** Unlinks the node link (and with `all` every link) of the main account through one node. */
export async function unlinkThroughNode(parameters: UnlinkThroughNodeParameters): Promise<SetupResult> {
  const { client } = parameters;
  const facts = await readNodeFacts(parameters);
  const multisig =
    parameters.multisig === undefined
      ? undefined
      : await createMultisigSession({
          client,
          facts,
          multisigAddress: parameters.multisig.address,
          main: { privateKey: parameters.mainPrivateKey },
          onNote: parameters.onNote,
        });
  const mainPublicKey = multisig?.setup.multisigPublicKey ?? derivePublicKey(parameters.mainPrivateKey);
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier));
  const keystore = await parameters.openKeystore(facts.network, mainAddress);
  return runLifecycle(
    {
      node: facts,
      main: multisig === undefined ? { privateKey: parameters.mainPrivateKey } : { publicKey: mainPublicKey },
      mainPublicKey,
      mainAddress,
      keystore,
      feeMultiplier: resolveFeeMultiplier(parameters.fee, facts.fees),
      settings: { ...parameters, activationTimeoutMs: 0 },
      pendingKeys: (links) => ({
        nodePublicKey: links.node ?? null,
        remotePublicKey: links.remote ?? null,
        vrfPublicKey: links.vrf ?? null,
      }),
      confirmedRequest: () => undefined,
      ...(multisig === undefined ? {} : { bonded: multisig.session }),
    },
    (account) => {
      if (account?.accountType === ACCOUNT_TYPE.remote) {
        throw new InputError(
          'INVALID_KEY',
          'the key given is a remote account key, not the main account key',
          {
            hint: 'pass the main account key with --key-file',
          },
        );
      }
      if (account === undefined) {
        parameters.onNote?.(`the chain does not know ${mainAddress}: nothing is linked`);
      }
      return planUnlink({
        links: account?.links ?? { remote: undefined, vrf: undefined, node: undefined },
        all: parameters.all,
        askedNodeKey: facts.nodeInfo.nodePublicKey,
        describe: { network: describeNetwork(facts.network), mainAddress, nodeUrl: client.url },
        confirm: parameters.confirm,
        onNote: account === undefined ? undefined : parameters.onNote,
      });
    },
  );
}
