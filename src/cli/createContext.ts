/**
 * Builds what a command sees (src/commands/context/context.ts) from the runtime and the parsed global options.
 * Loaded with the command (src/cli/runCommand.ts), not at start-up: its node and keystore openers load flows.
 */
import { resolve } from 'node:path';
import type { Context } from '../commands/context/context.js';
import type { Runtime } from '../commands/context/runtime.js';
import type { NetworkParameters } from '../core/network.js';
import { createOutput } from '../ui/output.js';
import { plainStyle, type Style } from '../ui/style.js';
import { createAsk } from './ask.js';
import { readSettings, type GlobalOptions } from './globalOptions.js';
import { createInputReader } from './inputReader.js';
import { readKeystorePassword } from './readKeystorePassword.js';
import { keystoreOpener, nodeConnector } from './openers.js';
import { createOutputFiles } from './outputFiles.js';

/**
 * The context of one command invocation. `network` is --network already read (src/cli/readNetworkOption.ts, which
 * reads a network file); without it only the public names are understood. `style` is loaded by the caller
 * (loadStyle) when settings.color is true: chalk is imported only then.
 */
export function createContext(
  runtime: Runtime,
  options: GlobalOptions,
  network?: NetworkParameters,
  style: Style = plainStyle,
): Context {
  const settings = readSettings(runtime, options, network);
  const { json, yes, verbose, interactive, nodeUrl, nodeUrls, home, timeoutMs } = settings;
  const output = createOutput(runtime.io, {
    json,
    verbose,
    style: settings.color ? style : plainStyle,
    progress: settings.progress,
  });
  const ask = createAsk({ yes, interactive, output, prompter: runtime.prompter });
  const resolvePath = (path: string) => resolve(runtime.cwd, path);
  const input = createInputReader(runtime, ask, resolvePath);
  const keystorePassword: Context['readKeystorePassword'] = (passwordFile, creating) =>
    readKeystorePassword(
      { readFile: input.readFile, env: runtime.env, interactive, ask },
      passwordFile,
      creating,
    );
  return {
    runtime,
    output,
    ask,
    json,
    yes,
    verbose,
    interactive,
    nodeUrl,
    nodeUrls,
    network: settings.network,
    home,
    timeoutMs,
    resolvePath,
    ...input,
    readKeystorePassword: keystorePassword,
    ...createOutputFiles(runtime.files, resolvePath),
    connectNode: nodeConnector(runtime, nodeUrls, timeoutMs, (text) => output.note(text)),
    openKeystore: keystoreOpener(runtime, home, keystorePassword, (text) => output.note(text)),
  };
}
