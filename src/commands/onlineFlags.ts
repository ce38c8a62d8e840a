/** Flag helpers shared by the online commands (delegate, link-remote, unlink, announce): node URL, durations. */
import { InputError } from '../core/errors.js';
import { httpUrlOf } from '../core/textInput.js';
import type { Context } from './context/context.js';
import { echoUrl } from '../core/redact.js';

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
  if (text === undefined) return undefined;
  if (httpUrlOf(text.trim()) === undefined) {
    throw new InputError('INVALID_INPUT', `--delegate-to must be an http(s) URL, got ${echoUrl(text)}`, {
      hint: 'e.g. --delegate-to http://127.0.0.1:3000',
    });
  }
  return text.trim().replace(/\/+$/, '');
}

/** A duration flag in (possibly fractional) seconds, as milliseconds; `fallback` seconds when absent. */
export function parseSeconds(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback * 1000;
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(Number(text))) {
    throw new InputError('INVALID_INPUT', `${flag} must be a number of seconds, got "${text}"`);
  }
  return Math.round(Number(text) * 1000);
}
