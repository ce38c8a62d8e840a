/**
 * The accounts file of `onboard` and `keep` (docs/commands/onboard.md, "The accounts file"): read, checked, and each
 * row given a reader of its key, so that a key is read only when its row is reached (an unreadable one fails that row).
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { parsePrivateKey } from '../core/keys.js';
import { parseAccountsFile } from '../core/onboarding/parseAccountsFile.js';
import type { Context } from './context/context.js';

/** One row of the accounts file. */
export interface AccountsFileRow {
  readonly line: number;
  /** The key file or `$VARIABLE`: how messages name the row. */
  readonly label: string;
  readonly node: string | undefined;
  /** `public_key` rows (for `onboard --prepare`): their readKey refuses, as signing needs the private key. */
  readonly publicKey: Uint8Array | undefined;
  readonly readKey: () => Promise<Uint8Array>;
}

/**
 * Reads `path` ("-" is standard input) into rows.
 * @throws {InputError} INVALID_FILE (not UTF-8, a bad row: docs/commands/onboard.md)
 */
export async function readAccountsFile(path: string, ctx: Context): Promise<AccountsFileRow[]> {
  const bytes = await ctx.readFile(path, 'accounts', 'INVALID_FILE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('INVALID_FILE', `accounts file ${path} is not UTF-8 text`);
  }
  const rows = parseAccountsFile(text, `accounts file ${path}`);
  const folder = path === '-' ? ctx.runtime.cwd : dirname(ctx.resolvePath(path));
  return rows.map((row) => ({
    line: row.line,
    label: row.keyFile ?? (row.keyEnv === undefined ? 'public_key' : `$${row.keyEnv}`),
    node: row.node,
    publicKey: row.publicKey,
    readKey: async () => {
      const name = `key of line ${row.line}`;
      if (row.publicKey !== undefined) {
        throw new InputError(
          'INPUT_REQUIRED',
          `${name}: the row gives only a public_key, and signing needs the private key`,
          {
            hint: 'name the key with key_file or key_env, or use onboard --prepare for cold signing',
          },
        );
      }
      if (row.keyFile !== undefined) {
        return ctx.readPrivateKey({ name, file: resolve(folder, row.keyFile), flag: 'key_file' });
      }
      const value = ctx.runtime.env[row.keyEnv!];
      if (value === undefined || value === '') {
        throw new InputError('INPUT_REQUIRED', `${name}: environment variable ${row.keyEnv!} is not set`, {
          hint: `export ${row.keyEnv!} with the account's private key`,
        });
      }
      return parsePrivateKey(value, `${name} (${row.keyEnv!})`);
    },
  }));
}
