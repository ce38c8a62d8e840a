import { describe, expect, it } from 'vitest';
import { InputError, NodeError } from '../../src/core/errors.js';
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

  it('an error with an open journal entry: the hint says a re-run resumes it; JSON adds `journal`', () => {
    const hash = 'AB'.repeat(32);
    const error = new NodeError('NODE_UNAVAILABLE', 'no connection', { hint: 'check the node' });
    error.withOpenJournal({ hash, keystore: '/h/keystore/T.json' });
    error.withOpenJournal({ hash: 'CD'.repeat(32), keystore: '/other.json' }); // the first one wins
    const json = testIo();
    createOutput(json, { json: true, verbose: false, style: plainStyle }).error(error);
    const resume = `the signed transaction ${hash} is journalled in /h/keystore/T.json: run the same command again to resume it (it is not signed or paid twice)`;
    expect(JSON.parse(json.stdoutText())).toEqual({
      error: {
        code: 'NODE_UNAVAILABLE',
        message: 'no connection',
        hint: `check the node; ${resume}`,
        journal: { hash, keystore: '/h/keystore/T.json' },
      },
    });
    const human = testIo();
    createOutput(human, { json: false, verbose: false, style: plainStyle }).error(error);
    expect(human.stderrText()).toBe(`error: no connection\nhint: check the node; ${resume}\n`);
  });

  it('plain progress: `harvest: …` lines, a repeated text once, no cursor control; none: nothing', () => {
    const plain = testIo();
    const output = createOutput(plain, { json: true, verbose: false, style: plainStyle, progress: 'plain' });
    output.progress('a');
    output.progress('a');
    output.progress('b');
    output.result({ ok: true }, () => '');
    expect(plain.stderrText()).toBe('harvest: a\nharvest: b\n');
    expect(JSON.parse(plain.stdoutText())).toEqual({ ok: true });
    const none = testIo({ tty: true });
    createOutput(none, { json: false, verbose: false, style: plainStyle, progress: 'none' }).progress('a');
    expect(none.stderrText()).toBe('');
  });
});
