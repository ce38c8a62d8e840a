/**
 * Signals and dead nodes with the real bin/harvest (docs/cli.md, "Signals"; docs/commands/status.md): the command is
 * spawned against the embedded devnet on 127.0.0.1, through a small forwarding proxy that tells the test what the
 * command asks (so a signal is sent at a known point, never after a guessed delay) and can make the node fail or hang.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { BIN } from '../helpers/spawnCli.js';

const env = { HARVEST_PASSWORD: 'e2e signals' };
/** Every bounded wait of this file. */
const LIMIT_MS = 30_000;

// a node that never unlocks anyone (no free slot): a delegation waits for activation until interrupted
const fixture = useDevnet({ blockTimeSeconds: 0.3, maxUnlockedAccounts: 0 }, 'harvest-e2e-signals-');

/**
 * A forwarding proxy to the devnet on 127.0.0.1: `mode` decides whether it forwards, hangs, or dies (drops the
 * connection and stops listening).
 */
interface Proxy {
  readonly url: string;
  mode: 'forward' | 'dead' | 'hang';
  /** "METHOD /path" of every request seen. */
  readonly seen: string[];
  /** Resolves when a request whose "METHOD /path" matches has been seen `count` times in all. */
  waitFor(pattern: RegExp, count?: number): Promise<void>;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  const waiters: { pattern: RegExp; count: number; resolve: () => void }[] = [];
  const seen: string[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (seen.filter((line) => waiter.pattern.test(line)).length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const proxy: { mode: Proxy['mode'] } = { mode: 'forward' };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      seen.push(`${request.method ?? 'GET'} ${path.split('?')[0]!}`);
      if (proxy.mode === 'hang') return check();
      if (proxy.mode === 'dead') {
        // the node's process is gone: this connection drops and new ones are refused (a refused connection is
        // retried twice, a reset one ~15 s: docs/cli.md, "Retries")
        request.socket.destroy();
        if (server.listening) server.close();
        return check();
      }
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      fetch(`${target}${path}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        ...(body === undefined ? {} : { body }),
      })
        .then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => response.destroy())
        .finally(check);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    seen,
    waitFor: (pattern: RegExp, count = 1) =>
      new Promise<void>((resolve) => {
        waiters.push({ pattern, count, resolve });
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A spawned bin/harvest, its output so far and its end. */
interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<{
    exitCode: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

function start(args: readonly string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  const done = new Promise<{
    exitCode: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) =>
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

/** Waits (bounded) until `condition` holds, checking every 50 ms. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > LIMIT_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const proxies: Proxy[] = [];
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

async function proxy(): Promise<Proxy> {
  const started = await startProxy(fixture.devnet.url);
  proxies.push(started);
  return started;
}

describe('bin/harvest and SIGINT/SIGTERM', () => {
  it('delegate --json, SIGINT during the activation wait: the result so far with "interrupted": true, exit 130', async () => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const home = join(fixture.dir, 'delegate-home');
    const run = start([
      'delegate',
      '--json',
      '--yes',
      '--node',
      fixture.devnet.url,
      '--key-file',
      account.keyFile,
      '--home',
      home,
      '--activation-timeout',
      '600',
    ]);
    // the journal says `confirmed` once the aggregate is in a block: the command then waits for the node
    const keystore = join(home, 'keystore', `${account.address}.json`);
    await until(
      () =>
        existsSync(keystore) &&
        (JSON.parse(readFileSync(keystore, 'utf8')) as { journal: { state: string }[] }).journal.some(
          (entry) => entry.state === 'confirmed',
        ),
      'the confirmation',
    );
    run.child.kill('SIGINT');
    const ended = await run.done;
    expect(ended.exitCode, ended.stderr).toBe(130);
    expect(JSON.parse(ended.stdout)).toMatchObject({
      mainAddress: account.address,
      announced: true,
      state: 'ACTIVATION_PENDING',
      interrupted: true,
      transactions: [{ kind: 'delegate', hash: expect.stringMatching(/^[0-9A-F]{64}$/) }],
    });
    expect(ended.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('status --watch --json, SIGINT while watching: the last status, exit 0', async () => {
    const node = await proxy();
    const account = fixture.devnet.descriptor.accounts[1]!;
    const run = start(['status', '--json', '--watch', '--node', node.url, '--address', account.address]);
    // the first read, then the first poll of the watch: the command listens for the signal by then
    await node.waitFor(/^GET \/accounts\//, 2);
    run.child.kill('SIGINT');
    const ended = await run.done;
    expect(ended.exitCode, ended.stderr).toBe(0);
    const status = JSON.parse(ended.stdout);
    expect(status).toMatchObject({ mainAddress: account.address, state: 'INACTIVE' });
    expect(status).not.toHaveProperty('interrupted');
    expect(ended.stderr).toContain('interrupted: last status INACTIVE');
  });

  it('status --watch on a node that dies: exit 3 with NODE_UNAVAILABLE after --max-failed-polls, not the stale state', async () => {
    const node = await proxy();
    const account = fixture.devnet.descriptor.accounts[2]!;
    const run = start([
      'status',
      '--json',
      '--watch',
      '--max-failed-polls',
      '2',
      '--node',
      node.url,
      '--address',
      account.address,
    ]);
    // the watch has started (its first poll asks again), then the node goes away
    await node.waitFor(/^GET \/accounts\//, 2);
    node.mode = 'dead';
    const ended = await run.done;
    expect(ended.exitCode, ended.stderr).toBe(3);
    expect(JSON.parse(ended.stdout), ended.stdout).toMatchObject({ error: { code: 'NODE_UNAVAILABLE' } });
    expect(ended.stdout).not.toContain('INACTIVE');
  });

  it('a second signal ends the command at once, exit 130, even with a read in flight', async () => {
    const node = await proxy();
    const account = fixture.devnet.descriptor.accounts[3]!;
    const run = start([
      'status',
      '--json',
      '--watch',
      '--timeout',
      '60',
      '--node',
      node.url,
      '--address',
      account.address,
    ]);
    await node.waitFor(/^GET \/accounts\//, 2);
    node.mode = 'hang';
    const before = node.seen.length;
    await until(() => node.seen.length > before, 'a read that hangs');
    run.child.kill('SIGINT'); // the watch is stopped, but the read in flight would take up to --timeout
    run.child.kill('SIGTERM'); // another signal: out at once
    const ended = await run.done;
    expect(ended.exitCode).toBe(130);
  });
});
