import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { ExitCode } from '../cli/exitCodes.js';
import { InputError } from '../core/errors.js';
import type { DecryptCheckResult, DelegationRequestInput } from '../flows/decryptDelegationRequests.js';
import { formatDecryptCheck } from '../ui/format/decryptCheck.js';

/** Flags of `harvest decrypt-check`. */
export interface DecryptCheckOptions {
  readonly nodeKey?: string;
  readonly message?: string;
  readonly harvesters?: string;
  readonly payload?: string;
  readonly tx?: string;
  readonly showSecrets?: boolean;
}

/** Registers `harvest decrypt-check`. */
export function registerDecryptCheck(program: Command, invocation: Invocation): void {
  program
    .command('decrypt-check')
    .summary('decrypt delegation requests with the node key and show the keys they carry')
    .description(
      'Opens delegation requests exactly as the node does, with its transport key (node.key.pem), and shows the ' +
        'remote and VRF public keys inside. Give one of --message, --harvesters, --payload or --tx. With --node, ' +
        "each request is also checked against chain state with the node's own rules.",
    )
    .option(
      '--node-key <file>',
      "the node's transport private key: node.key.pem or 64 hex digits ('-' = stdin)",
    )
    .option('--message <hex>', 'one delegation message (264 hex digits, starting FE2A8061577301E2)')
    .option('--harvesters <file>', "a node's harvesters.dat (124-byte records)")
    .option(
      '--payload <file>',
      'a signed transaction (hex, or JSON with "payload"): its delegation transfers',
    )
    .option('--tx <hash>', 'a confirmed transaction on --node: its delegation transfers')
    .option('--show-secrets', 'also print the decrypted remote and VRF private keys')
    .action(async (options: DecryptCheckOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      const result = await decryptCheck(options, ctx);
      ctx.output.result(result, formatDecryptCheck);
      if (result.requests.some((request) => !request.ok)) ctx.setExitCode(ExitCode.Rejected);
    });
}

/** Reads the node key and the requests, and decrypts each. */
export async function decryptCheck(options: DecryptCheckOptions, ctx: Context): Promise<DecryptCheckResult> {
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
  if (options.nodeKey === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the node key is required', {
      hint: 'pass --node-key with the path of node.key.pem',
    });
  }
  const nodePrivateKey = await ctx.readPrivateKey({
    name: 'node key',
    file: options.nodeKey,
    flag: '--node-key',
  });
  const inputs = await readRequestInputs(options, ctx);
  const { decryptDelegationRequests } = await import('../flows/decryptDelegationRequests.js');
  const result = decryptDelegationRequests(nodePrivateKey, inputs, {
    showSecrets: options.showSecrets === true,
  });
  if (ctx.nodeUrl === undefined) return result;
  const { checkRequestsAgainstChain } = await import('../flows/checkRequestsAgainstChain.js');
  const { parseHex } = await import('../core/bytes.js');
  const requests = await checkRequestsAgainstChain(await nodeClient(ctx), result.requests, {
    nodePublicKey: parseHex(result.nodePublicKey, { name: 'node public key' }),
    expectedNetwork: ctx.network,
  });
  return { ...result, requests };
}

async function nodeClient(ctx: Context) {
  return ctx.connectNode();
}

async function readRequestInputs(
  options: DecryptCheckOptions,
  ctx: Context,
): Promise<DelegationRequestInput[]> {
  if (options.message !== undefined) {
    const [{ parseHex }, { extractDelegationRecord }] = await Promise.all([
      import('../core/bytes.js'),
      import('../core/crypto/delegationMessage.js'),
    ]);
    const message = parseHex(options.message, { name: 'message', code: 'INVALID_MESSAGE' });
    return [{ source: 'message', record: extractDelegationRecord(message) }];
  }
  if (options.tx !== undefined) {
    const [{ parseHex }, { fetchTransactionRequests }] = await Promise.all([
      import('../core/bytes.js'),
      import('../flows/fetchTransactionRequests.js'),
    ]);
    const hash = parseHex(options.tx, { name: 'transaction hash', length: 32 });
    if (ctx.nodeUrl === undefined) {
      throw new InputError('INPUT_REQUIRED', '--tx needs a node to read the transaction from', {
        hint: 'pass --node <url> or set HARVEST_NODE',
      });
    }
    return fetchTransactionRequests(await nodeClient(ctx), hash);
  }
  if (options.harvesters !== undefined) {
    const { splitHarvestersFile } = await import('../core/harvesting/splitHarvestersFile.js');
    const content = await ctx.readFile(options.harvesters, 'harvesters', 'INVALID_FILE');
    return splitHarvestersFile(content).map((record, index) => ({
      source: `harvesters.dat record ${index + 1}`,
      record,
    }));
  }
  const [{ parseSignedPayloadFile }, { findDelegationTransfers }, { inputsFromTransfers }] =
    await Promise.all([
      import('../core/transactions/parseSignedPayloadFile.js'),
      import('../core/transactions/findDelegationTransfers.js'),
      import('../flows/decryptDelegationRequests.js'),
    ]);
  const content = await ctx.readFile(options.payload ?? '-', 'payload', 'INVALID_PAYLOAD');
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
