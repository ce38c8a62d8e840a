import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../scripts/demo.js', import.meta.url));

describe('npm run demo (scripts/demo.js, after the build)', () => {
  it('runs devnet → delegate → status without a terminal and ends ACTIVE, exit 0', async () => {
    const child = spawn(process.execPath, [DEMO], {
      env: { PATH: process.env['PATH'] ?? '', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(output).toContain('=== done: the account is ACTIVE');
    expect(exitCode).toBe(0);
  }, 70_000);
});
