/**
 * One keeper per home (docs/commands/keep.md, "Limits"): `<home>/keep.lock` holds the running keeper's process id.
 * Two keepers on one home would each see an outage with no request yet and each send one (two fees), and would
 * overwrite each other's keep-state.json. A lock left by a keeper killed with SIGKILL names a process that no longer
 * runs: it is taken over. (Written atomically, not created exclusively: two keepers started in the same instant are
 * not told apart; the case this guards against is a second keeper started by mistake.)
 */
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { FileSystem } from '../../core/ports.js';

/** The running process, as the lock sees it. */
export interface KeeperProcess {
  readonly pid: number;
  readonly isRunning: (pid: number) => boolean;
}

/**
 * Takes the home's keeper lock; resolves with its release (removes the lock if it is still ours).
 * @throws {InputError} KEEPER_RUNNING when another keeper runs on this home
 */
export async function claimKeeperLock(
  files: FileSystem,
  home: string,
  process: KeeperProcess,
  now: Date,
): Promise<() => Promise<void>> {
  const path = join(home, 'keep.lock');
  const holder = await readHolder(files, path);
  if (holder !== undefined && holder !== process.pid && process.isRunning(holder)) {
    throw new InputError('KEEPER_RUNNING', `another harvest keep (process ${holder}) runs on this home`, {
      hint: `stop it first, or use another --home; if no keeper runs, remove ${path}`,
    });
  }
  await files.mkdir(home, 0o700);
  await files.writeFileAtomic(
    path,
    `${JSON.stringify({ pid: process.pid, startedAt: now.toISOString() })}\n`,
    0o600,
  );
  return async () => {
    if ((await readHolder(files, path)) === process.pid) await files.remove(path);
  };
}

/** The pid the lock names; undefined when there is no lock or it does not read (then it is taken over). */
async function readHolder(files: FileSystem, path: string): Promise<number | undefined> {
  if ((await files.stat(path)) === undefined) return undefined;
  try {
    const value = JSON.parse(new TextDecoder().decode(await files.readFile(path))) as { pid?: unknown };
    return typeof value.pid === 'number' && Number.isSafeInteger(value.pid) && value.pid > 0
      ? value.pid
      : undefined;
  } catch {
    return undefined;
  }
}
