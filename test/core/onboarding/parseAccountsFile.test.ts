import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { parseAccountsFile } from '../../../src/core/onboarding/parseAccountsFile.js';
import { toHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';

// a real account public key (a curve point), as public_key must be
const KEY = toHex(derivePublicKey(new Uint8Array(32).fill(0xa1)));

function failure(text: string): InputError {
  try {
    parseAccountsFile(text, 'accounts.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected a failure');
}

describe('parseAccountsFile', () => {
  it('reads CSV with a header, quoted fields, comments, blank lines and CRLF', () => {
    const text = [
      '\uFEFF# accounts of the pool',
      'key_file,node',
      'keys/a.key,http://n1:3000/',
      '',
      '"keys/with,comma.key" , ',
      '  # indented comment',
      '"keys/say ""hi"".key",https://n2:3001',
    ].join('\r\n');
    expect(parseAccountsFile(text)).toEqual([
      { line: 3, keyFile: 'keys/a.key', node: 'http://n1:3000' },
      { line: 5, keyFile: 'keys/with,comma.key' },
      { line: 7, keyFile: 'keys/say "hi".key', node: 'https://n2:3001' },
    ]);
  });

  it('reads both key columns, one per row, in any order and case', () => {
    expect(parseAccountsFile('NODE,Key_Env,key_file\n,ACCOUNT_1,\nhttp://n:3000,,b.pem\n')).toEqual([
      { line: 2, keyEnv: 'ACCOUNT_1' },
      { line: 3, keyFile: 'b.pem', node: 'http://n:3000' },
    ]);
  });

  it('reads public_key rows (for onboard --prepare), in CSV and JSON lines', () => {
    const bytes = derivePublicKey(new Uint8Array(32).fill(0xa1));
    expect(parseAccountsFile(`public_key\n${KEY}\n`)).toEqual([{ line: 2, publicKey: bytes }]);
    expect(parseAccountsFile(`{"public_key": "${KEY}"}\n`)).toEqual([{ line: 1, publicKey: bytes }]);
  });

  it('never echoes a public_key that is not one (it may be a private key in the wrong column)', () => {
    const notAKey = `${'C3'.repeat(31)}ZZ`;
    expect(failure(`public_key\n${notAKey}\n`).message).not.toContain(notAKey);
    expect(failure(`public_key\n${KEY}\n${KEY}\n`).message).not.toContain(KEY);
  });

  it('reads JSON lines, detected by a leading {', () => {
    const text =
      '# json\n{"key_file": "a.key", "node": "http://n1:3000"}\n\n{"key_env": "B", "node": null}\n';
    expect(parseAccountsFile(text)).toEqual([
      { line: 2, keyFile: 'a.key', node: 'http://n1:3000' },
      { line: 4, keyEnv: 'B' },
    ]);
  });

  it.each([
    ['an empty file', '\n# nothing\n\n', /holds no accounts/],
    ['a header only', 'key_file\n', /header but no accounts/],
    ['an unknown column', 'key_file,keyfile\na,b\n', /line 1: unknown column "keyfile"/],
    ['a repeated column', 'key_file,key_file\na,b\n', /line 1: column key_file appears twice/],
    [
      'no key column',
      'node\nhttp://n:3000\n',
      /line 1: the header has no key_file, key_env or public_key column/,
    ],
    ['a missing field', 'key_file,node\na.key\n', /line 2: 1 field\(s\), the header has 2/],
    ['an extra field', 'key_file\na.key,b\n', /line 2: 2 field\(s\), the header has 1/],
    ['an unterminated quote', 'key_file\n"a.key\n', /line 2: unterminated quote/],
    ['text after a quote', 'key_file\n"a.key"x\n', /line 2: text after a closing quote/],
    ['a stray quote', 'key_file\na"b.key\n', /line 2: a quote inside an unquoted field/],
    ['both key columns empty', 'key_file,key_env\n,\n', /line 2: none of key_file, key_env and public_key/],
    [
      'both key columns given',
      'key_file,key_env\na.key,B\n',
      /line 2: more than one of key_file, key_env and public_key/,
    ],
    [
      'a bad key_env name',
      'key_env\nMY-KEY\n',
      /line 2: key_env must be the name of an environment variable/,
    ],
    ['a key column and public_key', `key_file,public_key\na.key,${KEY}\n`, /line 2: more than one of/],
    [
      'a public_key not 64 hex digits',
      'public_key\nA1B2\n',
      /line 2: public_key is not an account public key/,
    ],
    [
      'a repeated public_key',
      `public_key\n${KEY}\n${KEY.toLowerCase()}\n`,
      /line 3: the same account as line 2/,
    ],
    ['a bad node URL', 'key_file,node\na.key,ftp://n\n', /line 2: node is not an http\(s\) URL/],
    ['a repeated key_file', 'key_file\na.key\n# x\na.key\n', /line 4: the same account as line 2/],
    ['a repeated key_env', '{"key_env":"A"}\n{"key_env":"A"}\n', /line 2: the same account as line 1/],
    ['a JSON line that is not JSON', '{"key_file": "a.key"}\n{oops\n', /line 2: not a JSON object/],
    ['a JSON array line', '{"key_file": "a.key"}\n[1]\n', /line 2: not a JSON object/],
    ['an unknown JSON field', '{"keyfile": "a.key"}\n', /line 1: unknown field "keyfile"/],
    ['a JSON number', '{"key_file": 5}\n', /line 1: key_file must be a string/],
  ])('refuses %s with INVALID_FILE and the line', (_label, text, message) => {
    const error = failure(text);
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['CSV', `key_file\n${KEY}\n`, 2],
    ['CSV with 0x', `key_file,node\n0x${KEY},\n`, 2],
    ['JSON lines', `{"key_file": "${KEY}"}\n`, 1],
    ['a PEM', 'key_file\n"-----BEGIN PRIVATE KEY-----"\n', 2],
  ])('refuses a key where a path is expected (%s) without echoing it', (_label, text, line) => {
    const error = failure(text);
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toContain(`line ${line}: key_file holds what looks like a key`);
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain(KEY);
  });

  it('never echoes a key pasted as key_env or as a column name', () => {
    for (const text of [`key_env\n${KEY}\n`, `key_file,${KEY}\na,b\n`, `{"${KEY}": "a"}\n`]) {
      const error = failure(text);
      expect(`${error.message} ${error.hint ?? ''}`).not.toContain(KEY);
    }
  });
});
