/**
 * `harvest decrypt-check` (docs/commands/decrypt-check.md): open delegation requests with the node key. What only
 * --payload, --tx or --node need is imported when they are given, so that `--message` and `--harvesters` load the
 * opening and nothing of the node client (docs/performance.md, "Start-up").
 */
import { parseHex } from '../core/bytes.js';
import { extractDelegationRecord } from '../core/crypto/delegationFormat.js';
import { InputError } from '../core/errors.js';
import { splitHarvestersFile } from '../core/harvesting/splitHarvestersFile.js';
import {
  decryptDelegationRequestsInParallel,
  inputsFromTransfers,
  type DecryptCheckResult,
  type DelegationRequestInput,
} from '../flows/decryptDelegationRequests.js';
import { formatDecryptCheck } from '../ui/format/decryptCheck.js';
import { readNodePrivateKey } from './readNodePrivateKey.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { DecryptCheckOptions } from './definitions/decryptCheck.js';

/** Decrypts the requests; rejected (exit 4) when any of them does not open or check. */
export async function run(
  { options }: CommandInput<DecryptCheckOptions>,
  ctx: Context,
): Promise<CommandOutcome> {
  const result = await decryptCheck(options, ctx);
  const anyFailed = result.requests.some((request) => !request.ok);
  return outcome(result, formatDecryptCheck, anyFailed ? { exit: 'rejected' } : {});
}

/** Reads the node key and the requests, and decrypts each. */
async function decryptCheck(options: DecryptCheckOptions, ctx: Context): Promise<DecryptCheckResult> {
  const sources = [options.message, options.harvesters, options.payload, options.tx].filter(
    (value) => value !== undefined,
  );
  if (sources.length === 0) {
    throw new InputError('INPUT_REQUIRED', 'nothing to check', {
      hint: 'pass --message, --harvesters or --payload (or --tx with --node)',
    });
  }
  if (sources.length > 1) {
    throw new InputError('INVALID_INPUT', 'give only one of --message, --harvesters, --payload and --tx');
  }
  const nodePrivateKey = await readNodePrivateKey(options.nodeKey, ctx);
  const inputs = await readRequestInputs(options, ctx);
  const result = await decryptDelegationRequestsInParallel(nodePrivateKey, inputs, {
    showSecrets: options.showSecrets === true,
  });
  if (ctx.nodeUrl === undefined) return result;
  const { checkRequestsAgainstChain } = await import('../flows/checkRequestsAgainstChain.js');
  const requests = await checkRequestsAgainstChain(
    await ctx.connectNode(ctx.nodeUrl, ctx.nodeUrl),
    result.requests,
    {
      nodePublicKey: result.nodePublicKey,
      expectedNetwork: ctx.network,
    },
  );
  return { ...result, requests };
}

async function readRequestInputs(
  options: DecryptCheckOptions,
  ctx: Context,
): Promise<DelegationRequestInput[]> {
  if (options.message !== undefined) {
    const message = parseHex(options.message, { name: 'message', code: 'INVALID_MESSAGE' });
    return [{ source: 'message', record: extractDelegationRecord(message) }];
  }
  if (options.tx !== undefined) {
    const hash = parseHex(options.tx, { name: 'transaction hash', length: 32 });
    if (ctx.nodeUrl === undefined) {
      throw new InputError('INPUT_REQUIRED', '--tx needs a node to read the transaction from', {
        hint: 'pass --node <url> or set HARVEST_NODE',
      });
    }
    const { fetchTransactionRequests } = await import('../flows/fetchTransactionRequests.js');
    return fetchTransactionRequests(await ctx.connectNode(), hash);
  }
  if (options.harvesters !== undefined) {
    const content = await ctx.readFile(options.harvesters, 'harvesters', 'INVALID_FILE');
    return splitHarvestersFile(content).map((record, index) => ({
      source: `harvesters.dat record ${index + 1}`,
      record,
    }));
  }
  const content = await ctx.readFile(options.payload ?? '-', 'payload', 'INVALID_PAYLOAD');
  const [{ parseSignedPayloadFile }, { findDelegationTransfers }] = await Promise.all([
    import('../core/transactions/parseSignedPayloadFile.js'),
    import('../core/transactions/findDelegationTransfers.js'),
  ]);
  const transfers = parseSignedPayloadFile(new TextDecoder().decode(content)).flatMap(
    findDelegationTransfers,
  );
  if (transfers.length === 0) {
    throw new InputError(
      'INVALID_PAYLOAD',
      'the payload holds no delegation request (no transfer with the marker)',
    );
  }
  return inputsFromTransfers(transfers);
}
