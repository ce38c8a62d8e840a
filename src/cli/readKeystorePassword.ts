import { InputError } from '../core/errors.js';
import type { Context } from './context.js';

/**
 * The keystore password: `--password-file` (its first line), else HARVEST_PASSWORD, else a hidden prompt (asked
 * twice when a keystore is being created). Without any of them and no terminal: INPUT_REQUIRED with a hint.
 */
export async function readKeystorePassword(
  ctx: Context,
  passwordFile: string | undefined,
  creating: boolean,
): Promise<string> {
  let password: string | undefined;
  if (passwordFile !== undefined) {
    const text = new TextDecoder().decode(await ctx.readFile(passwordFile, 'password', 'INVALID_FILE'));
    password = text.split(/\r?\n/)[0] ?? '';
  } else if ((ctx.runtime.env['HARVEST_PASSWORD'] ?? '') !== '') {
    password = ctx.runtime.env['HARVEST_PASSWORD']!;
  } else if (ctx.interactive) {
    password = await ctx.ask.secret('keystore password', '--password-file');
    if (creating && (await ctx.ask.secret('same password again', '--password-file')) !== password) {
      throw new InputError('INVALID_INPUT', 'the two passwords differ');
    }
  } else {
    throw new InputError('INPUT_REQUIRED', 'the keystore password is required and cannot be asked for here', {
      hint: 'pass --password-file <file> or set HARVEST_PASSWORD',
    });
  }
  if (password === '') throw new InputError('INVALID_INPUT', 'the keystore password is empty');
  return password;
}
