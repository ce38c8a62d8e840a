// `npm run bench`: our figure and symbol-sdk's on the same inputs, in one run, as a ratio (docs/performance.md).
// Runs against dist/ (built by the npm script). Each operation is measured in several alternating rounds
// (ours, noble, sdk, ours, …) so that the shared machine's noise hits all columns alike; the table shows medians.
// Usage: node bench/run.js [--quick] [--json] [--only delegation|decrypt|sign|start (the rows of one kind)]
//        [--wait-quiet (the batch-signing rounds wait for an idle machine)]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { measureRequests } from './requests.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = (path) => pathToFileURL(join(ROOT, 'dist', path)).href;
const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// --wait-quiet: each round of the batch-signing row waits (up to 60 s) for a second in which the machine was at
// least 85 % idle (Linux /proc/stat): two threads need the second core free, which a shared machine rarely leaves.
const waitQuiet = process.argv.includes('--wait-quiet') && existsSync('/proc/stat');
const cpuTimes = () =>
  readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
async function quietMoment() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = cpuTimes();
    const total = after.reduce((sum, value, index) => sum + value - before[index], 0);
    if ((after[3] - before[3]) / total >= 0.85) return;
  }
}
/** Whether the rows of `kind` run (all of them unless --only names one kind). */
const selected = (kind) => only === undefined || only === kind;
const ROUNDS = quick ? 3 : 7;
const ROUND_MS = quick ? 150 : 400;
const SPAWNS = quick ? 5 : 15;
const BATCH = 256;

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does)');
  process.exit(1);
}

const { encodeDelegationMessage, openDelegationRecord } = await import(
  DIST('core/crypto/delegationMessage.js')
);
const { openDelegationRecords, createDelegationOpener } = await import(
  DIST('core/crypto/openDelegationRecords.js')
);
const { openDelegationRecordPlain } = await import(DIST('core/crypto/openDelegationRecordPlain.js'));
const { deriveSharedKey } = await import(DIST('core/crypto/sharedKey.js'));
const { encryptAesGcm } = await import(DIST('core/crypto/aesGcm.js'));
const { ed25519 } = await import('@noble/curves/ed25519.js');
const sdk = await import('symbol-sdk');
const sdkSymbol = await import('symbol-sdk/symbol');
// Not in symbol-sdk's export map; imported by path for the key-agreement row only.
const sdkSharedKey = await import(
  pathToFileURL(join(ROOT, 'node_modules', 'symbol-sdk', 'src', 'symbol', 'SharedKey.js')).href
);

/** Deterministic inputs: SHA-256(label | counter) blocks. */
function seeded(label) {
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 32) {
      const block = createHash('sha256').update(`${label}/${counter++}`).digest();
      out.set(block.subarray(0, Math.min(32, length - offset)), offset);
    }
    return out;
  };
}

const concat = (a, b) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** ops/s of one round: calls `fn` until ROUND_MS have passed; `unit` = operations per call. */
function round(fn, unit = 1) {
  let calls = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ROUND_MS) * 1_000_000n;
  let now = start;
  do {
    fn(calls);
    calls += 1;
    now = process.hrtime.bigint();
  } while (now < end);
  return (calls * unit) / (Number(now - start) / 1e9);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Alternating rounds of every contender; medians in ops/s. */
function compare(contenders) {
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const [, { fn, unit }] of Object.entries(contenders)) round(fn, unit); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, { fn, unit }] of Object.entries(contenders)) samples[name].push(round(fn, unit));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

const rows = [];
function record(operation, result, unit = 'ops/s') {
  rows.push({
    operation,
    unit,
    ours: result.ours,
    noble: result.noble,
    sdk: result.sdk,
    ratio: result.ours / result.sdk,
  });
  if (!asJson) console.error(`  measured: ${operation}`);
}

// ---- inputs ------------------------------------------------------------------------------------------------------
const random = seeded('bench');
const nodePrivateKey = random(32);
const nodeKeyPair = new sdkSymbol.KeyPair(new sdk.PrivateKey(nodePrivateKey));
const nodePublicKey = nodeKeyPair.publicKey.bytes;
const remote = new sdkSymbol.KeyPair(new sdk.PrivateKey(random(32)));
const vrf = new sdkSymbol.KeyPair(new sdk.PrivateKey(random(32)));
const keys = { remotePrivateKey: remote.privateKey.bytes, vrfPrivateKey: vrf.privateKey.bytes };
const encoder = new sdkSymbol.MessageEncoder(nodeKeyPair);
const messages = Array.from({ length: BATCH }, () =>
  encoder.encodePersistentHarvestingDelegation(nodeKeyPair.publicKey, remote, vrf),
);
const records = messages.map((message) => message.subarray(8));
for (const [index, opened] of openDelegationRecords(nodePrivateKey, records).entries()) {
  if (!opened.ok) throw new Error(`bench input ${index} does not open`);
}
const ephemeralKeys = records.map((r) => r.slice(0, 32));

// ---- 1. create a delegation message ------------------------------------------------------------------------------
if (selected('delegation'))
  record(
    'create a delegation message',
    compare({
      ours: { fn: () => encodeDelegationMessage(nodePublicKey, keys, random) },
      noble: {
        fn: () => {
          const ephemeral = random(32);
          const sealed = encryptAesGcm(deriveSharedKey(ephemeral, nodePublicKey), random(12), random(64));
          return [ed25519.getPublicKey(ephemeral), sealed];
        },
      },
      sdk: { fn: () => encoder.encodePersistentHarvestingDelegation(nodeKeyPair.publicKey, remote, vrf) },
    }),
  );

// ---- 2. decrypt one ----------------------------------------------------------------------------------------------
if (selected('decrypt'))
  record(
    'decrypt one delegation message',
    compare({
      ours: { fn: (i) => openDelegationRecord(nodePrivateKey, records[i % BATCH]) },
      noble: { fn: (i) => openDelegationRecordPlain(nodePrivateKey, records[i % BATCH]) },
      sdk: { fn: (i) => encoder.tryDecode(nodeKeyPair.publicKey, messages[i % BATCH]) },
    }),
  );

// ---- 3. decrypt a batch for one node key (records per second) ----------------------------------------------------
if (selected('decrypt'))
  record(
    `decrypt ${BATCH} records, one node key`,
    compare({
      ours: { fn: () => openDelegationRecords(nodePrivateKey, records), unit: BATCH },
      noble: { fn: (i) => openDelegationRecordPlain(nodePrivateKey, records[i % BATCH]) },
      // symbol-sdk has no batch API: the same records one by one (a round stops after ROUND_MS, not after 256)
      sdk: { fn: (i) => encoder.tryDecode(nodeKeyPair.publicKey, messages[i % BATCH]) },
    }),
    'records/s',
  );

// ---- 4. derive a shared key --------------------------------------------------------------------------------------
const opener = createDelegationOpener(nodePrivateKey);
if (selected('decrypt'))
  record(
    'derive a shared key (node side)',
    compare({
      ours: { fn: (i) => opener.sharedKeys([ephemeralKeys[i % BATCH]]) },
      noble: { fn: (i) => deriveSharedKey(nodePrivateKey, ephemeralKeys[i % BATCH]) },
      sdk: {
        fn: (i) => sdkSharedKey.deriveSharedKey(nodeKeyPair, new sdk.PublicKey(ephemeralKeys[i % BATCH])),
      },
    }),
  );

// ---- 5. sign a transaction ---------------------------------------------------------------------------------------
if (selected('sign')) {
  const facade = new sdkSymbol.SymbolFacade('testnet');
  const signer = new sdkSymbol.KeyPair(new sdk.PrivateKey(random(32)));
  const transaction = facade.transactionFactory.create({
    type: 'transfer_transaction_v1',
    signerPublicKey: signer.publicKey,
    deadline: 1n,
    recipientAddress: facade.network.publicKeyToAddress(nodeKeyPair.publicKey),
    message: messages[0],
  });
  const payload = transaction.serialize();
  const seed = facade.network.generationHashSeed.bytes;
  const signPath = join(ROOT, 'dist', 'core', 'transactions', 'signTransaction.js');
  let ours;
  let label;
  if (existsSync(signPath)) {
    const { signTransaction } = await import(pathToFileURL(signPath).href);
    const privateKey = signer.privateKey.bytes;
    ours = () => signTransaction(payload, privateKey, seed);
    label = 'sign a transfer (signTransaction vs facade.signTransaction)';
  } else {
    const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
    const keyObject = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: b64(signer.privateKey.bytes), x: b64(signer.publicKey.bytes) },
      format: 'jwk',
    });
    ours = () => nodeSign(null, payload, keyObject);
    label = 'sign a transfer (node:crypto JWK key vs facade.signTransaction)';
  }
  record(
    label,
    compare({
      ours: { fn: ours },
      noble: { fn: () => ed25519.sign(payload, signer.privateKey.bytes) },
      sdk: { fn: () => facade.signTransaction(signer, transaction) },
    }),
  );
}

// ---- 5b. sign a batch of transfers on both cores (transactions per second) -------------------------------------
// One signer, as in a plan for `harvest sign`. Ours: signTransactionsInParallel on the whole batch (worker start-up
// included, default threads and threshold), and the same batch signed in this thread with signTransaction. symbol-sdk
// has no batch API and signs about 6,000/s: facade.signTransaction on a sample of the same transfers (one by one),
// noble's ed25519.sign on a smaller sample. Rounds alternate, medians shown.
if (selected('sign')) {
  const count = quick ? 5_000 : 20_000;
  const sdkSample = quick ? 500 : 2_000;
  const nobleSample = quick ? 100 : 400;
  const facade = new sdkSymbol.SymbolFacade('testnet');
  const signer = new sdkSymbol.KeyPair(new sdk.PrivateKey(random(32)));
  const recipients = Array.from({ length: 64 }, () =>
    facade.network.publicKeyToAddress(new sdkSymbol.KeyPair(new sdk.PrivateKey(random(32))).publicKey),
  );
  const transactions = Array.from({ length: count }, (_, index) =>
    facade.transactionFactory.create({
      type: 'transfer_transaction_v1',
      signerPublicKey: signer.publicKey,
      fee: 100_000n,
      deadline: 1_000n + BigInt(index),
      recipientAddress: recipients[index % recipients.length],
      mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: BigInt(index + 1) }],
    }),
  );
  const seed = facade.network.generationHashSeed.bytes;
  const privateKey = signer.privateKey.bytes;
  const jobs = transactions.map((transaction) => ({ payload: transaction.serialize(), privateKey }));
  const { signTransactionsInParallel } = await import(DIST('flows/sign/signTransactionsInParallel.js'));
  const { signTransaction } = await import(DIST('core/transactions/signTransaction.js'));
  const rate = async (operations, fn) => {
    const start = process.hrtime.bigint();
    await fn();
    return operations / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const contenders = {
    batch: () => rate(count, () => signTransactionsInParallel(jobs, seed)),
    oneThread: () => rate(count, () => jobs.map((job) => signTransaction(job.payload, privateKey, seed))),
    sdk: () =>
      rate(sdkSample, () => {
        for (let i = 0; i < sdkSample; i++) facade.signTransaction(signer, transactions[i]);
      }),
    noble: () =>
      rate(nobleSample, () => {
        for (let i = 0; i < nobleSample; i++) ed25519.sign(jobs[i].payload, privateKey);
      }),
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const fn of Object.values(contenders)) await fn(); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    if (waitQuiet) await quietMoment();
    for (const [name, fn] of Object.entries(contenders)) samples[name].push(await fn());
  }
  const [batch, oneThread, sdkRate, nobleRate] = ['batch', 'oneThread', 'sdk', 'noble'].map((name) =>
    median(samples[name]),
  );
  const label = count.toLocaleString('en-US');
  rows.push({
    operation: `sign ${label} transfers, batch on both cores (signTransactionsInParallel vs facade.signTransaction)`,
    unit: 'ops/s',
    ours: batch,
    noble: nobleRate,
    sdk: sdkRate,
    ratio: batch / sdkRate,
  });
  rows.push({
    operation: `sign ${label} transfers, one thread (signTransaction vs facade.signTransaction)`,
    unit: 'ops/s',
    ours: oneThread,
    noble: nobleRate,
    sdk: sdkRate,
    ratio: oneThread / sdkRate,
  });
  if (!asJson) console.error(`  measured: sign ${label} transfers (${ROUNDS} rounds)`);
}

// ---- 6. decrypt-check of a whole harvesters.dat, whole process (spawned; start-up, file, JSON output included) ---
// The file is made with our sealer (symbol-sdk seals ~130/s); symbol-sdk's tryDecode and the plain noble path open
// a sample of the same records in this process (their start-up not counted), one by one as they have no batch API.
if (selected('decrypt')) {
  const count = quick ? 5_000 : 20_000;
  const sample = quick ? 100 : 400;
  const work = mkdtempSync(join(tmpdir(), 'harvest-bench-'));
  const keyFile = join(work, 'node.key');
  const harvestersFile = join(work, 'harvesters.dat');
  writeFileSync(keyFile, Buffer.from(nodePrivateKey).toString('hex'), { mode: 0o600 });
  const fileRandom = seeded('harvesters');
  const content = new Uint8Array(count * 124);
  for (let i = 0; i < count; i++) {
    const delegated = { remotePrivateKey: fileRandom(32), vrfPrivateKey: fileRandom(32) };
    content.set(encodeDelegationMessage(nodePublicKey, delegated, fileRandom).subarray(8), i * 124);
  }
  writeFileSync(harvestersFile, content);
  const fileMessages = Array.from({ length: sample }, (_, i) =>
    concat(messages[0].subarray(0, 8), content.subarray(i * 124, (i + 1) * 124)),
  );
  // the peak resident memory of the whole process (worker threads included), reported on exit
  const reportPeak =
    'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\\n`))';
  const runs = quick ? 1 : 3;
  const seconds = [];
  const peaks = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        reportPeak,
        join(ROOT, 'bin', 'harvest.js'),
        'decrypt-check',
        '--node-key',
        keyFile,
        '--harvesters',
        harvestersFile,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, CI: 'true' }, maxBuffer: 1 << 30 },
    );
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (run.status !== 0) throw new Error(`decrypt-check exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    const opened = JSON.parse(run.stdout).requests.filter((request) => request.ok).length;
    if (opened !== count) throw new Error(`decrypt-check opened ${opened} of ${count} records`);
    // worker threads inherit --import and report too; every report is the process's peak so far
    peaks.push(
      Math.max(...[...run.stderr.matchAll(/peak-rss (\d+)/g)].map((match) => Number(match[1]))) / 1024,
    );
  }
  const timeSample = (fn) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < sample; i++) fn(i);
    return sample / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  const sdkRate = timeSample((i) => {
    if (!encoder.tryDecode(nodeKeyPair.publicKey, fileMessages[i]).isDecoded) throw new Error('sdk failed');
  });
  const nobleRate = timeSample((i) => {
    const opened = openDelegationRecordPlain(nodePrivateKey, content.subarray(i * 124, (i + 1) * 124));
    ed25519.getPublicKey(opened.keys.remotePrivateKey);
    ed25519.getPublicKey(opened.keys.vrfPrivateKey);
  });
  rmSync(work, { recursive: true, force: true });
  const ours = count / median(seconds);
  rows.push({
    operation: `decrypt-check --harvesters, ${count.toLocaleString('en-US')} records, whole process`,
    unit: 'records/s',
    ours,
    noble: nobleRate,
    sdk: sdkRate,
    ratio: ours / sdkRate,
  });
  rows.push({
    operation: `decrypt-check --harvesters, ${count.toLocaleString('en-US')} records: peak memory`,
    unit: 'MB',
    ours: Math.max(...peaks),
    noble: undefined,
    sdk: undefined,
    ratio: undefined,
  });
  if (!asJson) console.error(`  measured: decrypt-check of ${count} records (${runs} runs)`);
}

// ---- 6b. `harvest requests` of as many on-chain requests, whole process, against a local REST stub -------------
// bench/requests.js: the stub (node:http on 127.0.0.1 in this process) serves `count` delegation-request transfers to
// the node's transport address and their accounts; `harvest requests --json` is spawned and timed from spawn to
// exit (start-up, searches, account reads, opening, checks, JSON output). The sdk and noble columns are the same
// per-record figures as the decrypt-check row: the opening alone, on a sample in this process.
{
  const count = quick ? 5_000 : 20_000;
  const runs = quick ? 1 : 3;
  const { seconds, calls } = await measureRequests({ root: ROOT, count, runs, nodePrivateKey });
  const ours = count / median(seconds);
  const decryptRow = rows.find(
    (row) => row.operation.startsWith('decrypt-check --harvesters') && row.unit === 'records/s',
  );
  rows.push({
    operation: `requests, ${count.toLocaleString('en-US')} on-chain requests (REST stub), whole process`,
    unit: 'records/s',
    ours,
    noble: decryptRow?.noble,
    sdk: decryptRow?.sdk,
    ratio: decryptRow === undefined ? undefined : ours / decryptRow.sdk,
  });
  if (!asJson)
    console.error(
      `  measured: requests of ${count} (${runs} runs; REST calls of the last: ${JSON.stringify(calls)})`,
    );
}

// ---- 7. cold start (spawned processes; ms per run, shown as runs/s) ----------------------------------------------
if (selected('start')) {
  const work = mkdtempSync(join(tmpdir(), 'harvest-bench-'));
  const keyFile = join(work, 'node.key');
  writeFileSync(keyFile, Buffer.from(nodePrivateKey).toString('hex'), { mode: 0o600 });
  const messageHex = Buffer.from(messages[0]).toString('hex');
  const bin = join(ROOT, 'bin', 'harvest.js');
  const timeRun = (args) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, CI: 'true' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return ms;
  };
  const commands = {
    help: [bin, '--help'],
    decrypt: [bin, 'decrypt-check', '--node-key', keyFile, '--message', messageHex, '--json'],
    sdk: ['--input-type=module', '-e', "await import('symbol-sdk')"],
    noble: ['--input-type=module', '-e', "await import('@noble/curves/ed25519.js')"],
    bare: ['-e', '0'],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (const args of Object.values(commands)) timeRun(args); // warm the file cache
  for (let i = 0; i < SPAWNS; i++) {
    for (const [name, args] of Object.entries(commands)) times[name].push(timeRun(args));
  }
  rmSync(work, { recursive: true, force: true });
  const ms = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  rows.push({
    operation: 'cold start: harvest --help',
    unit: 'ms',
    ours: ms.help,
    noble: ms.noble,
    sdk: ms.sdk,
    ratio: ms.sdk / ms.help,
  });
  rows.push({
    operation: 'cold start: harvest decrypt-check --message',
    unit: 'ms',
    ours: ms.decrypt,
    noble: ms.noble,
    sdk: ms.sdk,
    ratio: ms.sdk / ms.decrypt,
  });
  rows.push({
    operation: 'cold start: node -e 0 (floor)',
    unit: 'ms',
    ours: ms.bare,
    noble: undefined,
    sdk: undefined,
    ratio: undefined,
  });
}

// ---- report ------------------------------------------------------------------------------------------------------
if (asJson) {
  console.log(
    JSON.stringify(
      { node: process.version, rounds: ROUNDS, roundMs: ROUND_MS, spawns: SPAWNS, rows },
      null,
      2,
    ),
  );
} else {
  const format = (value, unit) =>
    value === undefined
      ? ''
      : unit === 'ms'
        ? `${value.toFixed(1)} ms`
        : unit === 'MB'
          ? `${Math.round(value)} MB`
          : Math.round(value).toLocaleString('en-US');
  const table = [
    ['operation', 'ours', 'pure JS (noble)', 'symbol-sdk 3.3.2', 'ours / sdk'],
    ...rows.map((row) => [
      `${row.operation}${row.unit === 'ms' || row.unit === 'MB' ? '' : ` (${row.unit})`}`,
      format(row.ours, row.unit),
      format(row.noble, row.unit),
      format(row.sdk, row.unit),
      row.ratio === undefined ? '' : `${row.ratio.toFixed(1)}×`,
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(
    `Node ${process.version}, ${ROUNDS} rounds of ${ROUND_MS} ms (medians), ${SPAWNS} spawns per cold start`,
  );
  console.log(line(table[0]));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`);
  for (const cells of table.slice(1)) console.log(line(cells));
  console.log(
    'cold start rows: ms per run (lower is better); "pure JS (noble)" there is `import @noble/curves`, sdk is `import symbol-sdk`, ratio = sdk ms / ours ms',
  );
}
