/**
 * The outside world of one invocation of `harvest`: terminal, environment, network, clock, randomness and files.
 * The CLI builds the real one (src/cli/processRuntime.ts); tests replace any part of it (docs/ARCHITECTURE.md).
 */
import type { Clock, Fetch, FileSystem, RandomBytes, Sleep } from '../../core/ports.js';
import type { Io } from '../../ui/io.js';
import type { Prompter } from '../../ui/prompter.js';

/** The outside world of one invocation. */
export interface Runtime {
  readonly io: Io;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: Fetch;
  readonly now: Clock;
  readonly random: RandomBytes;
  readonly sleep: Sleep;
  readonly files: FileSystem;
  readonly prompter: Prompter;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Aborted at the first SIGINT or SIGTERM (its reason is the signal's name): waits observe it and the command ends
   * with what it has (docs/cli.md, "Signals"); a second signal ends the process at once (exit 130). The process
   * listens for the signals from the first call on.
   */
  readonly interruption: () => AbortSignal;
  /** Resolves with the signal name at the first SIGINT or SIGTERM (long-running commands such as `devnet`). */
  readonly shutdownSignal: () => Promise<string>;
  /**
   * This process's id and whether another process still runs (`keep`'s home lock tells a running keeper from one
   * killed with SIGKILL); absent in tests that do not need it.
   */
  readonly processes?: { readonly pid: number; readonly isRunning: (pid: number) => boolean } | undefined;
}
