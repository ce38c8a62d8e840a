/**
 * `harvest devnet` as help shows it (docs/commands/devnet.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/devnet.ts, loaded only when it runs.
 */
import { Option } from 'commander';
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest devnet`. */
export interface DevnetCommandOptions {
  readonly port: string;
  readonly host: string;
  readonly state?: string;
  readonly blockTime: string;
  readonly accounts: string;
  readonly nodes: string;
  readonly maxUnlockedAccounts: string;
  readonly importanceGrouping: string;
  readonly minFeeMultiplier: string;
  readonly faults?: string;
  /** Every `--multisig m-of-n`, in order (the flag repeats). */
  readonly multisig?: readonly string[];
}

/** `harvest devnet`. */
export const devnetDefinition = defineCommand<DevnetCommandOptions>({
  name: 'devnet',
  summary: 'run a local Symbol network (REST API subset) to rehearse every flow offline',
  description:
    "Starts a local single-chain Symbol network held to a real node's rules: signatures, deadlines, fees, " +
    'balances, key links, importance and the harvesting extension (delegation requests, slots, harvesters.dat). ' +
    'Runs until SIGINT or SIGTERM. With --json, prints one line of JSON when ready.',
  unusedGlobals: ['--node', '--network', '--timeout', '--yes', '--home', '--no-input', '--progress'],
  configure: (command) =>
    command
      .addOption(
        numeric('--port <n>', 'REST port of node 0 (node i uses port + i; 0 = any free port)', '3000'),
      )
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--state <dir>', 'state folder, kept and resumed (default: a temporary folder removed on exit)')
      .addOption(numeric('--block-time <seconds>', 'seconds between blocks (0 = no blocks)', '1'))
      .addOption(numeric('--accounts <n>', 'funded accounts with importance', '10'))
      .addOption(
        numeric(
          '--nodes <n>',
          'API nodes over the same chain, each with its own transport key and slots',
          '1',
        ),
      )
      .addOption(numeric('--max-unlocked-accounts <n>', 'delegate slots per node (Importance policy)', '10'))
      .addOption(numeric('--importance-grouping <blocks>', 'blocks between importance recalculations', '10'))
      .addOption(numeric('--min-fee-multiplier <n>', "the node's minimum fee multiplier", '100'))
      .option('--faults <spec>', 'make the REST API unreliable: comma-separated key=value, keys below')
      .option(
        '--multisig <m-of-n>',
        'a funded multisig account needing m of its n funded cosignatories, made at genesis; repeat for several',
        collect,
      )
      .addHelpText('after', FAULTS_HELP),
});

/** The keys of --faults (packages/devnet/src/parseFaults.ts), shown after the options. */
const FAULTS_HELP = `
Faults (--faults key=value,...; default none):
  error-rate=<0..1>          share of all requests (announcements included) answered 503
  latency-ms=<ms>            delay before every answer (whole milliseconds, up to 60000)
  drop-announce-rate=<0..1>  share of announcements answered 202 and then dropped
  e.g. --faults error-rate=0.3,latency-ms=150,drop-announce-rate=0.5`;

/** Gathers every occurrence of a repeatable flag. */
function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}

/** A flag whose value stays text for the command to check, with its default shown as a number in help. */
function numeric(flags: string, description: string, fallback: string): Option {
  return new Option(flags, description).default(fallback, fallback);
}
