/**
 * Harvesting rewards of the devnet (docs/devnet.md, "Harvesting rewards"): who signs each block, and how its fees
 * plus the inflation are shared out, as catapult's HarvestFeeObserver does
 * (plugins/coresystem/src/observers/HarvestFeeObserver.cpp):
 *
 *   total       = fees of the block's transactions + inflation at the height
 *   network     = total × 5 / 100                      → chain.harvestNetworkFeeSinkAddress (receipt only if > 0)
 *   beneficiary = total × 25 / 100, unless the beneficiary is the signer's own address (then 0; receipt only if > 0)
 *   harvester   = total − network − beneficiary        → the signer's MAIN account (a remote key forwards to it)
 *
 * The comparison is with the block signer's address: a delegate signs with its remote key, so a node owner who
 * delegates to its own node gets both the harvester and the beneficiary share of its blocks (two receipts, one
 * target). The signer is chosen round robin over every delegate the nodes have unlocked (node order, then unlock
 * order); with none, node 0's owner signs with its main key, as before rewards existed.
 */
import type { BlockHarvest, HarvestReceipt } from './blockHarvest.js';
import {
  HARVEST_BENEFICIARY_PERCENTAGE,
  HARVEST_NETWORK_PERCENTAGE,
  RECEIPT_TYPE_HARVEST_FEE,
  RECEIPT_TYPE_INFLATION,
} from './blockHarvest.js';
import { equalBytes } from './bytes.js';
import { ACCOUNT_TYPE, addressKey, addressOf, newAccount, type ChainState } from './chainState.js';
import type { HarvestingExtension } from './harvestingExtension.js';
import { DEVNET_CURRENCY_MOSAIC_ID } from './settings.js';

/** One node as the rewards see it. */
export interface RewardNode {
  readonly ownerPublicKey: Uint8Array;
  readonly extension: HarvestingExtension;
}

/** What BlockRewards needs. */
export interface BlockRewardsParameters {
  readonly nodes: readonly RewardNode[];
  /** chain.harvestNetworkFeeSinkAddress (24 raw bytes). */
  readonly sinkAddress: Uint8Array;
  /** Inflation of every block from height 2 (µXYM); the genesis block has none. */
  readonly inflation: bigint;
}

/** The signer and beneficiary chosen for a block before its transactions run. */
export interface BlockSigner {
  readonly signerPublicKey: Uint8Array;
  readonly beneficiaryAddress: Uint8Array;
}

/** First height with inflation (the genesis block has none, as on the public networks). */
export const INFLATION_START_HEIGHT = 2n;

/** Chooses block signers and shares out block rewards. */
export class BlockRewards {
  readonly parameters: BlockRewardsParameters;
  /** Beneficiary set per node with POST /devnet/beneficiary (config-node.properties `beneficiaryAddress`). */
  private readonly beneficiaries = new Map<number, Uint8Array>();

  constructor(parameters: BlockRewardsParameters) {
    this.parameters = parameters;
  }

  /** Inflation at `height` (/network/inflation/at/{height}). */
  inflationAt(height: bigint): bigint {
    return height >= INFLATION_START_HEIGHT ? this.parameters.inflation : 0n;
  }

  /** The beneficiary of node `index`: the one set for it, else its owner's address. */
  beneficiaryOf(index: number): Uint8Array {
    return this.beneficiaries.get(index) ?? addressOf(this.parameters.nodes[index]!.ownerPublicKey);
  }

  /** Sets (or with undefined, resets to the owner) the beneficiary of node `index`. */
  setBeneficiary(index: number, address: Uint8Array | undefined): void {
    if (address === undefined) this.beneficiaries.delete(index);
    else this.beneficiaries.set(index, address);
  }

  /** The signer of the block at `height`: the next unlocked delegate round robin, else node 0's owner. */
  chooseSigner(state: ChainState, height: bigint): BlockSigner {
    const candidates: BlockSigner[] = [];
    this.parameters.nodes.forEach((node, index) => {
      for (const remotePublicKey of node.extension.unlockedPublicKeys()) {
        if (mainAccountOf(state, remotePublicKey) === undefined) continue;
        candidates.push({ signerPublicKey: remotePublicKey, beneficiaryAddress: this.beneficiaryOf(index) });
      }
    });
    if (candidates.length > 0) return candidates[Number(height % BigInt(candidates.length))]!;
    return {
      signerPublicKey: this.parameters.nodes[0]!.ownerPublicKey,
      beneficiaryAddress: this.beneficiaryOf(0),
    };
  }

  /** Credits the shares of the block at `height` and returns its harvest record with the receipts. */
  distribute(state: ChainState, height: bigint, signer: BlockSigner, totalFee: bigint): BlockHarvest {
    const inflation = this.inflationAt(height);
    const total = totalFee + inflation;
    const network = (total * HARVEST_NETWORK_PERCENTAGE) / 100n;
    const shares = !equalBytes(addressOf(signer.signerPublicKey), signer.beneficiaryAddress);
    const beneficiary = shares ? (total * HARVEST_BENEFICIARY_PERCENTAGE) / 100n : 0n;
    const receipts: HarvestReceipt[] = [
      credit(state, addressOf(signer.signerPublicKey), total - network - beneficiary, height),
    ];
    if (network !== 0n) receipts.push(credit(state, this.parameters.sinkAddress, network, height));
    if (beneficiary !== 0n) receipts.push(credit(state, signer.beneficiaryAddress, beneficiary, height));
    if (inflation !== 0n) {
      receipts.push({ type: RECEIPT_TYPE_INFLATION, mosaicId: DEVNET_CURRENCY_MOSAIC_ID, amount: inflation });
    }
    return { ...signer, totalFee, receipts };
  }
}

/**
 * ProcessForwardedAccountState: the account at `address` is credited, unless it is a remote account, whose main
 * account is credited instead; the receipt names the account credited.
 */
function credit(state: ChainState, address: Uint8Array, amount: bigint, height: bigint): HarvestReceipt {
  let account = state.getAccount(address);
  if (account === undefined) {
    account = newAccount(address, height);
    state.accounts.set(addressKey(address), account);
  }
  if (account.accountType === ACCOUNT_TYPE.remote && account.links.linked !== undefined) {
    account = state.getAccountByPublicKey(account.links.linked) ?? account;
  }
  account.balance += amount;
  return {
    type: RECEIPT_TYPE_HARVEST_FEE,
    targetAddress: account.address,
    mosaicId: DEVNET_CURRENCY_MOSAIC_ID,
    amount,
  };
}

/** The main account a remote key harvests for, when both links agree. */
function mainAccountOf(state: ChainState, remotePublicKey: Uint8Array) {
  const remote = state.getAccountByPublicKey(remotePublicKey);
  if (remote?.accountType !== ACCOUNT_TYPE.remote || remote.links.linked === undefined) return undefined;
  const main = state.getAccountByPublicKey(remote.links.linked);
  if (main?.links.linked === undefined || !equalBytes(main.links.linked, remotePublicKey)) return undefined;
  return main;
}
