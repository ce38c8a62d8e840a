import type { Ask } from '../commands/context/context.js';
import { InputError } from '../core/errors.js';
import type { InputReader } from './inputReader.js';

/** What reading the keystore password needs. */
export interface PasswordSources {
  readonly readFile: InputReader['readFile'];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly interactive: boolean;
  readonly ask: Ask;
}

/**
 * The keystore password (docs/cli.md): `--password-file` (its first line), else HARVEST_PASSWORD, else a hidden
 * prompt (asked twice when a keystore is being created). Without any of them and no terminal: INPUT_REQUIRED.
 */
export async function readKeystorePassword(
  sources: PasswordSources,
  passwordFile: string | undefined,
  creating: boolean,
): Promise<string> {
  const { env, ask } = sources;
  let password: string | undefined;
  if (passwordFile !== undefined) {
    const text = new TextDecoder().decode(await sources.readFile(passwordFile, 'password', 'INVALID_FILE'));
    password = text.split(/\r?\n/)[0] ?? '';
  } else if ((env['HARVEST_PASSWORD'] ?? '') !== '') {
    password = env['HARVEST_PASSWORD']!;
  } else if (sources.interactive) {
    password = await ask.secret('keystore password', '--password-file');
    if (creating && (await ask.secret('same password again', '--password-file')) !== password) {
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
