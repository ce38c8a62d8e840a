#!/usr/bin/env node
// npm run demo: delegated harvesting end to end on the devnet (packages/devnet, docs/devnet.md), with the real
// `harvest` binary.
//
//   1. harvest devnet --json          a local Symbol network on 127.0.0.1 with funded accounts
//   2. harvest delegate --yes          fresh remote + VRF keys, node link, encrypted request: one aggregate
//   3. harvest status                  the account as the node sees it: ACTIVE
//   4. the devnet is stopped (SIGTERM) and the temporary folders removed
//
// Exit 0 only when the status ends in ACTIVE. Nothing leaves 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/harvest.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'harvest-demo-home-'));
// The demo's keystore password; a real user passes --password-file or types it at the prompt.
const env = { ...process.env, HARVEST_PASSWORD: 'demo password, not a secret', NO_COLOR: '1' };

function step(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

function startDevnet() {
  const child = spawn(process.execPath, [BIN, 'devnet', '--json', '--port', '0', '--block-time', '1'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the devnet did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`the devnet exited early (code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, descriptor: JSON.parse(line) });
    });
  });
}

function harvest(args, { capture = false } = {}) {
  process.stdout.write(`$ harvest ${args.join(' ')}\n`);
  const child = spawn(process.execPath, [BIN, ...args], {
    env,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

let devnet;
let exitCode = 1;
try {
  step('1. start the embedded devnet');
  devnet = await startDevnet();
  const { url, nodePublicKey, accounts } = devnet.descriptor;
  const account = accounts[0];
  process.stdout.write(`devnet at ${url}, node transport key ${nodePublicKey}\n`);
  process.stdout.write(`account ${account.address} with ${BigInt(account.balance) / 1_000_000n} XYM\n`);

  step('2. inspect the node before trusting it');
  await harvest(['node', '--node', url]);

  step('3. delegate: one aggregate with the key links and the encrypted request, then wait for ACTIVE');
  const delegated = await harvest([
    'delegate',
    '--node',
    url,
    '--key-file',
    account.keyFile,
    '--home',
    home,
    '--yes',
  ]);
  if (delegated.code !== 0) throw new Error(`harvest delegate exited ${delegated.code}`);

  step('4. status, as the node sees the account');
  await harvest(['status', '--node', url, '--key-file', account.keyFile, '--home', home]);
  const status = await harvest(
    ['status', '--json', '--node', url, '--address', account.address, '--home', home],
    {
      capture: true,
    },
  );
  const state = JSON.parse(status.stdout).state;
  process.stdout.write(`state: ${state}\n`);
  exitCode = state === 'ACTIVE' ? 0 : 1;
  step(exitCode === 0 ? 'done: the account is ACTIVE' : `expected ACTIVE, got ${state}`);
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  if (devnet !== undefined) {
    devnet.child.kill('SIGTERM');
    await new Promise((resolve) => devnet.child.once('exit', resolve));
  }
  rmSync(home, { recursive: true, force: true });
}
process.exitCode = exitCode;
