import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestServer, type RestServer } from '../helpers/restServer.js';
import { BIN, spawnCli } from '../helpers/spawnCli.js';

interface Descriptor {
  url: string;
  nodePublicKey: string;
  accounts: { address: string; keyFile: string }[];
}

const env = { HARVEST_PASSWORD: 'e2e password' };
let devnet: ChildProcess;
let descriptor: Descriptor;
let home: string;

/** Starts `harvest devnet --json` as users do, and reads its one-line descriptor. */
function startDevnetProcess(): Promise<{ child: ChildProcess; descriptor: Descriptor }> {
  const child = spawn(process.execPath, [BIN, 'devnet', '--json', '--port', '0', '--block-time', '0.3'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('devnet did not start')), 15_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, descriptor: JSON.parse(line) as Descriptor });
    });
  });
}

beforeAll(async () => {
  ({ child: devnet, descriptor } = await startDevnetProcess());
  home = mkdtempSync(join(tmpdir(), 'harvest-e2e-home-'));
});
afterAll(async () => {
  devnet.kill('SIGTERM');
  await new Promise((resolve) => devnet.once('exit', resolve));
  rmSync(home, { recursive: true, force: true });
});

describe('bin/harvest delegate against `harvest devnet` (both spawned, HTTP on 127.0.0.1)', () => {
  it('delegates to ACTIVE, and a re-run announces nothing', async () => {
    const account = descriptor.accounts[0]!;
    const args = [
      'delegate',
      '--json',
      '--node',
      descriptor.url,
      '--key-file',
      account.keyFile,
      '--home',
      home,
      '--yes',
    ];
    const run = await spawnCli(args, { env });
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      mainAddress: account.address,
      nodePublicKey: descriptor.nodePublicKey,
      announced: true,
      state: 'ACTIVE',
    });
    expect(result.transactions[0]).toMatchObject({
      kind: 'delegate',
      hash: expect.stringMatching(/^[0-9A-F]{64}$/),
    });
    const mainPrivateKey = readFileSync(account.keyFile, 'utf8').trim().toUpperCase();
    expect((run.stdout + run.stderr).toUpperCase()).not.toContain(mainPrivateKey);

    const again = await spawnCli(args, { env });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ announced: false, state: 'ACTIVE', transactions: [] });
  });

  it('fails with CONFIRMATION_REQUIRED (exit 2) without --yes and no terminal, and prints the plan nowhere on stdout', async () => {
    const account = descriptor.accounts[1]!;
    const run = await spawnCli(
      ['delegate', '--json', '--node', descriptor.url, '--key-file', account.keyFile, '--home', home],
      { env },
    );
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe('CONFIRMATION_REQUIRED');
  });
});

describe('bin/harvest delegate against broken nodes', () => {
  const servers: RestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  async function deadPort(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}`;
  }

  it.each([
    [
      // 501 is the one 5xx not retried (the reads' backoff would make this case ~15 s of real time)
      'a node answering 501',
      { 'GET /node/info': { status: 501, body: { code: 'NotImplemented', message: 'boom' } } },
      'NODE_UNAVAILABLE',
    ],
    ['a node answering HTML', { 'GET /node/info': { text: '<html>not json</html>' } }, 'NODE_BAD_RESPONSE'],
    ['a node that hangs', { 'GET /node/info': { hang: true } }, 'NODE_TIMEOUT'],
    ['a dead port', undefined, 'NODE_UNAVAILABLE'],
  ])('exits 3 with %s: %s, no stack trace', async (_label, routes, code) => {
    let url: string;
    if (routes === undefined) {
      url = await deadPort();
    } else {
      const server = await startRestServer(routes);
      servers.push(server);
      url = server.url;
    }
    const account = descriptor.accounts[2]!;
    const run = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        url,
        '--key-file',
        account.keyFile,
        '--home',
        home,
        '--yes',
        '--timeout',
        '0.5',
      ],
      { env },
    );
    expect(run.exitCode).toBe(3);
    expect(JSON.parse(run.stdout).error.code).toBe(code);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
