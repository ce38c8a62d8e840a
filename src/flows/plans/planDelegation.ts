/**
 * The plan builder of `delegate` and `link-remote` (docs/commands/delegate.md, docs/commands/link-remote.md):
 *
 *   1. the keystore must be this account's (KEYSTORE_CORRUPT)
 *   2. the key links (planKeyChanges) with fresh candidates drawn from `random`: keys the keystore holds are kept
 *   3. the delegation request, the 132-byte message to the node's transport address — held back when importance
 *      is 0, unless `force`: the node would accept and then silently prune it
 *   4. write-ahead: fresh keys sealed into the keystore, the node (and for link-remote the set-up) remembered
 *
 * It decides what to change; the lifecycle signs, stores, announces and judges.
 */
import type { DelegatePlan, PlannedTransaction } from '../../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { equalBytes, wipe } from '../../core/bytes.js';
import { encodeDelegationMessage } from '../../core/crypto/delegationMessage.js';
import { describeNetwork } from '../../core/describeNetwork.js';
import { InputError } from '../../core/errors.js';
import type { AccountLinks } from '../../core/harvesting/accountLinks.js';
import type { NodeTransportKey } from '../../core/harvesting/nodeTransportKey.js';
import { planKeyChanges } from '../../core/harvesting/planKeyChanges.js';
import { derivePublicKey } from '../../core/keys.js';
import { openPrivateKey, sealPrivateKey } from '../../core/keystore/keystoreCrypto.js';
import type { KeystoreFile, StoredKey } from '../../core/keystore/keystoreFormat.js';
import type { NetworkParameters } from '../../core/network.js';
import type { RandomBytes } from '../../core/ports.js';
import type { InnerTransaction } from '../../core/transactions/transactionTypes.js';
import type { KeystoreSession } from '../keystore/openKeystore.js';
import type { TransactionPlan } from '../lifecycle/plan.js';

/** The remote and VRF private keys the plan links: link-remote writes them to the node's config (never printed). */
export interface HarvestingSecrets {
  readonly remotePrivateKey: Uint8Array;
  readonly vrfPrivateKey: Uint8Array;
}

/** Inputs of planDelegation. */
export interface PlanDelegationParameters {
  readonly mode: 'delegate' | 'linkRemote';
  readonly network: NetworkParameters;
  readonly mainPublicKey: Uint8Array;
  readonly links: AccountLinks;
  /** Undefined when not known (offline without --account-state). */
  readonly importance: bigint | undefined;
  /** Harvesting balance bounds, when known: the plan must leave the account eligible. */
  readonly eligibility?: { readonly min: bigint; readonly max: bigint } | undefined;
  readonly keystore: KeystoreSession;
  /** The node to delegate to (delegate only). */
  readonly nodePublicKey: NodeTransportKey | undefined;
  readonly nodeUrl: string | undefined;
  readonly random: RandomBytes;
  /** Send the request even with importance 0. */
  readonly force: boolean;
  /** --keep-keys: keep held remote and VRF keys when switching to another node (default: rotate them). */
  readonly keepKeys?: boolean | undefined;
  readonly confirm: (plan: DelegatePlan) => Promise<void>;
}

/** The plan, and the keys it links. */
export interface DelegationPlan {
  readonly plan: TransactionPlan;
  readonly secrets: HarvestingSecrets;
}

/** Plans the key links and the request; nothing is written until the lifecycle writes ahead. */
export function planDelegation(parameters: PlanDelegationParameters): DelegationPlan {
  const { keystore, random, mode, network, nodePublicKey, mainPublicKey } = parameters;
  const mainAddress = encodeAddress(deriveAddress(mainPublicKey, network.identifier));
  if (keystore.file.mainAddress !== mainAddress) {
    throw new InputError(
      'KEYSTORE_CORRUPT',
      `keystore ${keystore.path} is not the keystore of ${mainAddress}`,
    );
  }
  if (mode === 'delegate' && nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is not known", {
      hint: 'pass --node-public-key',
    });
  }
  const freshRemote = random(32);
  const freshVrf = random(32);
  const keyPlan = planKeyChanges({
    links: parameters.links,
    heldPublicKeys: keystore.file.keys.map((key) => key.publicKey),
    ...(nodePublicKey === undefined ? {} : { nodePublicKey }),
    rotate: parameters.keepKeys !== true && isSwitch(parameters.links, keystore, nodePublicKey),
    freshRemotePublicKey: derivePublicKey(freshRemote),
    freshVrfPublicKey: derivePublicKey(freshVrf),
  });
  const secrets: HarvestingSecrets = {
    remotePrivateKey: keyPlan.remoteIsFresh ? freshRemote : heldPrivateKey(keystore, keyPlan.remotePublicKey),
    vrfPrivateKey: keyPlan.vrfIsFresh ? freshVrf : heldPrivateKey(keystore, keyPlan.vrfPublicKey),
  };

  if (!keyPlan.remoteIsFresh) wipe(freshRemote);
  if (!keyPlan.vrfIsFresh) wipe(freshVrf);

  const transactions: InnerTransaction[] = [...keyPlan.transactions];
  const zeroImportance = nodePublicKey !== undefined && parameters.importance === 0n;
  const requestSkipped = zeroImportance && !parameters.force;
  if (nodePublicKey !== undefined && !requestSkipped) {
    transactions.push({
      type: 'transfer',
      recipientAddress: deriveAddress(nodePublicKey, network.identifier),
      message: encodeDelegationMessage(nodePublicKey, secrets, random),
    });
  }
  if (transactions.length === 0) {
    throw new InputError(
      'INVALID_INPUT',
      'nothing to do: the remote and VRF keys linked are already in the keystore',
      { hint: 'the account is already set up for remote harvesting' },
    );
  }

  const planned = transactions.map((entry) => describePlanned(entry, nodePublicKey));
  const keys = {
    nodePublicKey: nodePublicKey ?? null,
    remotePublicKey: keyPlan.remotePublicKey,
    vrfPublicKey: keyPlan.vrfPublicKey,
  };
  return {
    secrets,
    plan: {
      kind: mode,
      transactions,
      planned,
      eligibility: parameters.eligibility,
      confirm: (fee, aggregateVersion, multisig) =>
        parameters.confirm({
          mode,
          network: describeNetwork(network),
          mainAddress,
          nodeUrl: parameters.nodeUrl,
          nodePublicKey,
          remotePublicKey: keyPlan.remotePublicKey,
          vrfPublicKey: keyPlan.vrfPublicKey,
          transactions: planned,
          aggregateVersion,
          fee,
          requestSkipped,
          ...(multisig === undefined ? {} : { multisig }),
        }),
      writeAhead: (file, createdAt) => {
        const added: StoredKey[] = [];
        if (keyPlan.remoteIsFresh) {
          added.push(sealPrivateKey(keystore.key, 'remote', secrets.remotePrivateKey, createdAt, random));
        }
        if (keyPlan.vrfIsFresh) {
          added.push(sealPrivateKey(keystore.key, 'vrf', secrets.vrfPrivateKey, createdAt, random));
        }
        const next: KeystoreFile = { ...file, mainPublicKey, keys: [...file.keys, ...added] };
        return {
          ...next,
          ...(nodePublicKey === undefined
            ? {}
            : {
                node: {
                  ...(parameters.nodeUrl === undefined ? {} : { url: parameters.nodeUrl }),
                  publicKey: nodePublicKey,
                },
              }),
          ...(mode === 'linkRemote' ? { remoteHarvesting: { recordedAt: createdAt } } : {}),
        };
      },
      keys: () => keys,
      // a request sent at importance 0 (--force) is dropped by the node: no activation to wait for
      requestAtZeroImportance: zeroImportance && !requestSkipped,
      then: mode === 'linkRemote' || zeroImportance ? { waitFor: 'nothing' } : { waitFor: 'activation' },
    },
  };
}

/** The private key of a key the keystore holds (the planner only keeps keys it holds). */
export function heldPrivateKey(keystore: KeystoreSession, publicKey: Uint8Array): Uint8Array {
  const stored = keystore.file.keys.find((key) => equalBytes(key.publicKey, publicKey))!;
  return openPrivateKey(keystore.key, stored, keystore.path);
}

function describePlanned(
  transaction: InnerTransaction,
  nodePublicKey: Uint8Array | undefined,
): PlannedTransaction {
  if (transaction.type === 'transfer') {
    return { kind: 'delegationRequest', publicKey: nodePublicKey ?? null };
  }
  const action = transaction.action === 'link' ? 'Link' : 'Unlink';
  return { kind: `${transaction.role}${action}`, publicKey: transaction.linkedPublicKey };
}

/**
 * A switch of node: the account (or, after an unlink, the keystore) names another node than the one asked. That
 * node's operator has decrypted the keys from the earlier request, so keeping them would leave working keys there.
 */
function isSwitch(
  links: AccountLinks,
  keystore: KeystoreSession,
  nodePublicKey: Uint8Array | undefined,
): boolean {
  const previous = links.node ?? keystore.file.node?.publicKey;
  return nodePublicKey !== undefined && previous !== undefined && !equalBytes(previous, nodePublicKey);
}
