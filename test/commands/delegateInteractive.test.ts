import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/ui/prompter.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-tty-');

/** Answers questions in order, and records them. */
function scriptedPrompter(answers: { input?: string[]; password?: string[]; confirm?: (boolean | Error)[] }) {
  const asked: string[] = [];
  const take = <T>(list: T[] | undefined, message: string): T => {
    asked.push(message);
    if (list === undefined || list.length === 0) throw new Error(`unexpected question: ${message}`);
    return list.shift()!;
  };
  const prompter: Prompter = {
    input: (message) => Promise.resolve(take(answers.input, message)),
    password: (message) => Promise.resolve(take(answers.password, message)),
    confirm: (message) => {
      const answer = take(answers.confirm, message);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { prompter, asked };
}

describe('harvest delegate on a terminal', () => {
  it('asks for the node, the key, the password (twice for a new keystore) and the confirmation, on stderr', async () => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const mainKey = readFileSync(account.keyFile, 'utf8').trim();
    const { prompter, asked } = scriptedPrompter({
      input: [fixture.devnet.url],
      password: [mainKey, 'pw', 'pw'],
      confirm: [true],
    });
    const run = await runCli(['delegate', '--home', fixture.dir], { tty: true, prompter });
    expect(run.exitCode).toBe(0);
    expect(asked).toEqual([
      expect.stringMatching(/node REST URL/),
      expect.stringMatching(/main account key/),
      'keystore password',
      'same password again',
      'Go ahead?',
    ]);
    expect(run.stderr).toMatch(/link remote key/); // the plan is shown before the question
    expect(run.stdout).toMatch(/state ACTIVE/);
    expect(run.stdout + run.stderr).not.toContain(mainKey.toUpperCase());
  });

  it('Ctrl+C at the confirmation cancels with exit 130: no key stored, nothing announced', async () => {
    const account = fixture.devnet.descriptor.accounts[1]!;
    const ctrlC = Object.assign(new Error('User force closed the prompt with SIGINT'), {
      name: 'ExitPromptError',
    });
    const { prompter } = scriptedPrompter({ password: ['pw', 'pw'], confirm: [ctrlC] });
    const run = await runCli(
      ['delegate', '--home', fixture.dir, '--node', fixture.devnet.url, '--key-file', account.keyFile],
      {
        tty: true,
        prompter,
      },
    );
    expect(run.exitCode).toBe(130);
    expect(existsSync(join(fixture.dir, 'keystore', `${account.address}.json`))).toBe(false);
    const state = (await (await fetch(`${fixture.devnet.url}/accounts/${account.address}`)).json()) as {
      account: { supplementalPublicKeys: Record<string, unknown> };
    };
    await fixture.devnet.nextBlock();
    expect(state.account.supplementalPublicKeys).toEqual({});
  });

  it('declining the confirmation is CANCELLED too', async () => {
    const account = fixture.devnet.descriptor.accounts[2]!;
    const { prompter } = scriptedPrompter({ password: ['pw', 'pw'], confirm: [false] });
    const run = await runCli(
      ['delegate', '--home', fixture.dir, '--node', fixture.devnet.url, '--key-file', account.keyFile],
      {
        tty: true,
        prompter,
      },
    );
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('Cancelled.');
    expect(run.stderr).not.toMatch(/error:|CANCELLED/);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('Cancelled'))).toEqual(['Cancelled.']);
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(130);
  });

  it('declining with --json keeps the CANCELLED error document on stdout, exit 130', async () => {
    const account = fixture.devnet.descriptor.accounts[3]!;
    const { prompter } = scriptedPrompter({ password: ['pw', 'pw'], confirm: [false] });
    const run = await runCli(
      [
        'delegate',
        '--json',
        '--home',
        fixture.dir,
        '--node',
        fixture.devnet.url,
        '--key-file',
        account.keyFile,
      ],
      { tty: true, prompter },
    );
    expect(run.json()).toEqual({ error: { code: 'CANCELLED', message: 'declined by the user' } });
    expect(run.exitCode).toBe(130);
  });
});
