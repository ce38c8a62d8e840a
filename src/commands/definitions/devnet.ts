/**
 * `harvest devnet` as help shows it (docs/commands/devnet.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/devnet.ts, loaded only when it runs.
 */
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
}

/** `harvest devnet`. */
export const devnetDefinition = defineCommand<DevnetCommandOptions>({
  name: 'devnet',
  summary: 'run a local Symbol network (REST API subset) to rehearse every flow offline',
  description:
    "Starts a local single-chain Symbol network held to a real node's rules: signatures, deadlines, fees, " +
    'balances, key links, importance and the harvesting extension (delegation requests, slots, harvesters.dat). ' +
    'Runs until SIGINT or SIGTERM. With --json, prints one line of JSON when ready.',
  configure: (command) =>
    command
      .option('--port <n>', 'REST port of node 0 (node i uses port + i; 0 = any free port)', '3000')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--state <dir>', 'state folder, kept and resumed (default: a temporary folder removed on exit)')
      .option('--block-time <seconds>', 'seconds between blocks (0 = no blocks)', '1')
      .option('--accounts <n>', 'funded accounts with importance', '10')
      .option('--nodes <n>', 'API nodes over the same chain, each with its own transport key and slots', '1')
      .option('--max-unlocked-accounts <n>', 'delegate slots per node (Importance policy)', '10')
      .option('--importance-grouping <blocks>', 'blocks between importance recalculations', '10')
      .option('--min-fee-multiplier <n>', "the node's minimum fee multiplier", '100')
      .option('--faults <spec>', 'error-rate=<0..1>,latency-ms=<ms>,drop-announce-rate=<0..1>'),
});
