/**
 * The main account's private key as every command reads it (docs/cli.md, "Secrets"): `--key-file <path>` ('-' for
 * standard input), else HARVEST_PRIVATE_KEY, else a hidden prompt on a terminal. Never a flag value.
 */
import type { Context } from './context/context.js';

/** Reads the main private key (asked for on a terminal when neither the file nor the variable gives it). */
export function readMainKey(
  keyFile: string | undefined,
  ctx: Context,
  name = 'main account key',
): Promise<Uint8Array> {
  return ctx.readPrivateKey({
    name,
    file: keyFile,
    flag: '--key-file',
    envVar: 'HARVEST_PRIVATE_KEY',
  });
}

/** The main private key when `--key-file` or HARVEST_PRIVATE_KEY gives one; undefined (nothing asked) otherwise. */
export async function readMainKeyIfGiven(
  keyFile: string | undefined,
  ctx: Context,
): Promise<Uint8Array | undefined> {
  const fromEnvironment = ctx.runtime.env['HARVEST_PRIVATE_KEY'];
  if (keyFile === undefined && (fromEnvironment === undefined || fromEnvironment === '')) return undefined;
  return readMainKey(keyFile, ctx);
}
