/** Flag helpers shared by the online commands (delegate, link-remote, unlink, announce, onboard, keep): URLs, counts, durations. */
import { InputError } from '../core/errors.js';
import { httpUrlOf } from '../core/textInput.js';
import type { Context } from './context/context.js';
import { echoUrl, echoValue } from '../core/redact.js';

/** The --node URL, asked for on a terminal (INPUT_REQUIRED naming --node otherwise). */
export async function requireNodeUrl(ctx: Context): Promise<string> {
  if (ctx.nodeUrl !== undefined) return ctx.nodeUrl;
  const answer = await ctx.ask.input(
    'node REST URL (e.g. http://127.0.0.1:3000)',
    '--node',
    (value) => httpUrlOf(value.trim()) !== undefined || 'an http(s) URL, please',
  );
  return answer.trim().replace(/\/+$/, '');
}

/**
 * --delegate-to: an http(s) URL without trailing slashes; undefined when not given.
 * @throws {InputError} INVALID_INPUT for anything else
 */
export function parseDelegateTo(text: string | undefined): string | undefined {
  return text === undefined ? undefined : parseUrlFlag(text, '--delegate-to');
}

/**
 * A node URL given with `flag` (--node, --fallback-node, --delegate-to): an http(s) URL, trimmed, without trailing
 * slashes. A value that looks like a key is not echoed (core/redact.ts).
 * @throws {InputError} INVALID_INPUT for anything else
 */
export function parseUrlFlag(text: string, flag: string): string {
  if (httpUrlOf(text.trim()) === undefined) {
    throw new InputError('INVALID_INPUT', `${flag} must be an http(s) URL, got ${echoUrl(text)}`, {
      hint: `e.g. ${flag} http://127.0.0.1:3000`,
    });
  }
  return text.trim().replace(/\/+$/, '');
}

/**
 * A whole-number flag from `min` to `max`; `fallback` when absent.
 * @throws {InputError} INVALID_INPUT naming the flag
 */
export function parseCount(
  text: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max = 10_000,
): number {
  if (text === undefined) return fallback;
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < min || value > max) {
    throw new InputError(
      'INVALID_INPUT',
      `${flag} must be a whole number from ${min} to ${max}, got "${text.slice(0, 40)}"`,
    );
  }
  return value;
}

/** A duration flag in (possibly fractional) seconds, as milliseconds; `fallback` seconds when absent. */
export function parseSeconds(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback * 1000;
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(Number(text))) {
    throw new InputError('INVALID_INPUT', `${flag} must be a number of seconds, got ${echoValue(text)}`);
  }
  return Math.round(Number(text) * 1000);
}
