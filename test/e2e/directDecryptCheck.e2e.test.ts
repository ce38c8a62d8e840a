/**
 * The built binary runs a plain `harvest decrypt-check` command line from dist/app/decryptCheck.cjs (CommonJS, no
 * commander: src/cli/directDecryptCheck.ts). Spawned, it must print what the bundled program (dist/app/main.js, an
 * ES module) prints for the same command line, and exit alike: results, refusals, a key on stdin, and a harvesters
 * file large enough to be opened on worker threads (whose file the CommonJS bundle finds beside itself). The bundle
 * is compiled with the V8 code cache the build made for it (bin/codeCache.js): V8 must take it, and a cache made for
 * other source must not be used.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { encodeEd25519Pem } from '../../src/core/pem.js';
import { BIN } from '../helpers/spawnCli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'harvest-direct-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const fixed = (byte: number) => (length: number) => new Uint8Array(length).fill(byte);
const nodePrivateKey = fixed(0x11)(32);
const pem = join(folder, 'node.key.pem');
writeFileSync(pem, encodeEd25519Pem(nodePrivateKey), { mode: 0o600 });
const badKey = join(folder, 'bad.key');
writeFileSync(badKey, 'not a key');
const message = encodeDelegationMessage(
  derivePublicKey(nodePrivateKey),
  { remotePrivateKey: fixed(0x22)(32), vrfPrivateKey: fixed(0x33)(32) },
  fixed(0x44),
);
const MESSAGE = toHex(message);
// more records than src/flows/decrypt/openRecordsAsFound.ts opens in the main thread (PARALLEL_THRESHOLD, 1,024)
const manyRecords = join(folder, 'harvesters.dat');
writeFileSync(manyRecords, concatBytes(...Array.from({ length: 2100 }, () => message.subarray(8))));

/** The bundled program itself, as bin/harvest.js ran it before the direct entry existed (a file: workers inherit
 * the process's flags, which `--input-type` would break). */
const PROGRAM = join(folder, 'program.mjs');
writeFileSync(
  PROGRAM,
  `const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'app', 'main.js'))});
process.exitCode = await main(process.argv.slice(2));`,
);

/** Preloaded into every thread of the spawned process: a worker thread says so on standard error. */
const REPORT_WORKERS = `data:text/javascript;base64,${Buffer.from(
  'import { isMainThread } from "node:worker_threads"; if (!isMainThread) process.stderr.write("in a worker thread\\n");',
).toString('base64')}`;

function spawnBoth(argv: readonly string[], stdin = '') {
  const options = {
    cwd: folder,
    encoding: 'utf8' as const,
    input: stdin,
    env: { PATH: process.env['PATH'] ?? '', CI: 'true' },
    timeout: 60_000,
  };
  const direct = spawnSync(process.execPath, [BIN, 'decrypt-check', ...argv], options);
  const program = spawnSync(process.execPath, [PROGRAM, 'decrypt-check', ...argv], options);
  return { direct, program };
}

describe('harvest decrypt-check: the direct entry of the binary and the bundled program alike (spawned)', () => {
  it.each<[string, string[], string?]>([
    ['--message --json', ['--node-key', pem, '--message', MESSAGE, '--json']],
    ['--message, human', ['--node-key', pem, '--message', MESSAGE, '--no-color']],
    ['--show-secrets', ['--node-key=node.key.pem', `--message=${MESSAGE}`, '--json', '--show-secrets']],
    ['the key on stdin', ['--node-key', '-', '--message', MESSAGE, '--json'], toHex(nodePrivateKey)],
    ['2,100 records on workers', ['--node-key', pem, '--harvesters', manyRecords, '--json']],
    ['a bad key', ['--node-key', badKey, '--message', MESSAGE, '--json']],
    ['a bad message, human', ['--node-key', pem, '--message', 'zz']],
    ['no input', ['--node-key', pem, '--json']],
    ['an unknown network', ['--node-key', pem, '--message', MESSAGE, '--network', 'moonnet']],
  ])('%s', (_label, argv, stdin) => {
    const { direct, program } = spawnBoth(argv, stdin);
    expect(direct.stdout + direct.stderr).not.toBe('');
    // compared as a whole, not printed in full when they differ: the large file's document is 800 kB
    expect(direct.stdout === program.stdout, direct.stdout.slice(0, 2000)).toBe(true);
    expect(direct.stderr).toBe(program.stderr);
    expect(direct.status).toBe(program.status);
  });

  it('opens every record of the large file on worker threads, one per core (the worker path ran)', () => {
    const direct = spawnSync(
      process.execPath,
      [BIN, 'decrypt-check', '--node-key', pem, '--harvesters', manyRecords, '--json'],
      {
        cwd: folder,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', CI: 'true', NODE_OPTIONS: `--import=${REPORT_WORKERS}` },
        timeout: 60_000,
      },
    );
    expect(direct.status, direct.stderr).toBe(0);
    const cores = Math.min(availableParallelism(), 8);
    expect(direct.stderr.match(/in a worker thread/g)?.length ?? 0).toBe(cores >= 2 ? cores : 0);
    const requests = (JSON.parse(direct.stdout) as { requests: { ok: boolean }[] }).requests;
    expect(requests.length).toBe(2100);
    expect(requests.every((request) => request.ok)).toBe(true);
  });
});

describe('the code cache of dist/app/decryptCheck.cjs (bin/codeCache.js)', () => {
  const { cacheAccepted } = createRequire(import.meta.url)('../../bin/codeCache.js') as {
    cacheAccepted: (file: string, cacheFile: string) => boolean;
  };
  const bundle = join(ROOT, 'dist', 'app', 'decryptCheck.cjs');
  const cache = join(ROOT, 'dist', 'app', 'decryptCheck.cache');

  it('is taken by V8 for the bundle it was made for', () => {
    expect(cacheAccepted(bundle, cache)).toBe(true);
  });

  it('is not used for another source, even of the same length (V8 checks only the length)', () => {
    const source = readFileSync(bundle, 'utf8');
    const other = join(folder, 'other.cjs');
    writeFileSync(other, source.replace('decrypt-check', 'decrypt-chekc'));
    expect(readFileSync(other, 'utf8').length).toBe(source.length);
    expect(cacheAccepted(other, cache)).toBe(false);
  });
});
