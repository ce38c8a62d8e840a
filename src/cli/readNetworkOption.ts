/**
 * --network (or HARVEST_NETWORK), docs/cli.md: `mainnet`, `testnet`, or the path of a JSON file describing a
 * private network (the line `harvest devnet --json` prints when ready). Read before the command runs, so that a
 * bad value fails first: an unknown name is INVALID_INPUT, a file that cannot be read or is malformed INVALID_FILE.
 */
import { resolve } from 'node:path';
import type { Runtime } from '../commands/context/runtime.js';
import { InputError } from '../core/errors.js';
import { parseNetworkName, type NetworkParameters } from '../core/network.js';
import { parseNetworkFile } from '../core/parseNetworkFile.js';
import { echoPath, looksLikeSecret } from '../core/redact.js';
import { fileError } from './inputReader.js';

/** The network named by `value`; undefined when it is not given (or empty). */
export async function readNetworkOption(
  runtime: Pick<Runtime, 'files' | 'cwd'>,
  value: string | undefined,
): Promise<NetworkParameters | undefined> {
  if (value === undefined || value.trim() === '') return undefined;
  const name = value.trim().toLowerCase();
  if (name === 'mainnet' || name === 'testnet') return parseNetworkName(name);
  let bytes: Uint8Array;
  try {
    bytes = await runtime.files.readFile(resolve(runtime.cwd, value));
  } catch (error) {
    const errno = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
    if (errno === 'ENOENT' && !/[./\\]/.test(value)) {
      throw new InputError(
        'INVALID_INPUT',
        looksLikeSecret(value)
          ? 'unknown network (value hidden: it looks like a key)'
          : `unknown network "${value}"`,
        {
          hint: 'use mainnet, testnet, or the path of a network file (docs/cli.md)',
        },
      );
    }
    throw fileError(error, value, 'network', 'INVALID_FILE');
  }
  return parseNetworkFile(new TextDecoder().decode(bytes), `network file ${echoPath(value)}`);
}
