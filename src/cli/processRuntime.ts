/** The real outside world of `harvest`: the process's terminal, environment, network, clock, randomness and files. */
import type { Runtime } from '../commands/context/runtime.js';
import { createNodePorts } from '../platform/nodePorts.js';
import { createProcessIo } from '../ui/io.js';
import { createInquirerPrompter } from '../ui/prompter.js';
import { ExitCode } from './exitCodes.js';

/** The real process: terminal, environment, network, clock, randomness and files. */
export function createProcessRuntime(): Runtime {
  const interruption = processInterruption();
  return {
    io: createProcessIo(),
    env: process.env,
    ...createNodePorts(),
    prompter: createInquirerPrompter(),
    cwd: process.cwd(),
    processes: { pid: process.pid, isRunning: isProcessRunning },
    interruption,
    shutdownSignal: () =>
      new Promise((resolve) => {
        const signal = interruption();
        if (signal.aborted) resolve(String(signal.reason));
        else signal.addEventListener('abort', () => resolve(String(signal.reason)), { once: true });
      }),
  };
}

/** Whether a process with this id runs (signal 0 checks without sending; EPERM: it runs under another user). */
function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SIGINT and SIGTERM as one AbortSignal (docs/cli.md, "Signals"): the first signal aborts it (its reason is the
 * signal's name) and the command ends with what it has; a second one ends the process at once with exit 130 — the
 * one process.exit of the program. Nothing listens until a command asks, so that a command that never waits still
 * stops at the first Ctrl+C.
 */
function processInterruption(): () => AbortSignal {
  let controller: AbortController | undefined;
  return () => {
    if (controller === undefined) {
      const own = new AbortController();
      controller = own;
      const onSignal = (name: NodeJS.Signals) => {
        if (own.signal.aborted) process.exit(ExitCode.Cancelled);
        own.abort(name);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    return controller.signal;
  };
}
