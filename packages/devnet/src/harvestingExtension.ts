/**
 * The harvesting extension of one devnet node (catapult extensions/harvesting): delegation transfers to the node's
 * transport address are queued when confirmed (TransferMessageObserver), opened with the node key, checked against
 * the main account (UnlockedAccountsUpdater), given a slot by the Importance policy (UnlockedAccounts.cpp), pruned
 * when they can no longer harvest, and kept in harvesters.dat as 124-byte records (UnlockedAccountsStorage.cpp).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { equalBytes, toHex } from './bytes.js';
import {
  ACCOUNT_TYPE,
  addressOf,
  isWithinHarvesterBounds,
  type AccountState,
  type ChainState,
  type ConfirmedTransaction,
} from './chainState.js';
import type { DecodedHeader } from './decodeTransaction.js';
import {
  DELEGATION_MARKER,
  DELEGATION_MESSAGE_SIZE,
  DELEGATION_RECORD_SIZE,
  DelegationRequestOpener,
  splitHarvestersFile,
} from './delegationRequest.js';
import { publicKeyOf } from './keys.js';
import { importanceHeightFor } from './settings.js';

/** One unlocked delegate. */
interface UnlockedAccount {
  readonly remotePublicKey: Uint8Array;
  readonly vrfPublicKey: Uint8Array;
  readonly record: Uint8Array;
}

/** A delegation message seen on chain, waiting for the next update. */
interface QueuedRequest {
  readonly mainPublicKey: Uint8Array;
  readonly message: Uint8Array;
}

/** Settings of one node's extension. */
export interface HarvestingExtensionParameters {
  readonly nodePrivateKey: Uint8Array;
  readonly harvestersFile: string;
  readonly maxUnlockedAccounts: number;
  readonly importanceGrouping: number;
  readonly log: (line: string) => void;
}

/** The delegated-harvesting state of one node. */
export class HarvestingExtension {
  readonly nodePublicKey: Uint8Array;
  private readonly nodeAddress: Uint8Array;
  private readonly unlocked: UnlockedAccount[] = [];
  /** Request ids already processed since start (the node's in-memory map, kept even after a prune). */
  private readonly seenRequestIds = new Set<string>();
  private queue: QueuedRequest[] = [];

  private readonly chain: ChainState;
  private readonly parameters: HarvestingExtensionParameters;
  private readonly opener: DelegationRequestOpener;

  constructor(chain: ChainState, parameters: HarvestingExtensionParameters) {
    this.chain = chain;
    this.parameters = parameters;
    this.opener = new DelegationRequestOpener(parameters.nodePrivateKey);
    this.nodePublicKey = this.opener.nodePublicKey;
    this.nodeAddress = addressOf(this.nodePublicKey);
  }

  /** Remote public keys of the unlocked delegates, in unlock order. */
  unlockedPublicKeys(): Uint8Array[] {
    return this.unlocked.map((entry) => entry.remotePublicKey);
  }

  /** Loads harvesters.dat at start, as the node does: every record must open with the node key. */
  load(): void {
    if (!existsSync(this.parameters.harvestersFile)) return;
    const records = splitHarvestersFile(new Uint8Array(readFileSync(this.parameters.harvestersFile)));
    for (const record of records) {
      const opened = this.opener.open(record);
      if (!opened.ok) throw new Error(`malformed harvesters file ${this.parameters.harvestersFile}`);
      this.seenRequestIds.add(toHex(opened.requestId));
      this.unlocked.push({
        remotePublicKey: publicKeyOf(opened.remotePrivateKey),
        vrfPublicKey: publicKeyOf(opened.vrfPrivateKey),
        record,
      });
    }
  }

  /**
   * A restart of the node (POST /devnet/restart): the in-memory state is lost and harvesters.dat read again, as at
   * start. With `wipeHarvesters` the file is emptied first, as after a data reset: the delegates are forgotten.
   */
  restart(wipeHarvesters: boolean): void {
    this.unlocked.splice(0, this.unlocked.length);
    this.seenRequestIds.clear();
    this.queue = [];
    if (wipeHarvesters) this.save();
    this.load();
    this.parameters.log(`harvesting: restarted${wipeHarvesters ? ', harvesters wiped' : ''}`);
  }

  /**
   * Processes one delegation message at once, as the next harvesting-task pass would (POST /devnet/delegate), and
   * says whether it was unlocked and which delegate the Importance policy evicted for it.
   */
  unlockNow(
    mainPublicKey: Uint8Array,
    message: Uint8Array,
    height: bigint,
  ): { readonly unlocked: boolean; readonly evicted: Uint8Array | undefined } {
    const before = this.unlockedPublicKeys();
    const unlocked = this.process({ mainPublicKey, message }, height);
    if (unlocked) this.save();
    const evicted = before.find(
      (key) => !this.unlocked.some((entry) => equalBytes(entry.remotePublicKey, key)),
    );
    return { unlocked, evicted };
  }

  /** TransferMessageObserver: queues every confirmed delegation message to this node, top level or embedded. */
  observe(entries: readonly ConfirmedTransaction[]): void {
    for (const entry of entries) {
      const body = entry.transaction.body;
      const parts: readonly DecodedHeader[] = body.kind === 'aggregate' ? body.embedded : [entry.transaction];
      for (const part of parts) {
        if (part.body.kind !== 'transfer') continue;
        const { message, recipientAddress } = part.body;
        if (message.length <= DELEGATION_MARKER.length || !equalBytes(recipientAddress, this.nodeAddress))
          continue;
        if (!equalBytes(message.subarray(0, DELEGATION_MARKER.length), DELEGATION_MARKER)) continue;
        this.queue.push({ mainPublicKey: part.signerPublicKey, message });
      }
    }
  }

  /** One harvesting-task pass after the block at `height`: process queued requests, then prune. */
  update(height: bigint): void {
    const queued = this.queue;
    this.queue = [];
    let changed = false;
    for (const request of queued) changed = this.process(request, height) || changed;
    changed = this.prune(height) || changed;
    if (changed) this.save();
  }

  private process(request: QueuedRequest, height: bigint): boolean {
    // UnlockedFileQueueConsumer drops records that are not exactly marker + 124 bytes.
    if (request.message.length !== DELEGATION_MESSAGE_SIZE) return false;
    const record = request.message.slice(DELEGATION_MARKER.length);
    const requestId = toHex(record.subarray(0, 32));
    if (this.seenRequestIds.has(requestId)) return false;
    const opened = this.opener.open(record);
    if (!opened.ok) {
      this.parameters.log(`harvesting: request ${requestId} does not open with the node key`);
      return false;
    }
    const remotePublicKey = publicKeyOf(opened.remotePrivateKey);
    const vrfPublicKey = publicKeyOf(opened.vrfPrivateKey);
    const main = this.chain.getAccountByPublicKey(request.mainPublicKey);
    const reason = this.findIneligibility(main, remotePublicKey, vrfPublicKey);
    if (reason !== undefined) {
      this.parameters.log(`harvesting: request ${requestId} refused: ${reason}`);
      return false;
    }
    this.seenRequestIds.add(requestId);
    if (this.unlocked.some((entry) => equalBytes(entry.remotePublicKey, remotePublicKey))) return false;
    if (this.unlocked.length >= this.parameters.maxUnlockedAccounts) {
      const lowest = this.lowestPriority(height);
      const score = this.priorityOf(remotePublicKey, height);
      if (lowest === undefined || score <= lowest.score) {
        this.parameters.log(`harvesting: request ${requestId} refused: Failure_Server_Limit`);
        return false;
      }
      this.unlocked.splice(lowest.index, 1);
    }
    this.unlocked.push({ remotePublicKey, vrfPublicKey, record });
    this.parameters.log(`harvesting: unlocked ${toHex(remotePublicKey)}`);
    return true;
  }

  /** isMainAccountEligibleForDelegation: known main account whose links match the request and this node. */
  private findIneligibility(
    main: AccountState | undefined,
    remotePublicKey: Uint8Array,
    vrfPublicKey: Uint8Array,
  ): string | undefined {
    if (main?.publicKey === undefined) return 'unknown main account';
    if (main.links.linked === undefined || !equalBytes(main.links.linked, remotePublicKey)) {
      return 'invalid signing public key';
    }
    if (main.links.vrf === undefined || !equalBytes(main.links.vrf, vrfPublicKey))
      return 'invalid vrf public key';
    if (main.links.node === undefined || !equalBytes(main.links.node, this.nodePublicKey)) {
      return 'invalid node public key';
    }
    return undefined;
  }

  /** The main account a remote key harvests for (ImportanceView forwards a remote to its main). */
  private mainOf(remotePublicKey: Uint8Array): AccountState | undefined {
    const remote = this.chain.getAccountByPublicKey(remotePublicKey);
    if (remote?.accountType !== ACCOUNT_TYPE.remote || remote.links.linked === undefined) return undefined;
    const main = this.chain.getAccountByPublicKey(remote.links.linked);
    if (main?.links.linked === undefined || !equalBytes(main.links.linked, remotePublicKey)) return undefined;
    return main;
  }

  /** Importance policy: the main account's importance at height + 1 (0 when it cannot be read). */
  private priorityOf(remotePublicKey: Uint8Array, height: bigint): bigint {
    const main = this.mainOf(remotePublicKey);
    if (main === undefined) return 0n;
    return main.importanceHeight === importanceHeightFor(height + 1n, this.parameters.importanceGrouping)
      ? main.importance
      : 0n;
  }

  private lowestPriority(height: bigint): { index: number; score: bigint } | undefined {
    let lowest: { index: number; score: bigint } | undefined;
    this.unlocked.forEach((entry, index) => {
      const score = this.priorityOf(entry.remotePublicKey, height);
      if (lowest === undefined || score < lowest.score) lowest = { index, score };
    });
    return lowest;
  }

  /** pruneUnlockedAccounts: drops delegates that cannot harvest at height + 1 or whose links changed. */
  private prune(height: bigint): boolean {
    const before = this.unlocked.length;
    const keep = this.unlocked.filter((entry) => {
      const main = this.mainOf(entry.remotePublicKey);
      const ok =
        main !== undefined &&
        this.findIneligibility(main, entry.remotePublicKey, entry.vrfPublicKey) === undefined &&
        canHarvest(main, height, this.parameters.importanceGrouping);
      if (!ok) this.parameters.log(`harvesting: pruned ${toHex(entry.remotePublicKey)}`);
      return ok;
    });
    this.unlocked.splice(0, this.unlocked.length, ...keep);
    return keep.length !== before;
  }

  /** Rewrites harvesters.dat atomically (temporary file, then rename). */
  private save(): void {
    const content = new Uint8Array(this.unlocked.length * DELEGATION_RECORD_SIZE);
    this.unlocked.forEach((entry, index) => content.set(entry.record, index * DELEGATION_RECORD_SIZE));
    const temporary = `${this.parameters.harvestersFile}.tmp`;
    writeFileSync(temporary, content, { mode: 0o600 });
    renameSync(temporary, this.parameters.harvestersFile);
  }
}

/** ImportanceView::canHarvest at height + 1: a current non-zero importance and a balance within the bounds. */
function canHarvest(main: AccountState, height: bigint, grouping: number): boolean {
  return (
    main.importanceHeight === importanceHeightFor(height + 1n, grouping) &&
    main.importance > 0n &&
    isWithinHarvesterBounds(main.balance)
  );
}
