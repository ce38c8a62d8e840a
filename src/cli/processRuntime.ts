/** The real outside world of `harvest`: the process's terminal, environment, network, clock, randomness and files. */
import { setTimeout as delay } from 'node:timers/promises';
import type { Runtime } from '../commands/context/runtime.js';
import { createProcessIo } from '../ui/io.js';
import { createInquirerPrompter } from '../ui/prompter.js';
import { createNodeFileSystem } from './nodeFileSystem.js';

/** The real process: terminal, environment, network, clock, randomness and files. */
export function createProcessRuntime(): Runtime {
  return {
    io: createProcessIo(),
    env: process.env,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    random: randomBytes,
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
    files: createNodeFileSystem(),
    prompter: createInquirerPrompter(),
    cwd: process.cwd(),
    shutdownSignal: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
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
