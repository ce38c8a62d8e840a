// `npm run bench`, the `harvest requests` row (docs/performance.md): a local REST stub (node:http on 127.0.0.1, in
// this process) holding `count` delegation-request transfers to the node's transport address, and the built
// `bin/harvest.js requests --json` spawned against it as a whole process (start-up, searches, account reads, opening,
// checks and JSON output included). The answers have the shapes of catapult-rest (test/fixtures/rest): the stub is
// built here so that the bench does not depend on test/.
//
// The chain: `count` requests (sealed with our sealer, as the decrypt-check row's file), 10 % of the main accounts
// sent two (the older one is SUPERSEDED and no longer linked), every 5th request embedded in an aggregate, every
// 50th main account unknown to the chain (404); the others are linked to the keys of their newest request, so that
// every verdict is decided by real comparisons. The run's result is checked against what the chain was built to
// give (every request found and opened, the counts of the summary), so the row cannot pass on an empty answer.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Deterministic bytes: SHA-256(label | counter) blocks (as bench/run.js). */
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

/**
 * Builds the chain of `count` requests for `nodePrivateKey`; returns the stub's answers and the expected summary.
 * `dist(path)` is the file URL of a built module.
 */
export async function buildRequestsChain({ dist, count, nodePrivateKey }) {
  const { encodeDelegationMessage } = await import(dist('core/crypto/delegationMessage.js'));
  const { derivePublicKey } = await import(dist('core/keys.js'));
  const { deriveAddress } = await import(dist('core/address.js'));
  const { TESTNET } = await import(dist('core/network.js'));
  const { toHex } = await import(dist('core/bytes.js'));
  const random = seeded('requests');
  const nodePublicKey = derivePublicKey(nodePrivateKey);
  const nodeAddressHex = toHex(deriveAddress(nodePublicKey, TESTNET.identifier));
  const mains = count - Math.floor(count / 10); // requests i and i + mains share a main account
  const mainKeys = Array.from({ length: mains }, () => toHex(derivePublicKey(random(32))));
  const newest = new Map(); // main index → the keys of its newest request
  const entries = [];
  for (let i = 0; i < count; i++) {
    const main = i % mains;
    const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
    const message = encodeDelegationMessage(nodePublicKey, keys, random);
    newest.set(main, keys);
    const where =
      i % 5 === 4
        ? { aggregateHash: toHex(random(32)), index: i % 3 } // an embedded transfer: its aggregate's hash
        : { hash: toHex(random(32)), index: 0 };
    entries.push(
      JSON.stringify({
        id: toHex(random(12)),
        meta: { height: String(1000 + i), ...where },
        transaction: {
          signerPublicKey: mainKeys[main],
          version: 1,
          network: TESTNET.identifier,
          type: 16724,
          recipientAddress: nodeAddressHex,
          message: toHex(message),
          mosaics: [],
        },
      }),
    );
  }
  const accounts = new Map(); // upper-case public key hex → the /accounts/{id} answer's `account`
  const unlocked = [];
  let acceptable = 0;
  for (const [main, keys] of newest) {
    if (main % 50 === 49) continue; // unknown to the chain
    const remote = toHex(derivePublicKey(keys.remotePrivateKey));
    const publicKey = mainKeys[main];
    acceptable += 1;
    if (unlocked.length < 100) unlocked.push(remote);
    accounts.set(
      publicKey,
      JSON.stringify({
        version: 1,
        address: toHex(deriveAddress(Buffer.from(publicKey, 'hex'), TESTNET.identifier)),
        addressHeight: '1',
        publicKey,
        publicKeyHeight: '2',
        accountType: 1,
        supplementalPublicKeys: {
          linked: { publicKey: remote },
          node: { publicKey: toHex(nodePublicKey) },
          vrf: { publicKey: toHex(derivePublicKey(keys.vrfPrivateKey)) },
        },
        activityBuckets: [],
        mosaics: [{ id: '72C0212E67A08BCE', amount: '20000000000' }],
        importance: String(1000 + main),
        importanceHeight: '720',
      }),
    );
  }
  const nodeInfo = JSON.stringify({
    version: 16777993,
    publicKey: toHex(random(32)),
    networkGenerationHashSeed: toHex(TESTNET.generationHashSeed),
    roles: 3,
    port: 7900,
    networkIdentifier: TESTNET.identifier,
    friendlyName: 'bench-node',
    host: '127.0.0.1',
    nodePublicKey: toHex(nodePublicKey),
  });
  const properties = JSON.stringify({
    network: {
      identifier: 'testnet',
      generationHashSeed: toHex(TESTNET.generationHashSeed),
      epochAdjustment: `${TESTNET.epochAdjustmentSeconds}s`,
    },
    chain: {
      currencyMosaicId: "0x72C0'212E'67A0'8BCE",
      harvestingMosaicId: "0x72C0'212E'67A0'8BCE",
      blockGenerationTargetTime: '30s',
      importanceGrouping: '720',
      maxTransactionLifetime: '6h',
      defaultDynamicFeeMultiplier: '100',
      minHarvesterBalance: "10'000'000'000",
      maxHarvesterBalance: "50'000'000'000'000",
    },
    plugins: {},
    forkHeights: {},
  });
  return {
    answers: {
      nodeInfo,
      properties,
      entries,
      accounts,
      unlocked: JSON.stringify({ unlockedAccount: unlocked }),
    },
    expected: {
      total: count,
      ok: count,
      failed: 0,
      acceptable,
      rejected: count - acceptable,
      superseded: count - mains,
      unlocked: unlocked.length,
    },
  };
}

/**
 * Starts the stub on 127.0.0.1 (port 0). Routes: GET /node/info, /network/properties, /node/unlockedaccount,
 * /chain/info, /transactions/confirmed (paged as REST: pageSize 10..100, pageNumber), /accounts/{publicKey}, and
 * POST /accounts ({"publicKeys": [...]}: the known ones, as REST's batch read). Counts the requests per route.
 */
export async function startRequestsStub(answers) {
  const calls = new Map();
  const count = (name) => calls.set(name, (calls.get(name) ?? 0) + 1);
  const send = (response, status, text) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  };
  const notFound = (response, what) =>
    send(
      response,
      404,
      JSON.stringify({ code: 'ResourceNotFound', message: `no resource exists with id '${what}'` }),
    );
  const accountAnswer = (publicKey) => {
    const account = answers.accounts.get(publicKey);
    return account === undefined ? undefined : `{"id":"${publicKey.slice(0, 24)}","account":${account}}`;
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'GET' && path === '/node/info')
        return (count(path), send(response, 200, answers.nodeInfo));
      if (request.method === 'GET' && path === '/network/properties')
        return (count(path), send(response, 200, answers.properties));
      if (request.method === 'GET' && path === '/node/unlockedaccount')
        return (count(path), send(response, 200, answers.unlocked));
      if (request.method === 'GET' && path === '/chain/info')
        return (
          count(path),
          send(response, 200, JSON.stringify({ height: String(1000 + answers.entries.length) }))
        );
      if (request.method === 'GET' && path === '/transactions/confirmed') {
        count(path);
        const pageSize = Math.min(100, Math.max(10, Number(url.searchParams.get('pageSize') ?? 10)));
        const pageNumber = Math.max(1, Number(url.searchParams.get('pageNumber') ?? 1));
        const data = answers.entries.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        return send(
          response,
          200,
          `{"data":[${data.join(',')}],"pagination":{"pageNumber":${pageNumber},"pageSize":${pageSize}}}`,
        );
      }
      if (request.method === 'GET' && path.startsWith('/accounts/')) {
        count('GET /accounts/{id}');
        const id = decodeURIComponent(path.slice('/accounts/'.length)).toUpperCase();
        const answer = accountAnswer(id);
        return answer === undefined ? notFound(response, id) : send(response, 200, answer);
      }
      if (request.method === 'POST' && path === '/accounts') {
        count('POST /accounts');
        const ids = JSON.parse(body).publicKeys ?? [];
        const found = ids.map((id) => accountAnswer(String(id).toUpperCase())).filter((a) => a !== undefined);
        return send(response, 200, `[${found.join(',')}]`);
      }
      count(`other ${request.method} ${path}`);
      return notFound(response, path);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    calls,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Spawns `args` with node (the stub keeps answering meanwhile); resolves with status, stdout, stderr and seconds. */
export function timedSpawn(args, options) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
      }),
    );
  });
}

/**
 * Times `runs` spawns of `harvest requests --json` against a stub of `count` requests; checks each result.
 * Returns the wall times (s), each run's stderr and the stub's request counts of the last run. `nodeArgs` go before the script
 * (e.g. --cpu-prof).
 */
export async function measureRequests({ root, count, runs, nodePrivateKey, nodeArgs = [] }) {
  const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;
  const { answers, expected } = await buildRequestsChain({ dist, count, nodePrivateKey });
  const stub = await startRequestsStub(answers);
  const work = mkdtempSync(join(tmpdir(), 'harvest-bench-requests-'));
  const keyFile = join(work, 'node.key');
  writeFileSync(keyFile, Buffer.from(nodePrivateKey).toString('hex'), { mode: 0o600 });
  const seconds = [];
  const stderr = [];
  try {
    for (let r = 0; r < runs; r++) {
      stub.calls.clear();
      const args = [...nodeArgs, join(root, 'bin', 'harvest.js'), 'requests'];
      args.push('--node', stub.url, '--node-key', keyFile, '--json');
      const run = await timedSpawn(args, { cwd: root, env: { PATH: process.env.PATH, CI: 'true' } });
      if (run.status !== 0) throw new Error(`requests exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      const result = JSON.parse(run.stdout);
      const opened = result.requests.filter(
        (request) => request.ok && request.remotePublicKey !== null,
      ).length;
      if (result.requests.length !== count || opened !== count)
        throw new Error(`requests found ${result.requests.length} and opened ${opened} of ${count}`);
      for (const [key, value] of Object.entries(expected)) {
        if (result.summary[key] !== value)
          throw new Error(`requests summary.${key} is ${result.summary[key]}, expected ${value}`);
      }
      seconds.push(run.seconds);
      stderr.push(run.stderr);
    }
  } finally {
    await stub.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { seconds, stderr, calls: Object.fromEntries(stub.calls) };
}
