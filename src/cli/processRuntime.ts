/** The real outside world of `harvest`: the process's terminal, environment, network, clock, randomness and files. */
import type { Runtime } from '../commands/context/runtime.js';
import { createNodePorts } from '../platform/nodePorts.js';
import { createProcessIo } from '../ui/io.js';
import { createInquirerPrompter } from '../ui/prompter.js';

/** The real process: terminal, environment, network, clock, randomness and files. */
export function createProcessRuntime(): Runtime {
  return {
    io: createProcessIo(),
    env: process.env,
    ...createNodePorts(),
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
