// Part of `npm run build` (called by scripts/bundle.js): runs `harvest decrypt-check --message … --json` once, from
// dist/app/decryptCheck.cjs loaded by bin/codeCache.js, on a throw-away node key and message, and writes V8's code
// cache of what ran to dist/app/decryptCheck.cache. bin/harvest.js compiles the bundle with it: about 28 M of the
// 600 M instructions of a `decrypt-check --message` start (docs/performance.md, "Start-up, third pass"). The cache
// belongs to the Node version that built it; another one refuses it and compiles as usual.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `${outdir}/decryptCheck.cache` for `${outdir}/decryptCheck.cjs` and checks that V8 takes it. */
export async function writeDecryptCheckCache(root, outdir) {
  const { loadBundleForCache, cacheAccepted } = createRequire(import.meta.url)(`${root}bin/codeCache.js`);
  const bundle = `${outdir}/decryptCheck.cjs`;
  const cacheFile = `${outdir}/decryptCheck.cache`;
  const load = (path) => import(pathToFileURL(`${root}dist/${path}`).href);
  const [{ derivePublicKey }, { encodeDelegationMessage }, { encodeEd25519Pem }, { toHex }] =
    await Promise.all([
      load('core/keys.js'),
      load('core/crypto/delegationMessage.js'),
      load('core/pem.js'),
      load('core/bytes.js'),
    ]);
  const folder = mkdtempSync(join(tmpdir(), 'harvest-build-'));
  try {
    // a throw-away key and a request sealed to it: the cache holds code, never these bytes' secrets
    const nodePrivateKey = new Uint8Array(32).fill(0x11);
    writeFileSync(join(folder, 'node.key.pem'), encodeEd25519Pem(nodePrivateKey), { mode: 0o600 });
    const message = encodeDelegationMessage(
      derivePublicKey(nodePrivateKey),
      { remotePrivateKey: new Uint8Array(32).fill(0x22), vrfPrivateKey: new Uint8Array(32).fill(0x33) },
      (length) => new Uint8Array(length).fill(0x44),
    );
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: (text) => void (stderr += text) },
      readStdin: () => Promise.reject(new Error('the cache run reads no input')),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
    };
    const { exports, writeCache } = loadBundleForCache(bundle, cacheFile);
    const argv = ['decrypt-check', '--node-key', 'node.key.pem', '--message', toHex(message), '--json'];
    const exitCode = await exports.runDecryptCheckDirectly(argv, { io, env: {}, cwd: folder });
    if (exitCode !== 0 || stderr !== '' || JSON.parse(stdout).requests[0]?.ok !== true) {
      throw new Error(`the code cache run of decrypt-check failed: exit ${exitCode}, ${stderr}${stdout}`);
    }
    writeCache();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (!cacheAccepted(bundle, cacheFile)) throw new Error(`V8 refuses the code cache ${cacheFile}`);
}
