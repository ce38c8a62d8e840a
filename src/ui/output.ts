/**
 * The only writer of stdout. With --json, stdout receives exactly one JSON document (the result or an error
 * object; the one streaming command, `keep`, one JSON line per event through `line`); otherwise the human
 * rendering. Notes and warnings go to stderr; progress too, as --progress says (docs/cli.md): rewritten in place on
 * a terminal, one plain line per update, or not at all.
 */
import { toHex } from '../core/bytes.js';
import { CancelledError, HarvestError } from '../core/errors.js';
import type { Io } from './io.js';
import type { Style } from './style.js';

/** How a result is turned into human text. */
export type Formatter<T> = (result: T, style: Style) => string;

/**
 * How progress shows on stderr: `terminal` one line rewritten in place (cursor control), `plain` one line per update
 * (`harvest: …`, no colour, no cursor control: for CI logs), `none` not at all.
 */
export type ProgressStyle = 'terminal' | 'plain' | 'none';

/** Output settings decided once per invocation. */
export interface OutputOptions {
  readonly json: boolean;
  readonly verbose: boolean;
  /** The colours (src/ui/style.ts): plainStyle without a TTY, with --no-color or NO_COLOR. */
  readonly style: Style;
  /** Default: `terminal` when stderr is a terminal, else `none` (--progress auto). */
  readonly progress?: ProgressStyle;
}

/** The output channel a command's result and messages go through. */
export interface Output {
  /** Writes the command's result: JSON with --json, else `format(result)`. Call at most once. */
  result<T>(value: T, format: Formatter<T>): void;
  /**
   * One item of a stream on stdout (`harvest keep`'s events): one JSON line with --json, else `format(value)` on one
   * line. A command that streams prints no result.
   */
  line<T>(value: T, format: Formatter<T>): void;
  /**
   * Writes an error: `{"error":{…}}` on stdout with --json, a short message on stderr otherwise (a plain
   * "Cancelled." when the user declined).
   */
  error(error: unknown): void;
  /** A line for the human on stderr (warnings, hints); kept with --json too, as stderr is not parsed. */
  note(text: string): void;
  /**
   * Progress on stderr, never on stdout (with --json too): transient on a terminal, one `harvest: …` line per update
   * with --progress plain (a repeated text is not written twice), nothing with --progress none or without a terminal.
   */
  progress(text: string): void;
  /** The colour functions in force. */
  readonly style: Style;
}

/**
 * JSON conventions of the public contract: bigint as a decimal string, bytes as upper-case hex, undefined dropped.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (item instanceof Uint8Array) return toHex(item);
    return item;
  });
}

/** The error object of the --json contract. */
export function errorDocument(error: unknown, verbose: boolean): { error: Record<string, unknown> } {
  if (error instanceof HarvestError) {
    return {
      error: {
        code: error.code,
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.details === undefined ? {} : { details: error.details }),
        ...(error.journal === undefined ? {} : { journal: error.journal }),
      },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    error: {
      code: 'INTERNAL',
      message: `internal error: ${message}`,
      hint: 'this is a bug; run again with --verbose and report it',
      ...(verbose && error instanceof Error && error.stack !== undefined
        ? { details: { stack: error.stack } }
        : {}),
    },
  };
}

/** Creates the output channel for one invocation. */
export function createOutput(io: Io, options: OutputOptions): Output {
  const { style } = options;
  const progressStyle = options.progress ?? (io.stderrIsTTY ? 'terminal' : 'none');
  let progressShown = false;
  let lastPlain: string | undefined;
  const clearProgress = () => {
    if (progressShown) io.stderr.write('\r\x1b[2K');
    progressShown = false;
  };
  return {
    style,
    result(value, format) {
      clearProgress();
      if (options.json) io.stdout.write(`${toJson(value)}\n`);
      else io.stdout.write(`${format(value, style).replace(/\n*$/, '')}\n`);
    },
    line(value, format) {
      clearProgress();
      io.stdout.write(options.json ? `${toJson(value)}\n` : `${format(value, style).replace(/\n+/g, ' ')}\n`);
    },
    error(error) {
      clearProgress();
      const document = errorDocument(error, options.verbose);
      if (options.json) {
        io.stdout.write(`${toJson(document)}\n`);
      } else if (error instanceof CancelledError) {
        // the user said no (or pressed Ctrl+C at a prompt): not a failure to shout about (docs/cli.md)
        io.stderr.write('Cancelled.\n');
        // a hint still says what was (not) done, e.g. "nothing was sent" after a signal before announcing
        if (error.hint !== undefined) io.stderr.write(`${style.dim('hint:')} ${error.hint}\n`);
        return;
      } else {
        const { message, hint, details } = document.error as {
          message: string;
          hint?: string;
          details?: unknown;
        };
        io.stderr.write(`${style.red('error:')} ${message}\n`);
        if (hint !== undefined) io.stderr.write(`${style.dim('hint:')} ${hint}\n`);
        if (options.verbose && details !== undefined) io.stderr.write(`${toJson(details)}\n`);
      }
      if (options.verbose && error instanceof Error && error.stack !== undefined) {
        io.stderr.write(`${error.stack}\n`);
      }
    },
    note(text) {
      clearProgress();
      io.stderr.write(`${text}\n`);
    },
    progress(text) {
      if (progressStyle === 'plain') {
        if (text !== lastPlain) io.stderr.write(`harvest: ${text}\n`);
        lastPlain = text;
        return;
      }
      if (progressStyle !== 'terminal') return;
      io.stderr.write(`\r\x1b[2K${text}`);
      progressShown = true;
    },
  };
}
