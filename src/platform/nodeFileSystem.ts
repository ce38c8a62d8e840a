import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from '../core/ports.js';

/**
 * The real file system, with the atomic replace that keystore and config files rely on. Windows has no POSIX
 * permissions (its modes say nothing of who may read a file), so there stat reports no group or other bits.
 */
export function createNodeFileSystem(platform: NodeJS.Platform = process.platform): FileSystem {
  const modeMask = platform === 'win32' ? 0o7700 : 0o7777;
  return {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFileAtomic,
    mkdir: async (path, mode) => {
      await mkdir(path, { recursive: true, mode });
    },
    readdir: async (path) => {
      try {
        return await readdir(path);
      } catch (error) {
        if (isErrno(error, 'ENOENT')) return [];
        throw error;
      }
    },
    stat: async (path) => {
      try {
        const info = await stat(path);
        return { mode: info.mode & modeMask, size: info.size, isFile: info.isFile() };
      } catch (error) {
        // ENOTDIR: a parent is a file, so the path cannot exist either
        if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
        throw error;
      }
    },
    remove: (path) => rm(path, { force: true }),
  };
}

/** temp file beside the target (same file system, so rename is atomic) → write → fsync → rename → fsync folder. */
async function writeFileAtomic(path: string, data: Uint8Array | string, mode: number): Promise<void> {
  const folder = dirname(path);
  const temporary = join(
    folder,
    `.${basename(path)}.${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString('hex')}.tmp`,
  );
  const handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode); // the umask may have narrowed or the file system widened the creation mode
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await chmod(path, mode);
  const folderHandle = await open(folder, constants.O_RDONLY);
  try {
    await folderHandle.sync();
  } finally {
    await folderHandle.close();
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
