/** The node client and the keystore of one invocation, opened with its runtime and settings. */
import type { Context, KeystoreAccount } from '../commands/context/context.js';
import type { Runtime } from '../commands/context/runtime.js';
import { connectNode, type NodeClient } from '../flows/connectNode.js';
import { openKeystore, type KeystoreSession } from '../flows/keystore/openKeystore.js';

/** Connects to `url`, or to the --node of this invocation. */
export function nodeConnector(
  runtime: Runtime,
  nodeUrl: string | undefined,
  timeoutMs: number,
): (url?: string) => Promise<NodeClient> {
  // a promise, so that a missing node is a rejection like every other failure of the context
  return (url) =>
    new Promise((resolve) =>
      resolve(connectNode({ url: url ?? nodeUrl, fetch: runtime.fetch, sleep: runtime.sleep, timeoutMs })),
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
