/**
 * The REST routes of blocks, block statements and inflation (catapult-rest blockRoutes.js, receiptRoutes.js,
 * networkRoutes.js; openapi BlockInfoDTO, TransactionStatementInfoDTO), with the gateway's filters, paging and error
 * answers (409 InvalidArgument for a malformed filter, 404 ResourceNotFound for a height beyond the chain):
 *
 *   GET /blocks?signerPublicKey=&beneficiaryAddress=&pageSize=&pageNumber=&order=&orderBy=
 *   GET /blocks/{height}
 *   GET /statements/transaction?height=&fromHeight=&toHeight=&receiptType=&targetAddress=&…&pageSize=&pageNumber=&order=
 *   GET /network/inflation, /network/inflation/at/{height}
 *
 * Addresses in answers are the hex of their 24 raw bytes; in queries, base32 (as the gateway takes them).
 */
import type { BlockHarvest } from './blockHarvest.js';
import { INFLATION_START_HEIGHT, type BlockRewards } from './blockRewards.js';
import { toHex } from './bytes.js';
import { addressOf, type BlockInfo } from './chainState.js';
import { formatMosaicId, type Json } from './formatRest.js';
import { parseAddress } from './keys.js';
import { restError, type RestResponse } from './restResponse.js';
import type { NodeRouteContext } from './routes.js';
import { DEFAULT_DYNAMIC_FEE_MULTIPLIER, DEVNET_NETWORK_IDENTIFIER } from './settings.js';

/** Block entity types: nemesis, normal, importance (model::Entity_Type_Block_*). */
const BLOCK_TYPE = { nemesis: 0x8043, normal: 0x8143, importance: 0x8243 } as const;
/** Header sizes: a normal block, and an importance block with its voting and harvesting fields. */
const BLOCK_SIZE = { normal: 372, importance: 452 } as const;

const invalidArgument = (message: string) => restError(409, 'InvalidArgument', message);

/** Answers a block, statement or inflation route; undefined when the path is none of them. */
export function blockRoute(
  context: NodeRouteContext,
  parts: readonly string[],
  query: URLSearchParams,
): RestResponse | undefined {
  const [first, second, third, fourth] = parts;
  if (first === 'blocks' && parts.length === 1) return searchBlocks(context, query);
  if (first === 'blocks' && parts.length === 2) return blockAt(context, decodeURIComponent(second!));
  if (first === 'statements' && second === 'transaction' && parts.length === 2)
    return searchStatements(context, query);
  if (first === 'network' && second === 'inflation') {
    const rewards = context.chain.parameters.rewards;
    if (parts.length === 2) {
      return {
        status: 200,
        body: [{ startHeight: INFLATION_START_HEIGHT.toString(), rewardAmount: inflationOf(rewards, 2n) }],
      };
    }
    if (parts.length === 4 && third === 'at') return inflationAt(rewards, decodeURIComponent(fourth!));
  }
  return undefined;
}

function inflationOf(rewards: BlockRewards | undefined, height: bigint): string {
  return (rewards?.inflationAt(height) ?? 0n).toString();
}

function inflationAt(rewards: BlockRewards | undefined, text: string): RestResponse {
  if (!/^\d{1,20}$/.test(text)) return invalidArgument('height has an invalid format');
  const height = BigInt(text);
  if (height < INFLATION_START_HEIGHT)
    return { status: 200, body: { startHeight: 'N/A', rewardAmount: '0' } };
  return {
    status: 200,
    body: { startHeight: INFLATION_START_HEIGHT.toString(), rewardAmount: inflationOf(rewards, height) },
  };
}

function blockAt(context: NodeRouteContext, text: string): RestResponse {
  if (!/^\d{1,20}$/.test(text) || BigInt(text) === 0n) return invalidArgument('height has an invalid format');
  const block = context.chain.state.blocks[Number(BigInt(text) - 1n)];
  if (block === undefined) return restError(404, 'ResourceNotFound', `no resource exists with id '${text}'`);
  return { status: 200, body: formatBlock(context, block) };
}

/** Paging as catapult-rest reads it: page sizes outside [10, 100] fall back to 10; order asc or desc (default). */
interface Paging {
  readonly pageSize: number;
  readonly pageNumber: number;
  readonly order: 'asc' | 'desc';
}

function parsePaging(query: URLSearchParams): Paging | string {
  const numbers: Record<string, number> = {};
  for (const name of ['pageSize', 'pageNumber']) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d{1,9}$/.test(value)) return `${name} has an invalid format`;
    numbers[name] = Number(value);
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return 'order has an invalid format';
  const pageSize = numbers['pageSize'] ?? 10;
  return {
    pageSize: pageSize >= 10 && pageSize <= 100 ? pageSize : 10,
    pageNumber: Math.max(1, numbers['pageNumber'] ?? 1),
    order,
  };
}

/** One page of `items` (oldest first), each formatted only when it is on the page. */
function page<T>(items: readonly T[], paging: Paging, format: (item: T) => Json): RestResponse {
  const ordered = paging.order === 'desc' ? [...items].reverse() : items;
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return {
    status: 200,
    body: {
      data: ordered.slice(start, start + paging.pageSize).map(format),
      pagination: { pageNumber: paging.pageNumber, pageSize: paging.pageSize },
    },
  };
}

/** An optional base32 address filter: undefined when absent, a message when malformed. */
function addressFilter(query: URLSearchParams, name: string): Uint8Array | undefined | string {
  const text = query.get(name);
  if (text === null) return undefined;
  try {
    return parseAddress(text);
  } catch {
    return `${name} has an invalid format`;
  }
}

function searchBlocks(context: NodeRouteContext, query: URLSearchParams): RestResponse {
  const paging = parsePaging(query);
  if (typeof paging === 'string') return invalidArgument(paging);
  const signer = query.get('signerPublicKey');
  if (signer !== null && !/^[0-9a-fA-F]{64}$/.test(signer))
    return invalidArgument('signerPublicKey has an invalid format');
  const beneficiary = addressFilter(query, 'beneficiaryAddress');
  if (typeof beneficiary === 'string') return invalidArgument(beneficiary);
  const orderBy = query.get('orderBy');
  if (orderBy !== null && orderBy !== 'id' && orderBy !== 'height')
    return invalidArgument('orderBy has an invalid format');
  const matching = context.chain.state.blocks.filter((block) => {
    const { signerPublicKey, beneficiaryAddress } = headerOf(context, block);
    if (signer !== null && toHex(signerPublicKey) !== signer.toUpperCase()) return false;
    return beneficiary === undefined || toHex(beneficiaryAddress) === toHex(beneficiary);
  });
  return page(matching, paging, (block) => formatBlock(context, block));
}

function searchStatements(context: NodeRouteContext, query: URLSearchParams): RestResponse {
  const paging = parsePaging(query);
  if (typeof paging === 'string') return invalidArgument(paging);
  const heights: Record<string, bigint> = {};
  for (const name of ['height', 'fromHeight', 'toHeight']) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d{1,20}$/.test(value)) return invalidArgument(`${name} has an invalid format`);
    heights[name] = BigInt(value);
  }
  const types = query.getAll('receiptType').flatMap((value) => value.split(','));
  if (types.some((value) => !/^\d{1,5}$/.test(value)))
    return invalidArgument('receiptType has an invalid format');
  const wanted = new Set(types.map(Number));
  const target = addressFilter(query, 'targetAddress');
  if (typeof target === 'string') return invalidArgument(target);
  for (const name of ['recipientAddress', 'senderAddress']) {
    const other = addressFilter(query, name);
    if (typeof other === 'string') return invalidArgument(other);
    // balance transfer receipts only carry them; the devnet writes none
    if (other !== undefined) return page([], paging, () => ({}));
  }
  const artifact = query.get('artifactId');
  if (artifact !== null && !/^[0-9a-fA-F]{16}$/.test(artifact))
    return invalidArgument('artifactId has an invalid format');
  const statements: BlockInfo[] = [];
  for (const block of context.chain.state.blocks) {
    const receipts = block.harvest?.receipts ?? [];
    if (receipts.length === 0) continue;
    if (heights['height'] !== undefined && block.height !== heights['height']) continue;
    if (heights['fromHeight'] !== undefined && block.height < heights['fromHeight']) continue;
    if (heights['toHeight'] !== undefined && block.height > heights['toHeight']) continue;
    // like the gateway's MongoDB query: each filter matches the statement when any of its receipts matches it
    if (wanted.size > 0 && !receipts.some((receipt) => wanted.has(receipt.type))) continue;
    if (target !== undefined) {
      const hex = toHex(target);
      if (
        !receipts.some(
          (receipt) => receipt.targetAddress !== undefined && toHex(receipt.targetAddress) === hex,
        )
      )
        continue;
    }
    if (
      artifact !== null &&
      !receipts.some((receipt) => formatMosaicId(receipt.mosaicId) === artifact.toUpperCase())
    )
      continue;
    statements.push(block);
  }
  return page(statements, paging, (block) => formatStatement(block, block.harvest!));
}

/** The block statement (source 0/0) holding the harvest receipts. */
function formatStatement(block: BlockInfo, harvest: BlockHarvest): Json {
  return {
    id: documentId(block.height, 'F'),
    meta: { timestamp: block.timestamp.toString() },
    statement: {
      height: block.height.toString(),
      source: { primaryId: 0, secondaryId: 0 },
      receipts: harvest.receipts.map((receipt) => ({
        version: 1,
        type: receipt.type,
        ...(receipt.targetAddress === undefined ? {} : { targetAddress: toHex(receipt.targetAddress) }),
        mosaicId: formatMosaicId(receipt.mosaicId),
        amount: receipt.amount.toString(),
      })),
    },
  };
}

/** Signer and beneficiary of a block; the genesis block (and blocks made before rewards) the nemesis's. */
function headerOf(
  context: NodeRouteContext,
  block: BlockInfo,
): { signerPublicKey: Uint8Array; beneficiaryAddress: Uint8Array } {
  if (block.harvest !== undefined) return block.harvest;
  const nemesis = context.properties.nemesisSignerPublicKey;
  return { signerPublicKey: nemesis, beneficiaryAddress: addressOf(nemesis) };
}

/** A 24-hex-digit document id for the block (or statement) at `height`. */
function documentId(height: bigint, prefix: string): string {
  return `${prefix}${height.toString(16).toUpperCase().padStart(23, '0')}`;
}

/** BlockInfoDTO: meta and the block header (fields the devnet cannot have, like VRF proofs, are zeros). */
function formatBlock(context: NodeRouteContext, block: BlockInfo): Json {
  const { state } = context.chain;
  const header = headerOf(context, block);
  const previous = block.height > 1n ? state.blocks[Number(block.height - 2n)] : undefined;
  const importance =
    block.height === 1n || block.height % BigInt(context.properties.importanceGrouping) === 0n;
  const transactions = state.confirmed.filter((entry) => entry.height === block.height);
  const embedded = transactions.reduce(
    (sum, entry) =>
      sum + (entry.transaction.body.kind === 'aggregate' ? entry.transaction.body.embedded.length : 0),
    0,
  );
  const zeros = (bytes: number) => '0'.repeat(2 * bytes);
  return {
    id: documentId(block.height, 'B'),
    meta: {
      hash: toHex(block.hash),
      totalFee: (block.harvest?.totalFee ?? 0n).toString(),
      generationHash: zeros(32),
      stateHashSubCacheMerkleRoots: [],
      totalTransactionsCount: transactions.length + embedded,
      transactionsCount: transactions.length,
      statementsCount: (block.harvest?.receipts.length ?? 0) > 0 ? 1 : 0,
    },
    block: {
      size: importance ? BLOCK_SIZE.importance : BLOCK_SIZE.normal,
      signature: zeros(64),
      signerPublicKey: toHex(header.signerPublicKey),
      version: 1,
      network: DEVNET_NETWORK_IDENTIFIER,
      type: block.height === 1n ? BLOCK_TYPE.nemesis : importance ? BLOCK_TYPE.importance : BLOCK_TYPE.normal,
      height: block.height.toString(),
      timestamp: block.timestamp.toString(),
      difficulty: '100000000000000',
      proofGamma: zeros(32),
      proofVerificationHash: zeros(16),
      proofScalar: zeros(32),
      previousBlockHash: previous === undefined ? zeros(32) : toHex(previous.hash),
      transactionsHash: zeros(32),
      receiptsHash: zeros(32),
      stateHash: zeros(32),
      beneficiaryAddress: toHex(header.beneficiaryAddress),
      feeMultiplier: DEFAULT_DYNAMIC_FEE_MULTIPLIER,
      ...(importance
        ? {
            votingEligibleAccountsCount: 0,
            harvestingEligibleAccountsCount: '0',
            totalVotingBalance: '0',
            previousImportanceBlockHash: zeros(32),
          }
        : {}),
    },
  };
}
