/**
 * The devnet's single chain: the unconfirmed cache, block production on a timer or on demand, the stateful rules,
 * importance recalculation and the harvesting extensions of every node, which all see the same blocks.
 */
import { createHash } from 'node:crypto';
import type { SymbolFacade } from 'symbol-sdk/symbol';
import { concatBytes, toHex } from './bytes.js';
import { applyTransaction } from './applyTransaction.js';
import { BondedAggregates } from './bondedAggregates.js';
import type { BlockInfo, ChainState, ConfirmedTransaction } from './chainState.js';
import { decodeTransaction, type DecodedTransaction } from './decodeTransaction.js';
import type { HarvestingExtension } from './harvestingExtension.js';
import { approvalFailure } from './multisigApprovals.js';
import { DEFAULT_DYNAMIC_FEE_MULTIPLIER } from './settings.js';
import { validateTransaction } from './validateTransaction.js';

/** What the chain needs to run. */
export interface DevnetChainParameters {
  readonly facade: SymbolFacade;
  readonly state: ChainState;
  readonly epochAdjustmentSeconds: number;
  readonly now: () => number;
  readonly minFeeMultiplier: number;
  readonly importanceGrouping: number;
  /** Who receives the fees (the node owner of node 0). */
  readonly beneficiary: Uint8Array;
  readonly extensions: readonly HarvestingExtension[];
  /** Called after every block (persistence). */
  readonly afterBlock: () => void;
}

/** What happened to an announcement. */
export type AnnounceOutcome = 'unconfirmed' | 'partial' | 'failed' | 'dropped' | 'known';

/** The chain and its block producer. */
export class DevnetChain {
  private unconfirmed: DecodedTransaction[] = [];
  private waiters: ((block: BlockInfo) => void)[] = [];

  readonly parameters: DevnetChainParameters;
  /** Bonded aggregates collecting cosignatures (the partial transaction cache). */
  readonly bonded: BondedAggregates;

  constructor(parameters: DevnetChainParameters) {
    this.parameters = parameters;
    this.bonded = new BondedAggregates({
      state: parameters.state,
      facade: parameters.facade,
      enqueue: (transaction) => this.enqueue(transaction),
      fail: (transaction, code) => this.fail(transaction, code),
    });
  }

  /** The chain state. */
  get state(): ChainState {
    return this.parameters.state;
  }

  /** Network time: ms since the devnet's epoch. */
  networkTime(): bigint {
    return BigInt(Math.floor(this.parameters.now())) - BigInt(this.parameters.epochAdjustmentSeconds) * 1000n;
  }

  /** Number of transactions waiting for the next block. */
  get pendingCount(): number {
    return this.unconfirmed.length;
  }

  /**
   * PUT /transactions after the body was parsed: stateless checks now, a status at once for failures, the
   * unconfirmed cache otherwise.
   * @throws {PayloadDecodeError} when the payload is not a transaction.
   */
  announce(payload: Uint8Array): AnnounceOutcome {
    const transaction = decodeTransaction(this.parameters.facade, payload);
    const hash = toHex(transaction.hash);
    const known = this.state.statuses.get(hash);
    if (known !== undefined && known.group !== 'failed') return 'known';
    const verdict = validateTransaction(transaction, this.networkTime(), this.parameters.minFeeMultiplier);
    if (verdict.outcome === 'drop') return 'dropped';
    if (verdict.outcome === 'fail') {
      this.fail(transaction, verdict.code);
      return 'failed';
    }
    const body = transaction.body;
    // Bonded aggregates wait in the partial cache for their cosignatures, whichever route announced them.
    if (body.kind === 'aggregate' && body.bonded) return this.bonded.receive(transaction);
    const cosigners = body.kind === 'aggregate' ? body.cosignatures.map((item) => item.signerPublicKey) : [];
    const code = approvalFailure(this.state.multisig, transaction, cosigners, true);
    if (code !== undefined) {
      this.fail(transaction, code);
      return 'failed';
    }
    this.enqueue(transaction);
    return 'unconfirmed';
  }

  private enqueue(transaction: DecodedTransaction): void {
    this.unconfirmed.push(transaction);
    this.state.setStatus({
      group: 'unconfirmed',
      code: 'Success',
      hash: toHex(transaction.hash),
      deadline: transaction.deadline,
      height: 0n,
    });
  }

  private fail(transaction: DecodedTransaction, code: string): void {
    this.state.setStatus({
      group: 'failed',
      code,
      hash: toHex(transaction.hash),
      deadline: transaction.deadline,
      height: 0n,
    });
  }

  /** Creates the genesis block (height 1) with the importances of the funded accounts. */
  createGenesis(): BlockInfo {
    const block = this.appendBlock();
    this.state.recalculateImportances(block.height);
    return block;
  }

  /** Produces the next block now: confirms or fails every unconfirmed transaction, then runs the extensions. */
  produceBlock(): BlockInfo {
    const block = this.appendBlock();
    const pending = this.unconfirmed;
    this.unconfirmed = [];
    const added: ConfirmedTransaction[] = [];
    for (const transaction of pending) {
      const hash = toHex(transaction.hash);
      const code = this.confirm(transaction, block, added);
      if (code !== undefined) {
        this.state.setStatus({ group: 'failed', code, hash, deadline: transaction.deadline, height: 0n });
      }
    }
    this.bonded.afterBlock(block.height, block.timestamp, this.parameters.beneficiary);
    if (block.height % BigInt(this.parameters.importanceGrouping) === 0n) {
      this.state.recalculateImportances(block.height);
    }
    for (const extension of this.parameters.extensions) {
      extension.observe(added);
      extension.update(block.height);
    }
    this.parameters.afterBlock();
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(block);
    return block;
  }

  /** Resolves with the next block produced. */
  nextBlock(): Promise<BlockInfo> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private confirm(
    transaction: DecodedTransaction,
    block: BlockInfo,
    added: ConfirmedTransaction[],
  ): string | undefined {
    if (transaction.deadline < block.timestamp) return 'Failure_Core_Past_Deadline';
    // The multisig state may have changed since the announcement: the cosignatures are checked again.
    const body = transaction.body;
    const cosigners = body.kind === 'aggregate' ? body.cosignatures.map((item) => item.signerPublicKey) : [];
    const approval = approvalFailure(this.state.multisig, transaction, cosigners, true);
    if (approval !== undefined) return approval;
    const result = applyTransaction(
      this.state,
      transaction,
      block.height,
      DEFAULT_DYNAMIC_FEE_MULTIPLIER,
      this.parameters.beneficiary,
    );
    if (!result.ok) return result.code;
    const entry: ConfirmedTransaction = {
      id: this.state.newId(),
      transaction,
      height: block.height,
      index: added.length,
      timestamp: block.timestamp,
      feeMultiplier: DEFAULT_DYNAMIC_FEE_MULTIPLIER,
    };
    this.state.addConfirmed(entry);
    added.push(entry);
    this.state.setStatus({
      group: 'confirmed',
      code: 'Success',
      hash: toHex(transaction.hash),
      deadline: transaction.deadline,
      height: block.height,
    });
    return undefined;
  }

  private appendBlock(): BlockInfo {
    const previous = this.state.blocks.at(-1);
    const height = (previous?.height ?? 0n) + 1n;
    const timestamp = maxBigInt(this.networkTime(), previous?.timestamp ?? 0n);
    const header = new Uint8Array(16);
    const view = new DataView(header.buffer);
    view.setBigUint64(0, height, true);
    view.setBigUint64(8, timestamp, true);
    const hash = new Uint8Array(
      createHash('sha3-256')
        .update(concatBytes(previous?.hash ?? new Uint8Array(32), header))
        .digest(),
    );
    const block = { height, timestamp, hash };
    this.state.blocks.push(block);
    return block;
  }
}

function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
