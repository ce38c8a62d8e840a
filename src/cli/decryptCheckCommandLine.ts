/**
 * `harvest decrypt-check …` read without commander, for the direct entry (src/cli/directDecryptCheck.ts): loading
 * commander and the command table is a large part of what `decrypt-check --message` costs to start
 * (docs/performance.md, "Start-up, third pass").
 *
 * Only plain command lines are read here: the command name first, then flags of decrypt-check and global flags,
 * each as `--flag value` or `--flag=value` (and `-y`). Anything else gives undefined — an unknown flag, another short
 * flag, `--`, a positional argument, a missing value, a value that starts with '-' (commander may take it for a
 * flag), a value that --node, --timeout or --progress refuses, help, --version — and the program (commander) reads
 * that command line as always, its errors included. So the two paths cannot differ on what they refuse, and on what
 * this accepts they give the same options: test/cli/decryptCheckCommandLine.test.ts compares them with commander's.
 */
import { homeParser, nodeUrlParser, parseTimeout, PROGRESS_MODES } from './globalOptions.js';
import type { ParsedCommandLine } from './runCommand.js';

/** The command this file reads. */
const COMMAND_NAME = 'decrypt-check';

/** How one flag sets its option: the option's name and how a value (or its presence) becomes the option's value. */
interface FlagRule {
  readonly scope: 'command' | 'global';
  readonly name: string;
  /** Absent: a flag without value, setting `flagValue`. */
  readonly parse?: (text: string, previous: unknown) => unknown;
  readonly flagValue?: boolean;
}

const text = (value: string): string => value;

/** --progress: one of its choices, as commander checks them (else the program refuses the value). */
const progressMode = (value: string): string => {
  if (!(PROGRESS_MODES as readonly string[]).includes(value)) throw new Error('not a --progress mode');
  return value;
};

/**
 * The flags of decrypt-check (src/commands/definitions/decryptCheck.ts) and the global flags (src/cli/program.ts),
 * those it does not read included: a script may pass --yes or --no-input to every command. --home is made absolute
 * against the working directory, as commander's parser does.
 */
const flagsFor = (cwd: string): Readonly<Record<string, FlagRule>> => ({
  '--node-key': { scope: 'command', name: 'nodeKey', parse: text },
  '--message': { scope: 'command', name: 'message', parse: text },
  '--harvesters': { scope: 'command', name: 'harvesters', parse: text },
  '--payload': { scope: 'command', name: 'payload', parse: text },
  '--tx': { scope: 'command', name: 'tx', parse: text },
  '--show-secrets': { scope: 'command', name: 'showSecrets', flagValue: true },
  '--json': { scope: 'global', name: 'json', flagValue: true },
  '--verbose': { scope: 'global', name: 'verbose', flagValue: true },
  '--no-color': { scope: 'global', name: 'color', flagValue: false },
  '--node': {
    scope: 'global',
    name: 'node',
    parse: (value, previous) => nodeUrlParser(value, previous as string[] | undefined),
  },
  '--network': { scope: 'global', name: 'network', parse: text },
  '--timeout': { scope: 'global', name: 'timeout', parse: (value) => parseTimeout(value) },
  '--yes': { scope: 'global', name: 'yes', flagValue: true },
  '-y': { scope: 'global', name: 'yes', flagValue: true },
  '--no-input': { scope: 'global', name: 'input', flagValue: false },
  '--home': { scope: 'global', name: 'home', parse: homeParser(cwd) },
  '--progress': { scope: 'global', name: 'progress', parse: progressMode },
});

/**
 * The command line `argv` (without `node` and the script) as commander would hand it to decrypt-check, or
 * undefined when it is not a plain decrypt-check command line; `cwd` is the working directory (for --home).
 */
export function decryptCheckCommandLine(argv: readonly string[], cwd: string): ParsedCommandLine | undefined {
  if (argv[0] !== COMMAND_NAME) return undefined;
  const FLAGS = flagsFor(cwd);
  // commander's defaults of the negatable global flags (--no-color, --no-input)
  const globals: Record<string, unknown> = { color: true, input: true };
  const options: Record<string, unknown> = {};
  let index = 1;
  while (index < argv.length) {
    const word = argv[index++]!;
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = equals > 2 ? word.slice(0, equals) : word;
    const rule = Object.hasOwn(FLAGS, flag) ? FLAGS[flag] : undefined;
    if (rule === undefined) return undefined;
    const target = rule.scope === 'command' ? options : globals;
    if (rule.parse === undefined) {
      if (equals > 2) return undefined;
      target[rule.name] = rule.flagValue;
      continue;
    }
    const value = equals > 2 ? word.slice(equals + 1) : argv[index++];
    // a missing value, or one commander could read as a flag: the program says what is wrong
    if (value === undefined || (equals <= 2 && value.length > 1 && value.startsWith('-'))) return undefined;
    try {
      target[rule.name] = rule.parse(value, target[rule.name]);
    } catch {
      return undefined; // the program reports the bad value, as it always has
    }
  }
  return { args: [], options, globals: { ...options, ...globals } };
}
