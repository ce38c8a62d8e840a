/**
 * Light start-up (docs/ARCHITECTURE.md): `harvest --help`, `--version` and `decrypt-check` must never load
 * symbol-sdk, and help loads only the light command definitions (src/cli/commandTable.ts loads a command's
 * implementation when it runs). The built CLI is spawned with a preloaded loader hook that records every module URL Node loads
 * (test/fixtures/startup), so the check sees the real import graph, dynamic imports included. The CLI runs from
 * the bundle in dist/app (scripts/bundle.js): each chunk it loads is expanded to the source files esbuild put in
 * it (dist/app/meta.json), so the checks still name files such as dist/cli/main.js. CommonJS files (bin/harvest.js,
 * dist/app/decryptCheck.cjs) are recorded by the same preload, from require().
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { encodeEd25519Pem } from '../../src/core/pem.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'harvest.js');
const RECORDER = join(ROOT, 'test', 'fixtures', 'startup', 'registerModuleRecorder.mjs');
const folder = mkdtempSync(join(tmpdir(), 'harvest-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const fixed = (byte: number) => (length: number) => new Uint8Array(length).fill(byte);
const nodePrivateKey = fixed(0x11)(32);
const nodeKey = join(folder, 'node.key.pem');
writeFileSync(nodeKey, encodeEd25519Pem(nodePrivateKey), { mode: 0o600 });
const message = encodeDelegationMessage(
  derivePublicKey(nodePrivateKey),
  { remotePrivateKey: fixed(0x22)(32), vrfPrivateKey: fixed(0x33)(32) },
  fixed(0x44),
);
const harvesters = join(folder, 'harvesters.dat');
writeFileSync(harvesters, concatBytes(message.subarray(8), message.subarray(8)));

let runs = 0;

/** Runs `node --import <recorder> <args>` and returns its exit code and the module URLs it loaded. */
function loadedModules(args: readonly string[]): {
  exitCode: number | null;
  modules: string[];
  stderr: string;
} {
  const log = join(folder, `modules-${runs++}.txt`);
  const run = spawnSync(process.execPath, ['--import', RECORDER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', CI: 'true', HARVEST_MODULE_LOG: log },
    timeout: 20_000,
  });
  const loaded = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { exitCode: run.status, modules: loaded.flatMap(expandChunk), stderr: run.stderr };
}

/** The bundle's map of chunks to the files in them, as scripts/bundle.js wrote it. */
const bundleInputs = (): Record<string, { inputs: Record<string, unknown> }> =>
  (
    JSON.parse(readFileSync(join(ROOT, 'dist', 'app', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    }
  ).outputs;

/** A loaded chunk of dist/app as the URLs of the files bundled into it; any other URL as it is. */
function expandChunk(url: string): string[] {
  const appFolder = `file://${join(ROOT, 'dist', 'app')}/`;
  if (!url.startsWith(appFolder)) return [url];
  const chunk = bundleInputs()[`dist/app/${url.slice(appFolder.length)}`];
  return [url, ...Object.keys(chunk?.inputs ?? {}).map((input) => `file://${join(ROOT, input)}`)];
}

const fromPackage = (modules: readonly string[], name: string) =>
  modules.filter((url) => url.includes(`/node_modules/${name}/`));

describe('light start-up (spawned dist/, module loads recorded by a loader hook)', () => {
  it('the recorder sees symbol-sdk when it is loaded (control)', () => {
    const run = loadedModules(['--input-type=module', '-e', "await import('symbol-sdk')"]);
    expect(run.exitCode).toBe(0);
    expect(fromPackage(run.modules, 'symbol-sdk').length).toBeGreaterThan(10);
  });

  it.each([
    ['harvest --help (program)', ['--no-color', '--help']],
    ['harvest decrypt-check --help (program)', ['decrypt-check', '--no-color', '--help']],
    ['harvest status --help (program)', ['status', '--no-color', '--help']],
    ['harvest delegate --help (program)', ['delegate', '--no-color', '--help']],
    [
      'harvest decrypt-check --message',
      ['decrypt-check', '--json', '--node-key', nodeKey, '--message', toHex(message)],
    ],
    [
      'harvest decrypt-check --harvesters',
      ['decrypt-check', '--json', '--node-key', nodeKey, '--harvesters', harvesters],
    ],
  ])('%s never loads symbol-sdk', (_label, args) => {
    const bin = existsSync(join(ROOT, 'dist', 'app', 'meta.json'));
    expect(bin, 'dist/ is missing: run `npm run build` (npm test does it first)').toBe(true);
    const run = loadedModules([BIN, ...args]);
    expect(run.exitCode, run.stderr).toBe(0);
    // the program, or for a plain decrypt-check command line its direct entry (src/cli/directDecryptCheck.ts)
    const entry = args[0] === 'decrypt-check' && !args.includes('--help') ? 'directDecryptCheck' : 'main';
    expect(run.modules.some((url) => url.endsWith(`/dist/cli/${entry}.js`))).toBe(true);
    expect(fromPackage(run.modules, 'symbol-sdk')).toEqual([]);
  });

  it.each([
    ['--message', ['--message', toHex(message)]],
    ['--harvesters', ['--harvesters', harvesters]],
  ])(
    'harvest decrypt-check %s runs from dist/app/decryptCheck.cjs: no ES module, no commander, no command table',
    (_label, input) => {
      const run = loadedModules([BIN, 'decrypt-check', '--json', '--node-key', nodeKey, ...input]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.modules).toContain(`file://${join(ROOT, 'dist', 'app', 'decryptCheck.cjs')}`);
      expect(run.modules.filter((url) => url.endsWith('.js') && url.includes('/dist/app/'))).toEqual([]);
      expect(fromPackage(run.modules, 'commander')).toEqual([]);
      expect(
        run.modules.filter((url) =>
          /\/dist\/(cli\/(main|program|commandTable)|commands\/definitions\/status)\.js$/.test(url),
        ),
      ).toEqual([]);
    },
  );

  it('harvest decrypt-check with a command line it does not read plainly goes to the program (commander)', () => {
    const run = loadedModules([BIN, 'decrypt-check', '--json', '--frob']);
    expect(run.exitCode).toBe(2);
    expect(run.modules.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(fromPackage(run.modules, 'commander').length).toBeGreaterThan(0);
  });

  it.each([
    ['harvest --help (program)', ['--no-color', '--help']],
    ['harvest status --help (program)', ['status', '--no-color', '--help']],
  ])(
    '%s loads only the command definitions: no command implementation, flow, node client or devnet',
    (_label, args) => {
      const run = loadedModules([BIN, ...args]);
      expect(run.exitCode).toBe(0);
      expect(run.modules.some((url) => url.includes('/dist/commands/definitions/status.js'))).toBe(true);
      const heavy = run.modules.filter(
        (url) =>
          /\/dist\/(flows|node|devnet|core\/crypto)\//.test(url) ||
          /\/dist\/commands\/[^/]+\.js$/.test(url) ||
          /\/node_modules\/(@noble|@inquirer|symbol-sdk)\//.test(url),
      );
      expect(heavy).toEqual([]);
    },
  );

  it.each([
    ['harvest --help', ['--help']],
    ['harvest status --help', ['status', '--help']],
    ['harvest help delegate', ['help', 'delegate']],
  ])(
    '%s is answered by bin/harvest.js from the prebuilt help, without loading the program',
    (_label, args) => {
      const run = loadedModules([BIN, ...args]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.modules.filter((url) => url.includes('/dist/'))).toEqual([]);
    },
  );

  it("harvest --version alone is answered by bin/harvest.js without loading the program, with commander's line", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    for (const flag of ['--version', '-V']) {
      const run = loadedModules([BIN, flag]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.modules.filter((url) => url.includes('/dist/'))).toEqual([]);
    }
    // the program's own answer (another flag beside it goes through commander) is the same line
    const fast = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    const full = spawnSync(process.execPath, [BIN, '--version', '--no-color'], { encoding: 'utf8' });
    expect(fast.stdout).toBe(`${version}\n`);
    expect(full.stdout).toBe(fast.stdout);
  });

  it('harvest --help without a terminal loads neither chalk (no colour to draw) nor node:crypto', () => {
    const run = loadedModules([BIN, '--no-color', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.modules.some((url) => url.includes('/dist/cli/main.js'))).toBe(true);
    expect(fromPackage(run.modules, 'chalk')).toEqual([]);
    expect(run.modules.filter((url) => url === 'node:crypto')).toEqual([]);
  });

  it('harvest --help loads none of the delegation crypto (dist/core/crypto)', () => {
    const run = loadedModules([BIN, '--no-color', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.modules.filter((url) => url.includes('/dist/core/crypto/'))).toEqual([]);
  });
});
