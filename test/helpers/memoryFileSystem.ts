/**
 * An in-memory FileSystem (the port of src/core/ports.ts) for flow tests: no disk, no temp folders to clean up,
 * and a log of every change so a test can check what was written, with which mode, and in which order relative
 * to the node's requests (pass the same `timeline` array to stubNode).
 *
 *   const files = memoryFileSystem({ timeline });
 *   files.seed('/home/keystore/T….json', text);       // a file an earlier run left
 *   files.crashOnWrite(2);                              // the 2nd write from now throws (power loss)
 *   files.json('/home/keystore/T….json').journal       // what the flow left
 *
 * Semantics follow src/platform/nodeFileSystem.ts: writes are atomic (a failed write leaves the old content), mkdir is
 * recursive, readdir of a missing folder is [], stat of a missing path is undefined, remove ignores a missing file.
 * Failures are Errors with Node's `.code` (ENOENT, EISDIR, ENOTDIR, EEXIST). Relative paths resolve against /work.
 */
import { posix } from 'node:path';
import type { FileSystem } from '../../src/core/ports.js';

/** One change, in order. */
export interface FileSystemEvent {
  readonly op: 'write' | 'mkdir' | 'remove';
  readonly path: string;
  readonly mode?: number;
  /** What a write wrote (a copy), to follow a file through its versions. */
  readonly data?: Uint8Array;
}

/** The port plus what tests inspect. */
export interface MemoryFileSystem extends FileSystem {
  /** Every successful change (mkdir of an existing folder included), in order. */
  readonly log: readonly FileSystemEvent[];
  /** Makes the `nth` writeFileAtomic from now (1 = the next one) throw `error` and leave the file as it was. */
  crashOnWrite(nth: number, error?: Error): void;
  /** Puts a file in place (parents created 0700) without logging it: the state an earlier run left. */
  seed(path: string, data: Uint8Array | string, mode?: number): void;
  /** A file's text, or undefined when it does not exist. */
  text(path: string): string | undefined;
  /** A file parsed as JSON (throws when missing). */
  json(path: string): unknown;
  /** Mode bits of a file or folder, or undefined. */
  modeOf(path: string): number | undefined;
  /** Every file path, sorted. */
  files(): string[];
  /** The text of every version written to `path`, oldest first. */
  versions(path: string): string[];
}

/** Options of memoryFileSystem. */
export interface MemoryFileSystemOptions {
  /** A shared log: each change is pushed as "write <path>", "mkdir <path>", "remove <path>". */
  readonly timeline?: string[];
  /** Working folder for relative paths. */
  readonly cwd?: string;
}

type Entry =
  | { readonly kind: 'file'; readonly data: Uint8Array; readonly mode: number }
  | { readonly kind: 'dir'; readonly mode: number };

/** An Error shaped like Node's fs errors. */
export function fsError(code: string, syscall: string, path: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

/** Runs `work` now; a throw becomes a rejected promise (as a real fs call reports it). */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

/** A fresh, empty file system (only `/` exists). */
export function memoryFileSystem(options: MemoryFileSystemOptions = {}): MemoryFileSystem {
  const entries = new Map<string, Entry>([['/', { kind: 'dir', mode: 0o755 }]]);
  const log: FileSystemEvent[] = [];
  const cwd = options.cwd ?? '/work';
  let writes = 0;
  const crashes = new Map<number, Error>();

  const resolve = (path: string) => posix.resolve(cwd, path);
  const record = (event: FileSystemEvent) => {
    log.push(event);
    options.timeline?.push(`${event.op} ${event.path}`);
  };
  const makeDirs = (path: string, mode: number, logged: boolean) => {
    const missing: string[] = [];
    for (let dir = path; ; dir = posix.dirname(dir)) {
      const entry = entries.get(dir);
      if (entry?.kind === 'file') throw fsError(dir === path ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
      if (entry !== undefined) break;
      missing.unshift(dir);
      if (dir === '/') break;
    }
    for (const dir of missing) entries.set(dir, { kind: 'dir', mode });
    if (logged) record({ op: 'mkdir', path, mode });
  };
  const parentFolder = (path: string, syscall: string) => {
    const parent = entries.get(posix.dirname(path));
    if (parent === undefined) throw fsError('ENOENT', syscall, path);
    if (parent.kind !== 'dir') throw fsError('ENOTDIR', syscall, path);
  };
  const toBytes = (data: Uint8Array | string) =>
    typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data);
  const fileBytes = (path: string): Uint8Array | undefined => {
    const entry = entries.get(resolve(path));
    return entry?.kind === 'file' ? entry.data : undefined;
  };

  return {
    readFile: (path) => {
      const full = resolve(path);
      const entry = entries.get(full);
      if (entry === undefined) return Promise.reject(fsError('ENOENT', 'open', full));
      if (entry.kind === 'dir') return Promise.reject(fsError('EISDIR', 'read', full));
      return Promise.resolve(Uint8Array.from(entry.data));
    },
    writeFileAtomic: (path, data, mode) =>
      settle(() => {
        const full = resolve(path);
        writes += 1;
        const crash = crashes.get(writes);
        if (crash !== undefined) {
          crashes.delete(writes);
          throw crash;
        }
        parentFolder(full, 'open');
        if (entries.get(full)?.kind === 'dir') throw fsError('EISDIR', 'rename', full);
        const bytes = toBytes(data);
        entries.set(full, { kind: 'file', data: bytes, mode: mode & 0o7777 });
        record({ op: 'write', path: full, mode, data: Uint8Array.from(bytes) });
      }),
    mkdir: (path, mode) =>
      settle(() => {
        makeDirs(resolve(path), mode & 0o7777, true);
      }),
    readdir: (path) => {
      const full = resolve(path);
      const entry = entries.get(full);
      if (entry === undefined) return Promise.resolve([]);
      if (entry.kind === 'file') return Promise.reject(fsError('ENOTDIR', 'scandir', full));
      const prefix = full === '/' ? '/' : `${full}/`;
      const names = [...entries.keys()]
        .filter((candidate) => candidate !== full && candidate.startsWith(prefix))
        .map((candidate) => candidate.slice(prefix.length))
        .filter((rest) => !rest.includes('/'));
      return Promise.resolve(names.sort());
    },
    stat: (path) => {
      const entry = entries.get(resolve(path));
      if (entry === undefined) return Promise.resolve(undefined);
      return Promise.resolve({
        mode: entry.mode,
        size: entry.kind === 'file' ? entry.data.length : 4096,
        isFile: entry.kind === 'file',
      });
    },
    remove: (path) => {
      const full = resolve(path);
      const entry = entries.get(full);
      if (entry === undefined) return Promise.resolve();
      if (entry.kind === 'dir') return Promise.reject(fsError('EISDIR', 'rm', full));
      entries.delete(full);
      record({ op: 'remove', path: full });
      return Promise.resolve();
    },

    log,
    crashOnWrite: (nth, error = new Error('simulated crash during write')) => {
      crashes.set(writes + nth, error);
    },
    seed: (path, data, mode = 0o600) => {
      const full = resolve(path);
      makeDirs(posix.dirname(full), 0o700, false);
      entries.set(full, { kind: 'file', data: toBytes(data), mode });
    },
    text: (path) => {
      const bytes = fileBytes(path);
      return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
    },
    json: (path) => {
      const bytes = fileBytes(path);
      if (bytes === undefined) throw fsError('ENOENT', 'open', resolve(path));
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    },
    modeOf: (path) => entries.get(resolve(path))?.mode,
    files: () =>
      [...entries]
        .filter(([, entry]) => entry.kind === 'file')
        .map(([path]) => path)
        .sort(),
    versions: (path) =>
      log
        .filter((event) => event.op === 'write' && event.path === resolve(path))
        .map((event) => new TextDecoder().decode(event.data)),
  };
}
