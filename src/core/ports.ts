/**
 * The shapes of the outside world that flows are given (the composition root in src/cli wires the real ones; tests
 * pass their own). Types only: core itself never touches files, clocks or randomness.
 */

/** Source of randomness: `length` fresh random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** The current time. */
export type Clock = () => Date;

/** Waits `ms` milliseconds; rejects early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The WHATWG fetch function (Node's built-in one in production). */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** What a failed file-system call tells us, as a value. */
export interface FileSystemErrorInfo {
  /** errno-style code: ENOENT, EACCES, EISDIR, ... */
  readonly code: string;
}

/** File access, narrowed to what this tool needs. Paths are absolute or relative to the working directory. */
export interface FileSystem {
  /** The whole file. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Replaces `path` atomically: writes a temporary file beside it with `mode`, fsyncs it, renames it over `path`
   * and fsyncs the folder. A crash at any point leaves either the old or the new file, never a mix.
   */
  writeFileAtomic(path: string, data: Uint8Array | string, mode: number): Promise<void>;
  /** Creates the folder and its parents (each new one with `mode`). */
  mkdir(path: string, mode: number): Promise<void>;
  /** File names in a folder; [] when it does not exist. */
  readdir(path: string): Promise<string[]>;
  /** Mode bits and size, or undefined when the path does not exist. */
  stat(
    path: string,
  ): Promise<{ readonly mode: number; readonly size: number; readonly isFile: boolean } | undefined>;
  /** Removes a file if it exists. */
  remove(path: string): Promise<void>;
}
