/**
 * The process's terminal streams behind an interface, so that every command runs in-process in tests with buffers
 * instead of a terminal. This is the only module that touches process.stdout / process.stderr / process.stdin.
 */
import { isatty } from 'node:tty';

/** Something text can be written to. */
export interface Writer {
  write(text: string): void;
}

/** The standard streams and what they are connected to. */
export interface Io {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** All of standard input, as bytes (used for `--key-file -` and the like). */
  readStdin(): Promise<Uint8Array>;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The width of the terminal on stdout, if stdout is one (help wraps to it, at most 80 columns). */
  readonly stdoutColumns?: () => number | undefined;
}

/** The real process streams. */
export function createProcessIo(): Io {
  return {
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    // isatty on the descriptors: reading process.stdin.isTTY would open the stdin stream (and stderr's) on every
    // start, `harvest --help` included, though most runs never read stdin
    stdinIsTTY: isatty(0),
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    // asked only when help is printed: process.stdout is opened then anyway
    stdoutColumns: () => (isatty(1) ? process.stdout.columns : undefined),
  };
}
