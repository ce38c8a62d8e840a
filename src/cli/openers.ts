/** The node client and the keystore of one invocation, opened with its runtime and settings. */
import type { Context, KeystoreAccount } from '../commands/context/context.js';
import type { Runtime } from '../commands/context/runtime.js';
import { connectNode, type NodeClient } from '../flows/connectNode.js';
import { openKeystore, type KeystoreSession } from '../flows/keystore/openKeystore.js';

/**
 * Connects to `url`, or to the --node URLs of this invocation (the first preferred, the others failover);
 * `delegateTo` pins the node-specific reads to that node (docs/cli.md, "Several nodes").
 */
export function nodeConnector(
  runtime: Runtime,
  nodeUrls: readonly string[],
  timeoutMs: number,
  onNote: (text: string) => void,
): (url?: string, delegateTo?: string) => Promise<NodeClient> {
  // a promise, so that a missing node is a rejection like every other failure of the context
  return (url, delegateTo) =>
    new Promise((resolve) =>
      resolve(
        connectNode({
          url: url ?? nodeUrls[0],
          urls: nodeUrls,
          ...(delegateTo === undefined ? {} : { delegateTo }),
          onNote,
          fetch: runtime.fetch,
          sleep: runtime.sleep,
          timeoutMs,
        }),
      ),
    );
}

/** Opens keystores under `home`, reading the password with `readKeystorePassword` when needed; warns of loose modes. */
export function keystoreOpener(
  runtime: Runtime,
  home: string,
  readKeystorePassword: Context['readKeystorePassword'],
  onWarning: (text: string) => void,
): (account: KeystoreAccount, passwordFile: string | undefined) => Promise<KeystoreSession> {
  return (account, passwordFile) =>
    openKeystore({
      files: runtime.files,
      home,
      ...account,
      password: (creating) => readKeystorePassword(passwordFile, creating),
      random: runtime.random,
      onWarning,
    });
}
