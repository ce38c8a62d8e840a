import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real entry point, as users run it. */
export const BIN = fileURLToPath(new URL('../../bin/harvest.js', import.meta.url));
const DIST_MAIN = fileURLToPath(new URL('../../dist/app/main.js', import.meta.url));

/** What a spawned `harvest` produced. */
export interface SpawnedRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of spawnCli. */
export interface SpawnOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/**
 * Runs `node bin/harvest.js …` as a child process (needs `npm run build`, which `npm test` does first), with no TTY
 * and a minimal environment, and resolves when it exits (killed after `timeoutMs`).
 */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<SpawnedRun> {
  if (!existsSync(DIST_MAIN))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', CI: 'true', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
