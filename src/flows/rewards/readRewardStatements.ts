/**
 * The receipts behind `harvest rewards` (docs/commands/rewards.md), for an account or a node's beneficiary:
 *
 *   1. the node's network (checked against --network), the address, the chain height
 *   2. --from / --to: heights as given (--to at most the chain height); dates and times to heights by binary search
 *      over the block timestamps (findHeightAtTime)
 *   3. every page of /statements/transaction?targetAddress=&receiptType=8515&fromHeight=&toHeight= (order asc)
 *   4. per statement with a harvest fee receipt for the address, its block (/blocks/{height}): signer, beneficiary,
 *      time
 */
import { deriveAddress } from '../../core/address.js';
import { toHex } from '../../core/bytes.js';
import { InputError, NodeError } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import { networkTimeOf } from '../../core/networkTime.js';
import { RECEIPT_TYPE_HARVEST_FEE } from '../../core/rewards/collectBlockRewards.js';
import type { RewardsBound } from '../../core/rewards/parseRewardsBound.js';
import { checkNetwork } from '../../node/checkNetwork.js';
import type { BlockHeader } from '../../node/getBlock.js';
import type { TransactionStatement } from '../../node/searchTransactionStatements.js';
import type { NodeClient } from '../connectNode.js';
import { findHeightAtTime } from './findHeightAtTime.js';

/** Statements asked per page (the gateway's largest page). */
const PAGE_SIZE = 100;
/** Blocks read at once. */
const PARALLEL_BLOCK_READS = 8;
/** A bound on the pages read, far above any real account's (100 statements each). */
const MAX_PAGES = 100_000;

/** What readRewardStatements needs. */
export interface ReadRewardStatementsParameters {
  readonly client: NodeClient;
  /** Whose receipts: an address, or a public key (its address on the node's network). */
  readonly account: { readonly address: Uint8Array } | { readonly publicKey: Uint8Array };
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly from?: RewardsBound | undefined;
  readonly to?: RewardsBound | undefined;
  readonly onProgress?: (text: string) => void;
}

/** The statements of the range with a harvest fee receipt for the address, each with its block. */
export interface RewardStatements {
  readonly network: NetworkParameters;
  readonly address: Uint8Array;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  /** Oldest first. */
  readonly statements: readonly { readonly statement: TransactionStatement; readonly block: BlockHeader }[];
}

/**
 * Reads the statements and blocks. An empty range (from after the chain, a future date) has none.
 * @throws {InputError} INVALID_INPUT when --from is after --to, WRONG_NETWORK, INVALID_ADDRESS for another network's
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function readRewardStatements(
  parameters: ReadRewardStatementsParameters,
): Promise<RewardStatements> {
  const { client, from, to } = parameters;
  checkOrder(from, to);
  const { network } = await checkNetwork(client, parameters.expectedNetwork);
  const address =
    'address' in parameters.account
      ? parameters.account.address
      : deriveAddress(parameters.account.publicKey, network.identifier);
  if (address[0] !== network.identifier) {
    throw new InputError('INVALID_ADDRESS', `the address is not of the node's network (${network.name})`, {
      hint: 'give an address of the network --node is on',
    });
  }
  const chainHeight = (await client.getChainInfo()).height;
  const toTime = (date: number) => networkTimeOf(new Date(date), network.epochAdjustmentSeconds);
  const fromHeight =
    from === undefined
      ? 1n
      : from.kind === 'height'
        ? from.height
        : await findHeightAtTime(client, toTime(from.startMs), chainHeight);
  const givenTo =
    to === undefined
      ? chainHeight
      : to.kind === 'height'
        ? to.height
        : (await findHeightAtTime(client, toTime(to.endMs), chainHeight)) - 1n;
  const toHeight = givenTo < chainHeight ? givenTo : chainHeight;
  const found: { statement: TransactionStatement; block: BlockHeader }[] = [];
  if (fromHeight <= toHeight) {
    const statements = await readStatements(parameters, address, fromHeight, toHeight);
    for (let index = 0; index < statements.length; index += PARALLEL_BLOCK_READS) {
      const batch = statements.slice(index, index + PARALLEL_BLOCK_READS);
      parameters.onProgress?.(`reading blocks: ${index + batch.length} of ${statements.length}`);
      const blocks = await Promise.all(batch.map((statement) => readBlock(client, statement.height)));
      batch.forEach((statement, position) => found.push({ statement, block: blocks[position]! }));
    }
  }
  return { network, address, fromHeight, toHeight, statements: found };
}

/** --from after --to, when both are of one kind, is a mistake rather than an empty range. */
function checkOrder(from: RewardsBound | undefined, to: RewardsBound | undefined): void {
  if (from === undefined || to === undefined) return;
  const after =
    from.kind === 'height' && to.kind === 'height'
      ? from.height > to.height
      : from.kind === 'time' && to.kind === 'time' && from.startMs >= to.endMs;
  if (after) {
    throw new InputError('INVALID_INPUT', '--from is after --to', {
      hint: 'give the earlier bound as --from',
    });
  }
}

/** Every statement of the range holding a harvest fee receipt for `address`, oldest first, each height once. */
async function readStatements(
  parameters: ReadRewardStatementsParameters,
  address: Uint8Array,
  fromHeight: bigint,
  toHeight: bigint,
): Promise<TransactionStatement[]> {
  const wanted = toHex(address);
  const byHeight = new Map<bigint, TransactionStatement>();
  const seen = new Set<string>();
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber += 1) {
    parameters.onProgress?.(`reading receipts: page ${pageNumber}`);
    const page = await parameters.client.searchTransactionStatements({
      targetAddress: address,
      receiptType: [RECEIPT_TYPE_HARVEST_FEE],
      fromHeight,
      toHeight,
      pageSize: PAGE_SIZE,
      pageNumber,
      order: 'asc',
    });
    let fresh = 0;
    for (const statement of page.data) {
      const key = `${statement.height}/${statement.source.primaryId}/${statement.source.secondaryId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fresh += 1;
      const mine = statement.receipts.some(
        (receipt) =>
          receipt.type === RECEIPT_TYPE_HARVEST_FEE &&
          receipt.targetAddress !== undefined &&
          toHex(receipt.targetAddress) === wanted,
      );
      if (!mine || statement.height < fromHeight || statement.height > toHeight) continue;
      // harvest fees are in the block statement (source 0/0): one per height
      if (byHeight.has(statement.height)) continue;
      byHeight.set(statement.height, statement);
    }
    // the last page is short; a node that ignores pageNumber repeats a page and adds nothing
    if (page.data.length < page.pageSize || fresh === 0) break;
  }
  return [...byHeight.values()].sort((a, b) => (a.height < b.height ? -1 : a.height > b.height ? 1 : 0));
}

async function readBlock(client: NodeClient, height: bigint) {
  const block = await client.getBlock(height);
  if (block === undefined) {
    throw new NodeError(
      'NODE_BAD_RESPONSE',
      `${client.url} has receipts at height ${height} but no such block`,
      {
        details: { url: client.url, height: height.toString() },
        hint: 'try another node',
      },
    );
  }
  return block;
}
