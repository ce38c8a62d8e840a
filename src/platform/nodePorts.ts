/**
 * The real outside world a flow takes, from Node.js: network (fetch), clock, randomness, sleep and files. The CLI's
 * runtime (src/cli/processRuntime.ts) and the library's defaults (src/library/) are both wired from here.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, Fetch, FileSystem, RandomBytes, Sleep } from '../core/ports.js';
import { createNodeFileSystem } from './nodeFileSystem.js';

/** The ports of src/core/ports.ts, wired to this Node.js process. */
export interface NodePorts {
  readonly fetch: Fetch;
  readonly now: Clock;
  readonly random: RandomBytes;
  readonly sleep: Sleep;
  readonly files: FileSystem;
}

/** Node's fetch, clock, crypto randomness, timers and file system (atomic writes). */
export function createNodePorts(): NodePorts {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    random: randomBytes,
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
    files: createNodeFileSystem(),
  };
}

/**
 * Cryptographically strong bytes from the Web Crypto global, which Node loads on first use: importing node:crypto
 * here would load it on every start, `harvest --help` included. getRandomValues fills at most 65,536 bytes a call.
 */
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    globalThis.crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return bytes;
}
