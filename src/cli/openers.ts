/**
 * The node client and the keystore of one invocation, opened with its runtime and settings. Their flows are
 * imported when first opened: a command that never talks to a node (decrypt-check --message) does not load the
 * node client, nor one without a keystore the keystore format (docs/performance.md, "Start-up").
 */
import type { Context, KeystoreAccount } from '../commands/context/context.js';
import type { Runtime } from '../commands/context/runtime.js';
import type { NodeClient } from '../flows/connectNode.js';
import type { KeystoreSession } from '../flows/keystore/openKeystore.js';

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
  return async (url, delegateTo) => {
    const { connectNode } = await import('../flows/connectNode.js');
    return connectNode({
      url: url ?? nodeUrls[0],
      urls: nodeUrls,
      ...(delegateTo === undefined ? {} : { delegateTo }),
      onNote,
      fetch: runtime.fetch,
      sleep: runtime.sleep,
      timeoutMs,
    });
  };
}

/** Opens keystores under `home`, reading the password with `readKeystorePassword` when needed; warns of loose modes. */
export function keystoreOpener(
  runtime: Runtime,
  home: string,
  readKeystorePassword: Context['readKeystorePassword'],
  onWarning: (text: string) => void,
): (account: KeystoreAccount, passwordFile: string | undefined) => Promise<KeystoreSession> {
  return async (account, passwordFile) => {
    const { openKeystore } = await import('../flows/keystore/openKeystore.js');
    return openKeystore({
      files: runtime.files,
      home,
      ...account,
      password: (creating) => readKeystorePassword(passwordFile, creating),
      random: runtime.random,
      onWarning,
    });
  };
}
