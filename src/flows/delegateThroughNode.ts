/**
 * `harvest delegate --node` and `harvest link-remote --node` (docs/commands/delegate.md): read the node, check its
 * transport key, open the keystore, and hand the transaction lifecycle a builder that plans from the settled
 * account:
 *
 *   links right and the node lists the remote key → ACTIVE, nothing sent
 *   links right, importance 0 → KEYS_LINKED (the node would drop a request now), nothing sent
 *   links right and a confirmed request in the journal → wait for activation, nothing sent unless --resend
 *   otherwise → planDelegation: the fewest key changes and a fresh request
 */
import type { DelegatePlan, SetupResult } from '../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { nodeKeyFromNode, type NodeTransportKey } from '../core/harvesting/nodeTransportKey.js';
import { derivePublicKey } from '../core/keys.js';
import { newestConfirmedRequest } from '../core/keystore/confirmedRequest.js';
import { holdsKey } from '../core/keystore/updateKeystore.js';
import type { NetworkParameters } from '../core/network.js';
import type { RandomBytes } from '../core/ports.js';
import type { FeeLevel } from '../core/transactions/parseFeeMultiplier.js';
import { resolveFeeMultiplier } from '../core/transactions/resolveFeeMultiplier.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { AccountInfo } from '../node/getAccount.js';
import { createMultisigSession } from './multisig/createMultisigSession.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import type { LifecycleSettings, MainKey } from './lifecycle/plan.js';
import { readNodeFacts, type NodeFacts } from './lifecycle/readNodeFacts.js';
import { notOnChain, runLifecycle, type PlanStep } from './lifecycle/runLifecycle.js';
import { readUnlocked } from './lifecycle/waitForNode.js';
import { nextRecalculationNote } from './nextRecalculation.js';
import { heldPrivateKey, planDelegation, type HarvestingSecrets } from './plans/planDelegation.js';

/** Inputs of delegateThroughNode. */
export interface DelegateThroughNodeParameters extends LifecycleSettings {
  readonly mode: 'delegate' | 'linkRemote';
  readonly client: NodeClient;
  /** --network, when given. */
  readonly expectedNetwork: NetworkParameters | undefined;
  /** --node-public-key, when given (validated where it entered): must equal the node's /node/info nodePublicKey. */
  readonly givenNodePublicKey: NodeTransportKey | undefined;
  /** The private key signs; with only the public key (`--prepare`) the plan is returned unsigned, unannounced. */
  readonly main: MainKey;
  /** Unlocks (or creates) the account's keystore; asked once the network, hence the address, is known. */
  readonly openKeystore: (network: NetworkParameters, mainAddress: string) => Promise<KeystoreSession>;
  /** --fee: a multiplier, a level, or undefined for the default max(median, node minimum). */
  readonly fee: bigint | FeeLevel | undefined;
  readonly confirm: (plan: DelegatePlan) => Promise<void>;
  /** --resend: send a fresh request with the stored keys even when one was confirmed. */
  readonly resend: boolean;
  /** --force: send the request even with importance 0. */
  readonly force: boolean;
  /** --keep-keys: keep the remote and VRF keys on a switch of node (default: fresh ones). */
  readonly keepKeys?: boolean | undefined;
  readonly random: RandomBytes;
  /** Checks that depend on the node's network (e.g. link-remote's beneficiary), run before anything else. */
  readonly checkNetwork?: (network: NetworkParameters) => void;
  /**
   * --multisig: set up this multisig account, `main` being the initiating cosignatory's key (docs/commands/delegate.md,
   * "Multisig accounts"): a hash lock and a bonded aggregate that the other cosignatories complete.
   */
  readonly multisig?: { readonly address: Uint8Array } | undefined;
}

/** The result, plus the remote and VRF private keys for link-remote's config file (never printed). */
export interface DelegateThroughNodeOutcome {
  readonly result: SetupResult;
  /** The network the node is on (for plan and signed files). */
  readonly network?: NetworkParameters;
  readonly secrets: HarvestingSecrets | undefined;
}

/** Runs the whole online delegation (or remote-harvesting set-up) against one node. */
export async function delegateThroughNode(
  parameters: DelegateThroughNodeParameters,
): Promise<DelegateThroughNodeOutcome> {
  const { mode, main } = parameters;
  const facts = await readNodeFacts(parameters);
  parameters.checkNetwork?.(facts.network);
  const nodeKey = mode === 'delegate' ? checkNodeKey(facts, parameters.givenNodePublicKey) : undefined;
  const multisig =
    parameters.multisig === undefined
      ? undefined
      : await createMultisigSession({
          client: parameters.client,
          facts,
          multisigAddress: parameters.multisig.address,
          main,
          onNote: parameters.onNote,
        });
  const mainPublicKey =
    multisig?.setup.multisigPublicKey ??
    ('privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey);
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, facts.network.identifier));
  const keystore = await parameters.openKeystore(facts.network, mainAddress);
  const settings = { ...parameters, dryRun: parameters.dryRun || !('privateKey' in main) };
  let secrets: HarvestingSecrets | undefined;

  const build = async (account: AccountInfo | undefined): Promise<PlanStep> => {
    if (account === undefined) throw notOnChain(mainAddress);
    const { links } = account;
    const linksRight =
      holdsKey(keystore.file, links.remote) &&
      holdsKey(keystore.file, links.vrf) &&
      (nodeKey === undefined
        ? links.node === undefined
        : links.node !== undefined && equalBytes(links.node, nodeKey));
    if (linksRight) {
      secrets = {
        remotePrivateKey: heldPrivateKey(keystore, links.remote!),
        vrfPrivateKey: heldPrivateKey(keystore, links.vrf!),
      };
      const done = await alreadySetUp(parameters, facts, keystore, account, nodeKey);
      if (done !== undefined) return done;
    }
    const planned = planDelegation({
      mode,
      network: facts.network,
      mainPublicKey,
      links,
      importance: account.importance,
      eligibility: { min: facts.properties.minHarvesterBalance, max: facts.properties.maxHarvesterBalance },
      keystore,
      nodePublicKey: nodeKey,
      nodeUrl: parameters.client.url,
      random: parameters.random,
      force: parameters.force,
      keepKeys: parameters.keepKeys,
      confirm: parameters.confirm,
    });
    secrets = planned.secrets;
    if (nodeKey !== undefined && account.importance === 0n && !parameters.force && !settings.dryRun) {
      parameters.onNote?.(nextRecalculationNote(facts));
    }
    return { plan: planned.plan };
  };

  const result = await runLifecycle(
    {
      node: facts,
      main: multisig === undefined ? main : { publicKey: mainPublicKey },
      mainPublicKey,
      mainAddress,
      keystore,
      feeMultiplier: resolveFeeMultiplier(parameters.fee, facts.fees),
      settings,
      pendingKeys: (links) => ({
        nodePublicKey: nodeKey ?? null,
        remotePublicKey: newestKey(keystore, 'remote') ?? links.remote ?? null,
        vrfPublicKey: newestKey(keystore, 'vrf') ?? links.vrf ?? null,
      }),
      confirmedRequest: () =>
        nodeKey === undefined ? undefined : confirmedRequestTo(keystore, nodeKey, facts),
      ...(multisig === undefined ? {} : { bonded: multisig.session }),
    },
    build,
  );
  return { result, network: facts.network, secrets };
}

/** The links are right: decide whether anything is left to send. */
async function alreadySetUp(
  parameters: DelegateThroughNodeParameters,
  facts: NodeFacts,
  keystore: KeystoreSession,
  account: AccountInfo,
  nodeKey: NodeTransportKey | undefined,
): Promise<PlanStep | undefined> {
  const { links } = account;
  const keys = { nodePublicKey: nodeKey ?? null, remotePublicKey: links.remote!, vrfPublicKey: links.vrf! };
  const done = (waitFor: 'activation' | 'nothing'): PlanStep => ({
    nothingToSend: { keys, then: { waitFor } },
  });
  if (nodeKey === undefined) return done('nothing');
  const unlocked = await readUnlocked(parameters.client);
  if (unlocked?.some((key) => equalBytes(key, links.remote!)) === true) return done('nothing');
  if (account.importance === 0n && !parameters.force) {
    parameters.onNote?.(nextRecalculationNote(facts));
    return done('nothing');
  }
  const request = confirmedRequestTo(keystore, nodeKey, facts);
  // none confirmed, or one the node dropped because importance was 0 then: send a new one (docs/states.md)
  if (parameters.resend || request === undefined || request.atZeroImportance) return undefined;
  if (parameters.wait && !parameters.dryRun) {
    parameters.onNote?.(
      'a request was confirmed earlier: waiting for the node (pass --resend to send a new one)',
    );
  }
  return done('activation');
}

/** The node's transport key: published by the node (checked: UNSAFE_NODE_KEY), or given when it publishes none. */
function checkNodeKey(facts: NodeFacts, given: NodeTransportKey | undefined): NodeTransportKey {
  const fromNode = facts.nodeInfo.nodePublicKey;
  if (fromNode === undefined && given === undefined) {
    throw new InputError(
      'NODE_KEY_UNKNOWN',
      `${facts.client.url} does not publish its transport key (nodePublicKey)`,
      {
        hint: "pass --node-public-key with the node's transport public key (node.key.pem), from its operator",
      },
    );
  }
  if (fromNode !== undefined && given !== undefined && !equalBytes(fromNode, given)) {
    throw new InputError(
      'NODE_KEY_MISMATCH',
      `--node-public-key ${toHex(given)} differs from the node's transport key ${toHex(fromNode)}`,
      {
        hint: 'check that --node names the node you meant',
      },
    );
  }
  return fromNode === undefined ? given! : nodeKeyFromNode(fromNode);
}

/** The newest key of a role the keystore holds that is not unlinked: what a pending transaction links. */
function newestKey(keystore: KeystoreSession, role: 'remote' | 'vrf'): Uint8Array | undefined {
  return keystore.file.keys.findLast((key) => key.role === role && key.status !== 'unlinked')?.publicKey;
}

/** The newest confirmed request to this node's transport address in the journal. */
function confirmedRequestTo(keystore: KeystoreSession, nodeKey: Uint8Array, facts: NodeFacts) {
  return newestConfirmedRequest(keystore.file, deriveAddress(nodeKey, facts.network.identifier));
}
