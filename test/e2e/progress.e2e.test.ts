/**
 * Issue 13 points 5 and 7, end to end: bin/harvest and `harvest devnet` both spawned, HTTP on 127.0.0.1, no TTY.
 *
 * - `--progress plain` writes `harvest: …` lines on stderr while a delegation waits (CI logs show life); stdout keeps
 *   its one JSON document; without the flag (and without --verbose) nothing is written as progress.
 * - the devnet killed after the announce, during the confirmation wait: exit 3, and the error says that the signed
 *   transaction is journalled and that a re-run resumes it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../helpers/spawnCli.js';

interface Descriptor {
  url: string;
  accounts: { address: string; keyFile: string }[];
}

const env = { HARVEST_PASSWORD: 'e2e password' };
const children: ChildProcess[] = [];
let home: string;

/** Starts `harvest devnet --json` with `blockTime` seconds between blocks and reads its descriptor line. */
function startDevnetProcess(blockTime: string): Promise<{ child: ChildProcess; descriptor: Descriptor }> {
  const child = spawn(process.execPath, [BIN, 'devnet', '--json', '--port', '0', '--block-time', blockTime], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('devnet did not start')), 15_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, descriptor: JSON.parse(line) as Descriptor });
    });
  });
}

function stopped(child: ChildProcess): Promise<unknown> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
}

function delegateArgs(descriptor: Descriptor, account: number, ...extra: string[]): string[] {
  const { keyFile } = descriptor.accounts[account]!;
  return ['delegate', '--json', '--node', descriptor.url, '--key-file', keyFile, '--yes', ...extra];
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'harvest-e2e-progress-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map(stopped));
  rmSync(home, { recursive: true, force: true });
});

describe('--progress without a terminal (bin/harvest delegate against `harvest devnet`)', () => {
  let descriptor: Descriptor;
  beforeAll(async () => {
    ({ descriptor } = await startDevnetProcess('0.3'));
  });

  it('--progress plain: progress lines on stderr, stdout one JSON document', async () => {
    const run = await spawnCli(delegateArgs(descriptor, 0, '--progress', 'plain', '--home', home), { env });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: 'ACTIVE', announced: true });
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('harvest: '));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    // a busy machine may see the block before the first poll: 'announcing' is the one line always written
    expect(lines).toContain('harvest: announcing');
    expect(run.stderr).not.toContain('\x1b'); // no colour, no cursor control
  });

  it('no flag: no progress lines; --verbose alone: plain lines', async () => {
    const quiet = await spawnCli(delegateArgs(descriptor, 1, '--home', home), { env });
    expect(quiet.exitCode).toBe(0);
    expect(JSON.parse(quiet.stdout)).toMatchObject({ state: 'ACTIVE' });
    expect(quiet.stderr).not.toMatch(/^harvest: /m);
    expect(quiet.stderr).not.toContain('waiting for');

    const verbose = await spawnCli(delegateArgs(descriptor, 2, '--verbose', '--home', home), { env });
    expect(verbose.exitCode).toBe(0);
    expect(JSON.parse(verbose.stdout)).toMatchObject({ state: 'ACTIVE' });
    expect(verbose.stderr).toMatch(/^harvest: announcing$/m);
  });

  it('--progress none with --verbose: nothing; a garbage mode: exit 2 INVALID_INPUT', async () => {
    const none = await spawnCli(
      delegateArgs(descriptor, 3, '--verbose', '--progress', 'none', '--home', home),
      { env },
    );
    expect(none.exitCode).toBe(0);
    expect(none.stderr).not.toMatch(/^harvest: /m);

    const garbage = await spawnCli(delegateArgs(descriptor, 4, '--progress', 'loud', '--home', home), {
      env,
    });
    expect(garbage.exitCode).toBe(2);
    expect(JSON.parse(garbage.stdout).error.code).toBe('INVALID_INPUT');
    expect(garbage.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the node killed mid-delegate (after the announce)', () => {
  it('exit 3, and the error names the journalled transaction and says a re-run resumes it', async () => {
    // no blocks: the transaction stays unconfirmed until the node is killed
    const { child: devnet, descriptor } = await startDevnetProcess('0');
    const killedHome = join(home, 'killed');
    const run = await new Promise<{ exitCode: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const cli = spawn(
          process.execPath,
          // the wait takes failed polls for "not known yet" until its own timeout (docs/cli.md, "Retries")
          [
            BIN,
            ...delegateArgs(
              descriptor,
              0,
              '--progress',
              'plain',
              '--home',
              killedHome,
              '--confirmation-timeout',
              '3',
            ),
          ],
          {
            env: { PATH: process.env['PATH'] ?? '', CI: 'true', ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => cli.kill('SIGKILL'), 30_000);
        cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        cli.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          // announced and waiting: kill the node now
          if (stderr.includes('harvest: waiting for confirmation of ')) devnet.kill('SIGKILL');
        });
        cli.on('error', reject);
        cli.on('close', (exitCode) => {
          clearTimeout(timer);
          resolve({ exitCode, stdout, stderr });
        });
      },
    );
    await stopped(devnet);

    expect(run.exitCode).toBe(3);
    const { error } = JSON.parse(run.stdout) as {
      error: { code: string; hint: string; journal: { hash: string; keystore: string } };
    };
    expect(error.code).toMatch(/^NODE_/);
    const keystore = join(killedHome, 'keystore', `${descriptor.accounts[0]!.address}.json`);
    expect(error.journal).toEqual({ hash: expect.stringMatching(/^[0-9A-F]{64}$/), keystore });
    expect(error.hint).toContain(`the signed transaction ${error.journal.hash} is journalled in ${keystore}`);
    expect(error.hint).toContain('run the same command again to resume it');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
