/**
 * Reads and writes `<home>/keep-state.json` (src/core/harvesting/keepState.ts): atomically, 0600, so that a crash
 * leaves the old or the new state, never a mix.
 */
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import {
  EMPTY_KEEP_STATE,
  parseKeepState,
  serializeKeepState,
  type KeepState,
} from '../../core/harvesting/keepState.js';
import type { FileSystem } from '../../core/ports.js';

/** Where keep's state lives. */
export function keepStatePath(home: string): string {
  return join(home, 'keep-state.json');
}

/**
 * The state, or the empty one when there is no file yet.
 * @throws {InputError} INVALID_FILE when it is damaged or unreadable
 */
export async function readKeepState(files: FileSystem, home: string): Promise<KeepState> {
  const path = keepStatePath(home);
  if ((await files.stat(path)) === undefined) return EMPTY_KEEP_STATE;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await files.readFile(path));
  } catch (error) {
    throw new InputError('INVALID_FILE', `keep state ${path} cannot be read`, { cause: error });
  }
  return parseKeepState(text, path);
}

/** Writes the state (the home folder is made 0700 when missing). */
export async function writeKeepState(files: FileSystem, home: string, state: KeepState): Promise<void> {
  await files.mkdir(home, 0o700);
  await files.writeFileAtomic(keepStatePath(home), serializeKeepState(state), 0o600);
}
