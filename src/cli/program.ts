import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Runtime } from '../commands/context/runtime.js';
import { COMMANDS, type CommandEntry } from './commandTable.js';
import type { EarlyFlags } from './earlyOutput.js';
import { homeParser, nodeUrlParser, parseProgress, parseTimeout } from './globalOptions.js';

/** The widest help text, in columns (commander's own width when stdout is not a terminal). */
export const HELP_WIDTH = 80;

/** Runs the command commander parsed: src/cli/runCommand.ts, or a recorder in the argument tests. */
export type CommandRunner = (entry: CommandEntry, command: Command) => Promise<void>;

/** The package version, read once from package.json (two folders above both src/cli and dist/cli). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/**
 * The commander program: the global options of docs/cli.md and every command of the table. Commands are added
 * with program.command() so that they inherit exitOverride and the output routing.
 */
export function createProgram(runtime: Runtime, early: EarlyFlags, run: CommandRunner): Command {
  const program = new Command('harvest')
    .description('Symbol delegated and remote harvesting: safe, scriptable, fast')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('-y, --yes', 'do not ask for confirmation (needed to announce without a terminal)')
    .addOption(
      new Option(
        '--node <url>',
        'REST URL of a Symbol node; repeat for failover nodes (env HARVEST_NODE, comma-separated)',
      ).argParser(nodeUrlParser),
    )
    .option(
      '--network <name|file>',
      'network the node must belong to: mainnet, testnet or a network file (env HARVEST_NETWORK)',
    )
    .addOption(
      new Option('--home <dir>', 'keystore folder (env HARVEST_HOME; default ~/.config/harvest)').argParser(
        homeParser(runtime.cwd),
      ),
    )
    .addOption(
      new Option('--timeout <seconds>', 'timeout of each HTTP request (default 10)').argParser(parseTimeout),
    )
    .option('--verbose', 'show details and stack traces of errors (and progress lines without a terminal)')
    .addOption(
      new Option(
        '--progress <mode>',
        'progress on stderr: auto (default: on a terminal), plain (one line per update, for CI logs), none',
      ).argParser(parseProgress),
    )
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--no-input', 'never prompt; fail with a hint when input is missing')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      // help wraps at 80 columns, or a narrower terminal's width: the same text on any wider terminal and in a pipe,
      // which lets bin/harvest.js print the help prebuilt by scripts/helpTexts.js without loading the program
      getOutHelpWidth: () => Math.min(runtime.io.stdoutColumns?.() ?? HELP_WIDTH, HELP_WIDTH),
      writeOut: (text) => runtime.io.stdout.write(text),
      writeErr: (text) => runtime.io.stderr.write(text),
      outputError: (text, write) => {
        if (!early.json) write(text);
      },
    });
  for (const entry of COMMANDS) {
    const { definition } = entry;
    const command = program
      .command(definition.name)
      .summary(definition.summary)
      .description(definition.description);
    definition.configure(command, program);
    showGlobalOptions(command, definition.unusedGlobals ?? []);
    command.action((...received: unknown[]) => run(entry, received.at(-1) as Command));
  }
  return program;
}

/**
 * `<command> --help` lists, under "Global Options", the program's flags that the command reads: every global flag
 * but `--version` and the ones its definition names as unused, so that a global flag added later shows up.
 */
function showGlobalOptions(command: Command, unused: readonly string[]): void {
  command.configureHelp({
    showGlobalOptions: true,
    visibleGlobalOptions: (cmd) =>
      (cmd.parent?.options ?? []).filter(
        (option) => !option.hidden && option.long !== '--version' && !unused.includes(option.long ?? ''),
      ),
  });
}
