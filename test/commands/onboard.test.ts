import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import type { Prompter } from '../../src/ui/prompter.js';
import { runCli } from '../helpers/runCli.js';

const PASSWORD = 'correct horse battery staple';
let devnet: Devnet;
let home: string;
let work: string;

beforeAll(async () => {
  devnet = await startDevnet({
    port: 0,
    blockTimeSeconds: 0.2,
    nodes: 2,
    accounts: 12,
    maxUnlockedAccounts: 6,
    importanceGrouping: 5,
  });
  home = mkdtempSync(join(tmpdir(), 'harvest-onboard-home-'));
  work = mkdtempSync(join(tmpdir(), 'harvest-onboard-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const account = (index: number) => devnet.descriptor.accounts[index]!;
const nodeArgs = () => devnet.nodes.flatMap((node) => ['--node', node.url]);

function onboard(args: readonly string[], env: Record<string, string> = {}) {
  return runCli(['onboard', '--json', '--home', home, '--activation-timeout', '20', ...args], {
    env: { HARVEST_PASSWORD: PASSWORD, ...env },
  });
}

function writeAccounts(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function confirmedCount(): Promise<number> {
  const body = (await (await fetch(`${devnet.url}/transactions/confirmed?pageSize=100`)).json()) as {
    data: unknown[];
  };
  return body.data.length;
}

async function unlockedOn(url: string): Promise<string[]> {
  const body = (await (await fetch(`${url}/node/unlockedaccount`)).json()) as { unlockedAccount: string[] };
  return body.unlockedAccount;
}

describe('harvest onboard (in-process, 2-node devnet over HTTP)', () => {
  it('refuses without --yes and no terminal (CONFIRMATION_REQUIRED), announcing nothing', async () => {
    const file = writeAccounts('refuse.csv', `key_file\n${account(11).keyFile}\n`);
    const before = await confirmedCount();
    const run = await onboard(['--accounts', file, ...nodeArgs()]);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('CONFIRMATION_REQUIRED');
    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
  });

  it('delegates 6 accounts spread over 2 nodes to ACTIVE, then a re-run announces nothing', async () => {
    const lines = [
      '# six accounts',
      'key_file',
      ...[0, 1, 2, 3, 4, 5].map((index) => account(index).keyFile),
    ];
    const file = writeAccounts('six.csv', `${lines.join('\n')}\n`);
    const run = await onboard(['--accounts', file, ...nodeArgs(), '--yes', '--concurrency', '3']);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result.summary).toEqual({ ACTIVE: 6 });
    expect(result.accounts.map((row: { mainAddress: string }) => row.mainAddress)).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => account(index).address),
    );
    const [node0, node1] = devnet.nodes;
    expect(result.accounts.map((row: { nodeUrl: string }) => row.nodeUrl)).toEqual([
      node0!.url,
      node1!.url,
      node0!.url,
      node1!.url,
      node0!.url,
      node1!.url,
    ]);
    for (const row of result.accounts) {
      expect(row).toMatchObject({ state: 'ACTIVE', error: null, announced: true });
      expect(await unlockedOn(row.nodeUrl)).toContain(row.remotePublicKey);
    }

    const before = await confirmedCount();
    const again = await onboard(['--accounts', file, ...nodeArgs(), '--yes']);
    expect(again.exitCode).toBe(0);
    expect(again.json().summary).toEqual({ ACTIVE: 6 });
    for (const [index, row] of again.json().accounts.entries()) {
      expect(row).toMatchObject({
        state: 'ACTIVE',
        announced: false,
        nodeUrl: result.accounts[index].nodeUrl,
      });
      expect(row.remotePublicKey).toBe(result.accounts[index].remotePublicKey);
    }
    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
  });

  it('a row whose key file is missing is FAILED with its code, the others go ACTIVE, exit 4', async () => {
    const file = writeAccounts(
      'missing.csv',
      `key_file,node\n${account(6).keyFile},\n"${join(work, 'nope.key')}",\n${account(7).keyFile},${devnet.nodes[1]!.url}\n`,
    );
    const run = await onboard(['--accounts', file, '--node', devnet.url, '--yes']);
    expect(run.exitCode).toBe(4);
    const result = run.json();
    expect(result.summary).toEqual({ ACTIVE: 2, FAILED: 1 });
    expect(result.accounts[1]).toMatchObject({ line: 3, state: 'FAILED', mainAddress: null });
    expect(result.accounts[1].error.code).toBe('INVALID_KEY');
    expect(result.accounts[1].error.message).toContain('not found');
    expect(result.accounts[0]).toMatchObject({ state: 'ACTIVE', nodeUrl: devnet.url });
    expect(result.accounts[2]).toMatchObject({ state: 'ACTIVE', nodeUrl: devnet.nodes[1]!.url });
  });

  it('reads key_env rows from the environment, never printing the key', async () => {
    const keyA = readFileSync(account(8).keyFile, 'utf8').trim();
    const file = writeAccounts('env.jsonl', `{"key_env": "ACCOUNT_A"}\n{"key_env": "ACCOUNT_B"}\n`);
    const run = await onboard(['--accounts', file, ...nodeArgs(), '--yes'], { ACCOUNT_A: keyA });
    expect(run.exitCode).toBe(4);
    const result = run.json();
    expect(result.accounts[0]).toMatchObject({ state: 'ACTIVE', mainAddress: account(8).address });
    expect(result.accounts[1]).toMatchObject({ state: 'FAILED' });
    expect(result.accounts[1].error.code).toBe('INPUT_REQUIRED');
    expect(run.stdout + run.stderr).not.toContain(keyA);
  });

  it('skips a node whose free slots are known and used up (--max-unlocked-accounts)', async () => {
    const [node0, node1] = devnet.nodes;
    // by now node 0 harvests for accounts 0, 2, 4, 6, 8 and node 1 for 1, 3, 5, 7
    expect((await unlockedOn(node0!.url)).length).toBe(5);
    expect((await unlockedOn(node1!.url)).length).toBe(4);
    const file = writeAccounts('slots.csv', `key_file\n${account(10).keyFile}\n`);
    const run = await onboard(['--accounts', file, ...nodeArgs(), '--yes', '--max-unlocked-accounts', '5']);
    expect(run.exitCode).toBe(0);
    expect(run.json().accounts[0]).toMatchObject({ state: 'ACTIVE', nodeUrl: node1!.url });
  });

  it('on a terminal: one confirmation for the batch, then one password for every keystore, one line per account', async () => {
    const asked: string[] = [];
    const answers = { password: ['pw', 'pw'], confirm: [true] };
    const prompter: Prompter = {
      input: (message) => Promise.reject(new Error(`unexpected question: ${message}`)),
      password: (message) => (asked.push(message), Promise.resolve(answers.password.shift()!)),
      confirm: (message) => (asked.push(message), Promise.resolve(answers.confirm.shift()!)),
    };
    const otherHome = mkdtempSync(join(tmpdir(), 'harvest-onboard-tty-'));
    try {
      const file = writeAccounts('tty.csv', `key_file\n${account(11).keyFile}\n${account(10).keyFile}\n`);
      const run = await runCli(
        ['onboard', '--home', otherHome, '--accounts', file, ...nodeArgs(), '--activation-timeout', '20'],
        { tty: true, prompter },
      );
      // the batch is confirmed first, then the one password is asked (README, docs/commands/onboard.md)
      expect(asked).toEqual(['Go ahead?', 'keystore password', 'same password again']);
      expect(run.stderr).toMatch(/onboard 2 account\(s\) over 2 node\(s\)/);
      expect(run.stderr).toMatch(/fees at most \d+\.\d{6} XYM in total/);
      expect(run.stderr).toMatch(/2\/2 done/);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`line 2 +${account(11).address} +ACTIVE`));
      expect(run.stdout).toMatch(new RegExp(`line 3 +${account(10).address} +ACTIVE`));
      expect(run.stdout).toMatch(/summary: ACTIVE 2/);
    } finally {
      rmSync(otherHome, { recursive: true, force: true });
    }
  });

  it('a node that cannot be read fails only its rows; the others go on', async () => {
    const dead = 'http://127.0.0.1:1';
    const file = writeAccounts(
      'dead.csv',
      `key_file,node\n${account(0).keyFile},\n${account(1).keyFile},${dead}\n`,
    );
    const run = await onboard([
      '--accounts',
      file,
      '--node',
      dead,
      '--node',
      devnet.url,
      '--yes',
      '--timeout',
      '1',
    ]);
    expect(run.exitCode).toBe(4);
    const [first, second] = run.json().accounts;
    expect(first).toMatchObject({ state: 'ACTIVE', announced: false, nodeUrl: devnet.url });
    expect(second).toMatchObject({ state: 'FAILED', nodeUrl: dead, mainAddress: account(1).address });
    expect(second.error.code).toMatch(/^NODE_/);
    expect(run.stderr).toContain(`${dead} cannot be read`);
  });

  it('refuses the same account twice (exit 2) before anything', async () => {
    const key = readFileSync(account(9).keyFile, 'utf8').trim();
    const file = writeAccounts('dup.csv', `key_file,key_env\n${account(9).keyFile},\n,DUP\n`);
    const run = await onboard(['--accounts', file, ...nodeArgs(), '--yes'], { DUP: key });
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({ code: 'INVALID_FILE' });
    expect(run.json().error.message).toContain('lines 2 and 3');
    expect(run.stdout + run.stderr).not.toContain(key);
  });
});
