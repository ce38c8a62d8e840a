/** The node's transport private key (node.key.pem) that `decrypt-check` and `requests` open requests with. */
import { InputError } from '../core/errors.js';
import type { Context } from './context/context.js';

/**
 * Reads --node-key: a PEM or 64 hex digits ('-' for standard input); never prompted, never from the environment.
 * @throws {InputError} INPUT_REQUIRED without --node-key; INVALID_KEY when it cannot be read as a key
 */
export async function readNodePrivateKey(file: string | undefined, ctx: Context): Promise<Uint8Array> {
  if (file === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the node key is required', {
      hint: 'pass --node-key with the path of node.key.pem',
    });
  }
  return ctx.readPrivateKey({ name: 'node key', file, flag: '--node-key' });
}
