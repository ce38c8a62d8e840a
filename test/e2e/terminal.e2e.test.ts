import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { BIN } from '../helpers/spawnCli.js';

// terminal control sequences (colours, cursor moves) stripped from what the screen showed
const ANSI_ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[a-zA-Z]`, 'g');
let devnet: Devnet;
let home: string;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.3 });
  home = mkdtempSync(join(tmpdir(), 'harvest-tty-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
});

/** One step of a terminal conversation: when `waitFor` has appeared on the screen, type `send`. */
interface Step {
  readonly waitFor: string;
  readonly send: string;
}

/**
 * Runs `harvest …` on a real pseudo-terminal (util-linux `script`, part of every Debian base system), typing the
 * answers as a person would once each question is on screen. Resolves with the exit code and what the screen showed.
 */
function onTerminal(
  args: readonly string[],
  steps: readonly Step[],
): Promise<{ exitCode: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm', HOME: home },
  });
  let screen = '';
  let next = 0;
  let seenUpTo = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
    const step = steps[next];
    if (step !== undefined && screen.indexOf(step.waitFor, seenUpTo) >= 0) {
      seenUpTo = screen.length;
      next += 1;
      setTimeout(() => child.stdin.write(step.send), 100);
    }
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, screen: screen.replace(ANSI_ESCAPES, '') });
    });
  });
}

describe('bin/harvest on a real terminal (inquirer prompts on a pty)', () => {
  it('asks for the missing account address, then answers', async () => {
    const account = devnet.descriptor.accounts[0]!;
    const run = await onTerminal(
      ['status', '--node', devnet.url],
      [{ waitFor: 'address', send: `${account.address}\r` }],
    );
    expect(run.exitCode).toBe(0);
    expect(run.screen).toContain('INACTIVE');
  });

  it('masks the key and the password, shows the plan, and Ctrl+C at "Go ahead?" cancels with 130 leaving nothing', async () => {
    const account = devnet.descriptor.accounts[1]!;
    const key = readFileSync(account.keyFile, 'utf8').trim();
    const run = await onTerminal(
      ['delegate', '--node', devnet.url, '--home', home],
      [
        { waitFor: 'main account key', send: `${key}\r` },
        { waitFor: 'keystore password', send: 'hunter2\r' },
        { waitFor: 'same password again', send: 'hunter2\r' },
        { waitFor: 'Go ahead?', send: '\x03' },
      ],
    );
    expect(run.exitCode).toBe(130);
    expect(run.screen).toContain('link remote key');
    expect(run.screen.toUpperCase()).not.toContain(key.toUpperCase());
    expect(run.screen).not.toContain('hunter2');
    expect(existsSync(join(home, 'keystore', `${account.address}.json`))).toBe(false);
  });
});
