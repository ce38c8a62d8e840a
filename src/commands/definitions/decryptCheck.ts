/**
 * `harvest decrypt-check` as help shows it (docs/commands/decrypt-check.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/decryptCheck.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest decrypt-check`. */
export interface DecryptCheckOptions {
  readonly nodeKey?: string;
  readonly message?: string;
  readonly harvesters?: string;
  readonly payload?: string;
  readonly tx?: string;
  readonly showSecrets?: boolean;
}

/** `harvest decrypt-check`. */
export const decryptCheckDefinition = defineCommand<DecryptCheckOptions>({
  name: 'decrypt-check',
  summary: 'decrypt delegation requests with the node key and show the keys they carry',
  description:
    'Opens delegation requests exactly as the node does, with its transport key (node.key.pem), and shows the ' +
    'remote and VRF public keys inside. Give one of --message, --harvesters, --payload or --tx. With --node, ' +
    "each request is also checked against chain state with the node's own rules.",
  unusedGlobals: ['--yes', '--home', '--no-input', '--progress'],
  configure: (command) =>
    command
      .option(
        '--node-key <file>',
        "the node's transport private key: node.key.pem or 64 hex digits ('-' = stdin)",
      )
      .option('--message <hex>', 'one delegation message (264 hex digits, starting FE2A8061577301E2)')
      .option('--harvesters <file>', "a node's harvesters.dat (124-byte records)")
      .option(
        '--payload <file>',
        'a signed transaction (hex, or JSON with "payload"): its delegation transfers',
      )
      .option('--tx <hash>', 'a confirmed transaction on --node: its delegation transfers')
      .option('--show-secrets', 'also print the decrypted remote and VRF private keys'),
});
