import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

describe('harvest devnet refuses unusable start-up inputs with exit 2 (never a crash or a hang)', () => {
  it.each([
    [['--state', '/dev/null'], /--state \/dev\/null cannot be used as a folder/],
    [['--state', '/dev/null/x'], /cannot be used as a folder/],
    [['--state', '/proc/harvest-devnet-test'], /cannot be used as a folder/],
    [['--host', '999.1.1.1'], /--host 999.1.1.1 is not an address of this machine/],
  ])('%j', async (args, message) => {
    const run = await runCli(['devnet', '--json', '--port', '0', ...args], {
      shutdownSignal: () => Promise.resolve('SIGTERM'),
    });
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
    });
  });
});
