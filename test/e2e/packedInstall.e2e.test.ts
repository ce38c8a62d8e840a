/**
 * What `npm pack` ships installs and runs (README, "Install from a tarball"): a copy of the sources with no dist/ (a
 * clean clone) is packed, so `prepack` must build; the two tarballs (harvest and the optional devnet package) are
 * installed into a temporary prefix; the installed `harvest --version` and `harvest devnet --json` run from there.
 * The copy keeps the repository's dist/ untouched while other test files use it (its node_modules is a link).
 * Slow by nature (a build and an install from the npm cache): about 60 s on an idle 2-core machine, 2 min when loaded.
 */
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
/** What a clean clone holds that packing needs (tests, benchmarks and build output left out). */
const SOURCES = [
  'package.json',
  'README.md',
  'tsconfig.base.json',
  'tsconfig.build.json',
  'bin',
  'scripts',
  'src',
  'docs',
];
const DEVNET_SOURCES = ['package.json', 'README.md', 'tsconfig.json', 'src'];

/** The environment of the npm children: without the npm_* variables of a parent `npm test` (its package, its prefix). */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('npm_') || ['npm_config_cache', 'npm_config_registry'].includes(name),
    ),
  );
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', [...args], {
    cwd,
    env: npmEnv(),
    timeout: 180_000,
    maxBuffer: 1 << 24,
  });
  return stdout;
}

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball]);
  return stdout
    .trim()
    .split('\n')
    .map((entry) => entry.replace(/^package\//, ''));
}

/** Starts `harvest devnet --json`, reads its ready line, stops it with SIGTERM. */
function readyLine(bin: string, cwd: string): Promise<{ line: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['devnet', '--json', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line within 30 s: ${stderr}`));
    }, 30_000);
    let stdout = '';
    let stderr = '';
    let line: string | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (line === undefined && stdout.includes('\n')) {
        line = stdout.slice(0, stdout.indexOf('\n'));
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      if (line === undefined)
        reject(new Error(`devnet exited (${exitCode}) without a ready line: ${stderr}`));
      else resolve({ line, exitCode });
    });
  });
}

describe('the packed package', () => {
  it('builds on pack from a clean clone, installs from its tarballs and runs harvest and harvest devnet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harvest-pack-'));
    try {
      const clone = join(dir, 'clone');
      for (const name of SOURCES) cpSync(join(ROOT, name), join(clone, name), { recursive: true });
      for (const name of DEVNET_SOURCES) {
        cpSync(join(ROOT, 'packages', 'devnet', name), join(clone, 'packages', 'devnet', name), {
          recursive: true,
        });
      }
      symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
      expect(existsSync(join(clone, 'dist'))).toBe(false);
      expect(existsSync(join(clone, 'packages', 'devnet', 'dist'))).toBe(false);

      const tarballs = join(dir, 'tarballs');
      mkdirSync(tarballs);
      await npm(['pack', '--pack-destination', tarballs], clone);
      // the root's prepack has just built the devnet workspace too: its own prepack (the same build) is skipped to
      // spare the shared machine a third compilation
      expect(existsSync(join(clone, 'packages', 'devnet', 'dist', 'index.js'))).toBe(true);
      await npm(
        ['pack', '-w', '@symbol-harvest/devnet', '--ignore-scripts', '--pack-destination', tarballs],
        clone,
      );
      const names = readdirSync(tarballs).sort();
      expect(names).toEqual(['symbol-harvest-0.1.0.tgz', 'symbol-harvest-devnet-0.1.0.tgz']);

      const files = await tarballFiles(join(tarballs, names[0]!));
      expect(files).toEqual(
        expect.arrayContaining([
          'package.json',
          'README.md',
          'bin/harvest.js',
          'bin/codeCache.js',
          'dist/app/decryptCheck.cjs',
          'dist/app/decryptCheck.cache',
          'dist/index.js',
          'dist/index.d.ts',
          'dist/cli/main.js',
          'docs/cli.md',
        ]),
      );
      expect(files.filter((file) => /^(src|test|bench|scripts|packages|node_modules)\//.test(file))).toEqual(
        [],
      );
      const devnetFiles = await tarballFiles(join(tarballs, names[1]!));
      expect(devnetFiles).toEqual(
        expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']),
      );
      expect(devnetFiles.filter((file) => file.startsWith('src/'))).toEqual([]);

      const prefix = join(dir, 'prefix');
      await npm(
        [
          'install',
          '--prefix',
          prefix,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--no-save',
          ...names.map((name) => join(tarballs, name)),
        ],
        dir,
      );
      const harvest = join(prefix, 'node_modules', '.bin', 'harvest');
      const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
        .version;
      expect((await run(harvest, ['--version'], { cwd: dir, timeout: 30_000 })).stdout.trim()).toBe(version);

      const { line, exitCode } = await readyLine(harvest, dir);
      const descriptor = JSON.parse(line) as { url: string; networkIdentifier: number; accounts: unknown[] };
      expect(descriptor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(descriptor.networkIdentifier).toBe(152);
      expect(descriptor.accounts.length).toBeGreaterThan(0);
      expect(exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
