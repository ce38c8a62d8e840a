import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createOutput, toJson } from '../../src/ui/output.js';
import { loadStyle, plainStyle } from '../../src/ui/style.js';
import { testIo } from '../helpers/testIo.js';

describe('output', () => {
  it('writes bigint as decimal strings and bytes as upper-case hex in JSON', () => {
    expect(toJson({ amount: 10_000_000_000n, key: Uint8Array.of(0xab, 0x01), gone: undefined })).toBe(
      '{"amount":"10000000000","key":"AB01"}',
    );
  });

  it('writes exactly one JSON document with --json, and errors as {"error":…} on stdout', () => {
    const io = testIo();
    const output = createOutput(io, { json: true, verbose: false, style: plainStyle });
    output.error(new InputError('INVALID_KEY', 'bad key', { hint: 'check it' }));
    expect(JSON.parse(io.stdoutText())).toEqual({
      error: { code: 'INVALID_KEY', message: 'bad key', hint: 'check it' },
    });
    expect(io.stdoutText().trim().split('\n')).toHaveLength(1);
  });

  it('shows progress on stderr only when it is a terminal, and never on stdout (with --json too)', async () => {
    const pipe = testIo();
    createOutput(pipe, { json: true, verbose: false, style: plainStyle }).progress('waiting');
    expect(pipe.stderrText()).toBe('');
    const terminal = testIo({ tty: true });
    createOutput(terminal, { json: true, verbose: false, style: await loadStyle(true) }).progress('waiting');
    expect(terminal.stderrText()).toContain('waiting');
    expect(terminal.stdoutText()).toBe('');
  });

  it('colours only when asked to', async () => {
    const plain = testIo();
    createOutput(plain, { json: false, verbose: false, style: plainStyle }).error(
      new InputError('INVALID_INPUT', 'x'),
    );
    expect(plain.stderrText()).toBe('error: x\n');
    const coloured = testIo();
    createOutput(coloured, { json: false, verbose: false, style: await loadStyle(true) }).error(
      new InputError('INVALID_INPUT', 'x'),
    );
    expect(coloured.stderrText()).toContain('\x1b[31m');
  });
});
