import type { Io } from '../../src/ui/io.js';

/** An Io backed by strings, with chosen TTY flags. */
export interface TestIo extends Io {
  stdoutText(): string;
  stderrText(): string;
}

/** Options of testIo. */
export interface TestIoOptions {
  /** Standard input content. */
  readonly stdin?: string | Uint8Array;
  /** Pretend stdin, stdout and stderr are terminals. */
  readonly tty?: boolean;
}

/** A fake terminal for in-process command tests. */
export function testIo(options: TestIoOptions = {}): TestIo {
  let stdout = '';
  let stderr = '';
  const tty = options.tty ?? false;
  const stdin = options.stdin ?? '';
  return {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    readStdin: () => Promise.resolve(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    stdoutText: () => stdout,
    stderrText: () => stderr,
  };
}
