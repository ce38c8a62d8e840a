/**
 * The `--accounts` file of `harvest onboard` (docs/commands/onboard.md): one account per row, named by `key_file` (a path to
 * a key file) or `key_env` (the name of an environment variable holding the key), with an optional `node` URL; or,
 * for `onboard --prepare` (cold signing: no private key on this machine), by `public_key` alone.
 *
 * Two shapes, told apart by the first significant line:
 *
 *   CSV (header row first)            JSON lines (first line starts with `{`)
 *   key_file,node                     {"key_file": "keys/a.key", "node": "http://n1:3000"}
 *   keys/a.key,http://n1:3000         {"key_env": "ACCOUNT_B"}
 *   "keys/with,comma.key",
 *
 * Blank lines and lines starting with `#` are skipped in both. Errors name the line and never echo a value that
 * could be a key: the file is meant to hold paths and variable names, but a pasted key must not reach a terminal.
 */
import { toHex } from '../bytes.js';
import { httpUrlOf } from '../textInput.js';
import { InputError } from '../errors.js';
import { looksLikeSecret } from '../redact.js';
import { parseAccountPublicKey } from '../parseAccountPublicKey.js';

/** One account of the file. Exactly one of keyFile, keyEnv and publicKey is set. */
export interface AccountRow {
  /** 1-based line number in the file, for messages. */
  readonly line: number;
  readonly keyFile?: string;
  readonly keyEnv?: string;
  /** `public_key` (32 bytes): the account named by its public key only, for `onboard --prepare`. */
  readonly publicKey?: Uint8Array;
  /** The row's own node REST URL (trailing slashes removed). */
  readonly node?: string;
}

const COLUMNS = ['key_file', 'key_env', 'public_key', 'node'] as const;
type Column = (typeof COLUMNS)[number];

/** 64 hex digits (optionally 0x): what a raw private key looks like. */

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses the accounts file.
 * @throws {InputError} INVALID_FILE with the line number: bad header, wrong field count, unterminated quote, a row
 *   with no key column or both, a key where a path was expected, a bad node URL, a repeated account, no rows
 */
export function parseAccountsFile(text: string, name = 'accounts file'): AccountRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const significant = lines
    .map((content, index) => ({ content, line: index + 1 }))
    .filter(({ content }) => content.trim() !== '' && !content.trimStart().startsWith('#'));
  if (significant.length === 0) {
    throw new InputError('INVALID_FILE', `${name} holds no accounts`, {
      hint: 'a CSV header row (key_file or key_env, optional node) then one row per account, or JSON lines',
    });
  }
  const rows = significant[0]!.content.trimStart().startsWith('{')
    ? significant.map(({ content, line }) => readJsonLine(content, line, name))
    : readCsv(significant, name);
  if (rows.length === 0) throw new InputError('INVALID_FILE', `${name} has a header but no accounts`);
  checkDuplicates(rows, name);
  return rows;
}

function readCsv(lines: readonly { content: string; line: number }[], name: string): AccountRow[] {
  const [header, ...body] = lines;
  const columns = splitCsvLine(header!.content, header!.line, name).map((column) =>
    column.trim().toLowerCase(),
  );
  const seen = new Set<string>();
  for (const column of columns) {
    if (!(COLUMNS as readonly string[]).includes(column)) {
      throw new InputError(
        'INVALID_FILE',
        `${name} line ${header!.line}: unknown column "${clip(column)}" in the header`,
        { hint: 'columns are key_file, key_env or public_key, and optionally node' },
      );
    }
    if (seen.has(column)) {
      throw new InputError('INVALID_FILE', `${name} line ${header!.line}: column ${column} appears twice`);
    }
    seen.add(column);
  }
  if (!seen.has('key_file') && !seen.has('key_env') && !seen.has('public_key')) {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${header!.line}: the header has no key_file, key_env or public_key column`,
      {
        hint: 'the first row names the columns, e.g. key_file,node',
      },
    );
  }
  return body.map(({ content, line }) => {
    const fields = splitCsvLine(content, line, name);
    if (fields.length !== columns.length) {
      throw new InputError(
        'INVALID_FILE',
        `${name} line ${line}: ${fields.length} field(s), the header has ${columns.length}`,
      );
    }
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((column, index) => {
      values[column as Column] = fields[index]!.trim();
    });
    return toRow(values, line, name);
  });
}

/**
 * One CSV line (RFC 4180 on a single line): fields separated by commas; a field may be quoted, with "" for a quote
 * inside. A quoted field must end on its line.
 */
function splitCsvLine(content: string, line: number, name: string): string[] {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    while (content[index] === ' ' || content[index] === '\t') index += 1;
    if (content[index] === '"') {
      let value = '';
      index += 1;
      for (;;) {
        const end = content.indexOf('"', index);
        if (end < 0) throw new InputError('INVALID_FILE', `${name} line ${line}: unterminated quote`);
        value += content.slice(index, end);
        if (content[end + 1] === '"') {
          value += '"';
          index = end + 2;
          continue;
        }
        index = end + 1;
        break;
      }
      while (content[index] === ' ' || content[index] === '\t') index += 1;
      if (index < content.length && content[index] !== ',') {
        throw new InputError('INVALID_FILE', `${name} line ${line}: text after a closing quote`);
      }
      fields.push(value);
    } else {
      const end = content.indexOf(',', index);
      const raw = end < 0 ? content.slice(index) : content.slice(index, end);
      if (raw.includes('"')) {
        throw new InputError('INVALID_FILE', `${name} line ${line}: a quote inside an unquoted field`, {
          hint: 'quote the whole field and double the quotes inside it',
        });
      }
      fields.push(raw);
      index = end < 0 ? content.length : end;
    }
    if (index >= content.length) return fields;
    index += 1; // the comma
  }
}

function readJsonLine(content: string, line: number, name: string): AccountRow {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new InputError('INVALID_FILE', `${name} line ${line}: not a JSON object`, {
      hint: 'JSON lines: one object per line, e.g. {"key_file": "keys/a.key"}',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('INVALID_FILE', `${name} line ${line}: not a JSON object`);
  }
  const values: Partial<Record<Column, string>> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (!(COLUMNS as readonly string[]).includes(key)) {
      throw new InputError('INVALID_FILE', `${name} line ${line}: unknown field "${clip(key)}"`, {
        hint: 'fields are key_file, key_env or public_key, and optionally node',
      });
    }
    if (field === null) continue;
    if (typeof field !== 'string') {
      throw new InputError('INVALID_FILE', `${name} line ${line}: ${key} must be a string`);
    }
    values[key as Column] = field.trim();
  }
  return toRow(values, line, name);
}

function toRow(values: Partial<Record<Column, string>>, line: number, name: string): AccountRow {
  const keyFile = values.key_file ?? '';
  const keyEnv = values.key_env ?? '';
  const publicKey = values.public_key ?? '';
  const node = values.node ?? '';
  const given = [keyFile, keyEnv, publicKey].filter((value) => value !== '').length;
  if (given === 0) {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: none of key_file, key_env and public_key is given`,
    );
  }
  if (given > 1) {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: more than one of key_file, key_env and public_key is given`,
      { hint: 'name the account one way per row' },
    );
  }
  if (keyFile !== '' && looksLikeSecret(keyFile)) {
    // Not echoed: this is very likely the private key itself.
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: key_file holds what looks like a key, where a path to a key file was expected`,
      {
        hint: 'put the key in a file (mode 0600) and write its path, or use key_env; never keys in this file',
      },
    );
  }
  if (keyEnv !== '' && looksLikeSecret(keyEnv)) {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: key_env holds what looks like a key, where a variable name was expected`,
      { hint: 'the variable holds the key; the file holds only its name' },
    );
  }
  if (keyEnv !== '' && !ENV_NAME.test(keyEnv)) {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: key_env must be the name of an environment variable (letters, digits, _)`,
      { hint: 'the variable holds the key; the file holds only its name' },
    );
  }
  return {
    line,
    ...(keyFile === '' ? {} : { keyFile }),
    ...(keyEnv === '' ? {} : { keyEnv }),
    ...(publicKey === '' ? {} : { publicKey: parseRowPublicKey(publicKey, line, name) }),
    ...(node === '' ? {} : { node: parseNodeUrl(node, line, name) }),
  };
}

/**
 * 64 hex digits that are an account's public key (a curve point); the message never echoes the value (it may be a
 * private key pasted in the wrong column).
 */
function parseRowPublicKey(text: string, line: number, name: string): Uint8Array {
  try {
    return parseAccountPublicKey(text);
  } catch {
    throw new InputError(
      'INVALID_FILE',
      `${name} line ${line}: public_key is not an account public key (64 hex digits, a valid curve point)`,
    );
  }
}

function parseNodeUrl(text: string, line: number, name: string): string {
  if (httpUrlOf(text) === undefined) {
    throw new InputError('INVALID_FILE', `${name} line ${line}: node is not an http(s) URL`, {
      hint: 'e.g. http://127.0.0.1:3000',
    });
  }
  return text.replace(/\/+$/, '');
}

function checkDuplicates(rows: readonly AccountRow[], name: string): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key =
      row.publicKey !== undefined
        ? `public:${toHex(row.publicKey)}`
        : row.keyFile === undefined
          ? `env:${row.keyEnv!}`
          : `file:${row.keyFile}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      throw new InputError(
        'INVALID_FILE',
        `${name} line ${row.line}: the same account as line ${earlier} (${describeRow(row)})`,
        { hint: 'each account once per file' },
      );
    }
    first.set(key, row.line);
  }
}

/** How a duplicate row is named: a path or a variable name, never a key. */
function describeRow(row: AccountRow): string {
  if (row.publicKey !== undefined) return 'the same public_key'; // not echoed: it may be a misplaced private key
  return row.keyFile === undefined ? `key_env ${row.keyEnv!}` : `key_file ${row.keyFile}`;
}

/** A column or field name for a message: short, and only when it cannot be a key. */
function clip(text: string): string {
  if (looksLikeSecret(text)) return '(hidden)';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
