/**
 * Files a command writes where the command line says (--out, --config-out): checked before any work, so that a
 * bad path never fails after an announcement, and written atomically.
 */
import { dirname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { FileSystem } from '../core/ports.js';

/** The output files of one invocation. */
export interface OutputFiles {
  readonly checkOutputPath: (path: string, name: string) => Promise<string>;
  readonly writeOutputFile: (path: string, data: string, mode: number, name: string) => Promise<void>;
}

/** Output files on `files`; relative paths are resolved with `resolvePath`. */
export function createOutputFiles(files: FileSystem, resolvePath: (path: string) => string): OutputFiles {
  return {
    async checkOutputPath(path, name) {
      // standard output holds the command's result: an output file is always a file name
      if (path.trim() === '' || path.trim() === '-') {
        throw new InputError('INVALID_INPUT', `${name} must be a file name, got "${path}"`, {
          hint: 'standard output holds the result; name a file',
        });
      }
      const absolute = resolvePath(path);
      const folder = dirname(absolute);
      const folderInfo = await files.stat(folder);
      if (folderInfo === undefined) {
        throw new InputError('INVALID_FILE', `${name} ${path}: the folder ${folder} does not exist`);
      }
      if (folderInfo.isFile)
        throw new InputError('INVALID_FILE', `${name} ${path}: ${folder} is not a folder`);
      const info = await files.stat(absolute);
      if (info !== undefined && !info.isFile) {
        throw new InputError('INVALID_FILE', `${name} ${path} is a folder, not a file`);
      }
      return absolute;
    },
    async writeOutputFile(path, data, mode, name) {
      try {
        await files.writeFileAtomic(resolvePath(path), data, mode);
      } catch (error) {
        const errno = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
        throw new InputError(
          'INVALID_FILE',
          `${name} ${path} cannot be written (${errno ?? 'unknown error'})`,
          {
            cause: error,
          },
        );
      }
    },
  };
}
