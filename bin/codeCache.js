// CommonJS (bin/package.json). Loads a CommonJS bundle of dist/app (dist/app/decryptCheck.cjs) as require() would,
// but compiled with the V8 code cache that `npm run build` made for it (scripts/codeCache.js), so that the functions
// the command ran when the cache was made are neither parsed nor compiled again (docs/performance.md, "Start-up,
// third pass"). Node 20 has no compile cache of its own (module.enableCompileCache came with Node 22.1).
//
// The cache file is the SHA-256 of the bundle file, then V8's data: V8 itself checks only the source's length,
// so a cache made for another build of the bundle must not reach it. A cache V8 refuses (another Node version, other
// flags) only costs the usual compile. The bundle holds no import() (scripts/bundle.js turns them into require()),
// so the script needs no dynamic-import callback, which Node 20 still marks experimental.
'use strict';
const { hash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** The exports of the bundle `file`, compiled with `cacheFile` when that cache was made for this very source. */
function loadBundle(file, cacheFile) {
  return run(compile(file, readCache(cacheFile)));
}

/**
 * The exports of the bundle `file` compiled without cache, and `writeCache`, which writes the code cache of what
 * has run so far to `cacheFile` (the build runs the command once, then calls it).
 */
function loadBundleForCache(file, cacheFile) {
  const compiled = compile(file, undefined);
  const exports = run(compiled);
  const writeCache = () =>
    writeFileSync(cacheFile, Buffer.concat([compiled.digest, compiled.script.createCachedData()]));
  return { exports, writeCache };
}

/** Whether V8 takes the cache in `cacheFile` for the bundle `file` (checked by the build and the tests). */
function cacheAccepted(file, cacheFile) {
  const { script } = compile(file, readCache(cacheFile));
  return script.cachedDataRejected === false;
}

function readCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compiled as usual
  }
}

/** The module wrapper of `file` as a script, given V8's data from `cache` when `cache` was made for this source. */
function compile(file, cache) {
  const bytes = readFileSync(file);
  const digest = hash('sha256', bytes, 'buffer'); // of the bytes: a fourth of the time of hashing the string
  const source = Module.wrap(bytes.toString('utf8'));
  const cachedData =
    cache !== undefined && cache.subarray(0, digest.length).equals(digest)
      ? cache.subarray(digest.length)
      : undefined;
  return { file, digest, script: new vm.Script(source, { filename: file, cachedData }) };
}

/** Runs the module wrapper as Node's CommonJS loader does (exports, require, module, __filename, __dirname). */
function run({ file, script }) {
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

module.exports = { loadBundle, loadBundleForCache, cacheAccepted };
