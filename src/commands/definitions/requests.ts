/**
 * `harvest requests` as help shows it (docs/commands/requests.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/requests.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest requests`. */
export interface RequestsOptions {
  readonly nodeKey?: string;
  readonly showSecrets?: boolean;
  readonly watch?: boolean;
  readonly watchTimeout?: string;
}

/** `harvest requests`. */
export const requestsDefinition = defineCommand<RequestsOptions>({
  name: 'requests',
  summary: 'find, decrypt and check every delegation request sent to this node on chain',
  description:
    "Searches the chain (--node) for every transfer to the node's transport address that carries a delegation " +
    'request, top level or inside an aggregate, opens each with the node key and checks it against chain ' +
    "state with the node's own rules. Requests others sent that fail to decrypt are listed but do not change " +
    'the exit code.',
  unusedGlobals: ['--yes', '--home', '--no-input'],
  configure: (command) =>
    command
      .option(
        '--node-key <file>',
        "the node's transport private key: node.key.pem or 64 hex digits ('-' = stdin)",
      )
      .option('--show-secrets', 'also print the decrypted remote and VRF private keys')
      .option('--watch', 'keep following new blocks; new requests are noted on stderr; stop with Ctrl+C')
      .option('--watch-timeout <seconds>', 'stop watching after this long (default: until Ctrl+C)'),
});
