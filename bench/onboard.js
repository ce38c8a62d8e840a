// Onboarding benchmark (plain Node, run after `npm run build`): starts a devnet in this process (1 s blocks, two
// nodes, N funded accounts, slots for all of them), then times the built `bin/harvest.js onboard` spawned over both
// nodes, with the production scrypt cost:
//   1. the first run: N new accounts (one keystore each, announced, confirmed, activated)
//   2. the re-run: every account already ACTIVE
//   3. `onboard --offline` of the same N accounts into a fresh home (no node asked: N keystores made with one
//      scrypt, N signed files written), and `onboard --prepare` of them named by public_key (N unsigned plans);
//      they run first, so that the devnet is idle while they are timed
// Wall time from spawn to exit, CPU time (user + system) and peak memory of the process from /usr/bin/time.
// Usage: node bench/onboard.js [--quick] [--count N] [--concurrency C] [--offline-only] [--json]
//   (default N 1,000, --quick 100; --offline-only times the --offline and --prepare runs alone)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevnet } from '@symbol-harvest/devnet';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : Number(argv[index + 1]);
};
const count = value('--count', flag('--quick') ? 100 : 1000);
const concurrency = value('--concurrency', 64);
const bin = fileURLToPath(new URL('../bin/harvest.js', import.meta.url));
const loadAtStart = loadavg(); // the machine is shared: the load says how much of it the run had
const dir = mkdtempSync(join(tmpdir(), 'harvest-bench-onboard-'));

const devnet = await startDevnet({
  port: 0,
  blockTimeSeconds: 1,
  nodes: 2,
  accounts: count,
  maxUnlockedAccounts: count,
});
const rows = [];
try {
  const accountsFile = join(dir, 'accounts.csv');
  writeFileSync(accountsFile, ['key_file', ...devnet.descriptor.accounts.map((a) => a.keyFile)].join('\n'));
  const home = join(dir, 'home');
  const args = ['onboard', '--json', '--yes', '--home', home, '--accounts', accountsFile];
  args.push('--concurrency', String(concurrency));
  for (const node of devnet.nodes) args.push('--node', node.url);

  // offline: the devnet's ready line is the --network file (as `harvest devnet --json` prints it)
  const networkFile = join(dir, 'devnet.json');
  writeFileSync(networkFile, `${JSON.stringify(devnet.descriptor)}\n`);
  const outDir = join(dir, 'signed');
  mkdirSync(outDir);
  const offline = ['onboard', '--json', '--offline', '--home', join(dir, 'offline-home')];
  offline.push('--network', networkFile, '--node-public-key', devnet.descriptor.nodePublicKey);
  offline.push('--accounts', accountsFile, '--out-dir', outDir);
  rows.push(await timed('onboard --offline, new accounts', offline, 10, 'INACTIVE'));
  // --prepare: the same accounts named by public_key only, unsigned plans, another fresh home
  const publicFile = join(dir, 'public.csv');
  writeFileSync(publicFile, ['public_key', ...devnet.descriptor.accounts.map((a) => a.publicKey)].join('\n'));
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  const prepare = ['onboard', '--json', '--prepare', '--home', join(dir, 'prepare-home')];
  prepare.push('--network', networkFile, '--node-public-key', devnet.descriptor.nodePublicKey);
  prepare.push('--accounts', publicFile, '--out-dir', plans);
  rows.push(await timed('onboard --prepare, new accounts', prepare, 10, 'INACTIVE'));

  if (!flag('--offline-only')) {
    rows.push(await timed('onboard, new accounts', args, 60, 'ACTIVE'));
    rows.push(await timed('onboard re-run, every account ACTIVE', args, 5, 'ACTIVE'));
  }
} finally {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load ${loadAtStart
  .map((load) => load.toFixed(1))
  .join(' ')} at the start, ${loadavg()
  .map((load) => load.toFixed(1))
  .join(' ')} at the end`;
if (flag('--json')) {
  console.log(JSON.stringify({ machine, count, concurrency, rows }, null, 2));
} else {
  console.log(
    `onboarding benchmark: ${count} accounts, devnet with 2 nodes and 1 s blocks, --concurrency ${concurrency} online (offline: its default)`,
  );
  console.log(`machine: ${machine}`);
  console.log('');
  console.log(
    '| run                                  | wall (s) | CPU (s) | peak memory | target (s) | states         |',
  );
  console.log(
    '| ------------------------------------ | -------: | ------: | ----------: | ---------: | -------------- |',
  );
  for (const row of rows) {
    console.log(
      `| ${row.name.padEnd(36)} | ${row.wallSeconds.toFixed(1).padStart(8)} | ${row.cpuSeconds.toFixed(1).padStart(7)} | ${`${row.peakMb} MB`.padStart(11)} | ${`≤ ${row.targetSeconds}`.padStart(10)} | ${JSON.stringify(row.summary)} |`,
    );
  }
}
if (rows.some((row) => row.exitCode !== 0 || row.summary[row.expected] !== count)) process.exitCode = 1;

/** Spawns harvest under /usr/bin/time; wall time from spawn to exit; every account should end in `expected`. */
async function timed(name, harvestArgs, targetSeconds, expected) {
  const timeFile = join(dir, 'time.txt');
  const started = performance.now();
  const profile =
    process.env.BENCH_CPU_PROF === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`];
  const child = spawn(
    '/usr/bin/time',
    ['-f', '%U %S %M', '-o', timeFile, process.execPath, ...profile, bin, ...harvestArgs],
    {
      env: { ...process.env, HARVEST_PASSWORD: 'bench password', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise((resolve) => child.on('close', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const [user, system, peakKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  let summary = {};
  try {
    summary = JSON.parse(stdout).summary ?? {};
  } catch {
    process.stderr.write(`${name}: no JSON result (exit ${exitCode})\n${stderr.slice(-2000)}\n`);
  }
  return {
    name,
    exitCode,
    wallSeconds,
    cpuSeconds: user + system,
    peakMb: Math.round(peakKb / 1024),
    targetSeconds,
    expected,
    summary,
  };
}
