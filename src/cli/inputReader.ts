/**
 * Input named on the command line: files ("-" is standard input, which can be read only once) and private keys
 * (from their file, their environment variable or a hidden prompt). A path is echoed in messages only when it
 * does not look like a secret (core/redact.ts).
 */
import type { Ask, PrivateKeySource } from '../commands/context/context.js';
import type { Runtime } from '../commands/context/runtime.js';
import { InputError, type InputErrorCode } from '../core/errors.js';
import { parsePrivateKey } from '../core/keys.js';
import { echoPath } from '../core/redact.js';

/** Reads the inputs of one invocation. */
export interface InputReader {
  readonly readFile: (path: string, name: string, code: InputErrorCode) => Promise<Uint8Array>;
  readonly readPrivateKey: (source: PrivateKeySource) => Promise<Uint8Array>;
}

/** An input reader over `runtime`; relative paths are resolved with `resolvePath`. */
export function createInputReader(
  runtime: Runtime,
  ask: Ask,
  resolvePath: (path: string) => string,
): InputReader {
  let stdinTakenBy: string | undefined;
  const readFile = async (path: string, name: string, code: InputErrorCode): Promise<Uint8Array> => {
    if (path === '-') {
      // standard input can be read once: a second '-' would silently get nothing (e.g. an empty key)
      if (stdinTakenBy !== undefined) {
        throw new InputError('INVALID_INPUT', `standard input is already used for the ${stdinTakenBy}`, {
          hint: `give the ${name} as a file path`,
        });
      }
      stdinTakenBy = name;
      return runtime.io.readStdin();
    }
    try {
      return await runtime.files.readFile(resolvePath(path));
    } catch (error) {
      throw fileError(error, path, name, code);
    }
  };
  return {
    readFile,
    async readPrivateKey(source) {
      if (source.file !== undefined) {
        const bytes = await readFile(source.file, source.name, 'INVALID_KEY');
        return parsePrivateKey(new TextDecoder().decode(bytes), source.name);
      }
      const fromEnv = source.envVar === undefined ? undefined : runtime.env[source.envVar];
      if (fromEnv !== undefined && fromEnv !== '')
        return parsePrivateKey(fromEnv, `${source.name} (${source.envVar})`);
      const answer = await ask.secret(`${source.name} (64 hex digits)`, source.flag);
      return parsePrivateKey(answer, source.name);
    },
  };
}

/** A file-system failure as the InputError `code`, naming the file (unless it looks like a secret). */
export function fileError(error: unknown, path: string, name: string, code: InputErrorCode): InputError {
  const errno = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const reason =
    errno === 'ENOENT'
      ? 'not found'
      : errno === 'EACCES' || errno === 'EPERM'
        ? 'not readable (permission denied)'
        : errno === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${errno ?? 'unknown error'})`;
  return new InputError(code, `${name} file ${echoPath(path)} ${reason}`, { cause: error });
}
