/** The real outside world of `harvest`: the process's terminal, environment, network, clock, randomness and files. */
import { randomBytes } from 'node:crypto';
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
    random: (length) => new Uint8Array(randomBytes(length)),
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
