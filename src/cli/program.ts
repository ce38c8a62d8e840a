import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { registerAnnounce } from '../commands/announce.js';
import { registerDecryptCheck } from '../commands/decryptCheck.js';
import { registerDelegate } from '../commands/delegate.js';
import { registerLinkRemote } from '../commands/linkRemote.js';
import { registerSign } from '../commands/sign.js';
import { registerDevnet } from '../commands/devnet.js';
import { registerNode } from '../commands/node.js';
import { registerOnboard } from '../commands/onboard.js';
import { registerRequests } from '../commands/requests.js';
import { registerStatus } from '../commands/status.js';
import { registerUnlink } from '../commands/unlink.js';
import type { Invocation } from './context.js';

/** What main() learns from argv before commander parses it, so parse errors honour --json. */
export interface EarlyFlags {
  readonly json: boolean;
  readonly verbose: boolean;
}

/** The package version, read once from package.json (two folders above both src/cli and dist/cli). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/**
 * The commander program: global options of docs/cli.md and one registerX() per command. Commands are added
 * with program.command() (inside registerX) so that they inherit exitOverride and the output routing.
 */
export function createProgram(invocation: Invocation, early: EarlyFlags): Command {
  const { runtime } = invocation;
  const program = new Command('harvest')
    .description('Symbol delegated and remote harvesting: safe, scriptable, fast')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('-y, --yes', 'do not ask for confirmation (needed to announce without a terminal)')
    .option('--node <url>', 'REST URL of the Symbol node to use (env HARVEST_NODE)')
    .addOption(
      new Option('--network <name>', 'public network the node must belong to (env HARVEST_NETWORK)').choices([
        'mainnet',
        'testnet',
      ]),
    )
    .option('--home <dir>', 'keystore folder (env HARVEST_HOME; default ~/.config/harvest)')
    .option('--timeout <seconds>', 'timeout of each HTTP request (default 10)')
    .option('--verbose', 'show details and stack traces of errors')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--no-input', 'never prompt; fail with a hint when input is missing')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.stdout.write(text),
      writeErr: (text) => runtime.io.stderr.write(text),
      outputError: (text, write) => {
        if (!early.json) write(text);
      },
    });
  registerDecryptCheck(program, invocation);
  registerDelegate(program, invocation);
  registerLinkRemote(program, invocation);
  registerSign(program, invocation);
  registerNode(program, invocation);
  registerRequests(program, invocation);
  registerStatus(program, invocation);
  registerUnlink(program, invocation);
  registerAnnounce(program, invocation);
  registerOnboard(program, invocation);
  registerDevnet(program, invocation);
  return program;
}
